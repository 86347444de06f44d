"""The rendered-page cache and its invalidation.

Pages are cached under a version number; any save or delete of an archive record
(admin, load_archive, shell) bumps the version, so no stale page outlives a change.

Two levels, both Django caches: "default" (Redis where REDIS_URL is set) is shared
by every worker and holds the version and the pages; "local" (each process's own
memory) keeps the pages this worker served and the version it last read, for at
most LOCAL_VERSION_SECONDS. A hit so costs no network round trip, and a change
made through another worker reaches this one within that second. Without Redis
each process has its own version, so pages there live only PAGE_CACHE_SECONDS.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches

VERSION_KEY = "archive:version"


def shared():
    return caches["default"]


def local():
    return caches["local"]


def current_version():
    version = local().get(VERSION_KEY)
    if version is None:
        version = shared().get(VERSION_KEY)
        if version is None:
            shared().add(VERSION_KEY, 1, timeout=None)
            version = shared().get(VERSION_KEY, 1)
        local().set(VERSION_KEY, version, settings.LOCAL_VERSION_SECONDS)
    return version


def invalidate(**kwargs):
    """Signal receiver: the archive changed, so every cached page is stale."""
    try:
        shared().incr(VERSION_KEY)
    except ValueError:
        shared().set(VERSION_KEY, 2, timeout=None)
    local().delete(VERSION_KEY)


def page_key(version, request):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{version}:{request.method}:{path}"


def get_page(key):
    page = local().get(key)
    if page is None:
        page = shared().get(key)
        if page is not None:
            local().set(key, page, page_timeout())
    return page


def set_page(key, page):
    shared().set(key, page, page_timeout())
    local().set(key, page, page_timeout())


def page_timeout():
    return settings.PAGE_CACHE_SECONDS
