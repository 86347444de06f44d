"""The rendered-page cache and its invalidation.

Pages are cached under a version number; any save or delete of an archive record
(admin, load_archive, shell) bumps the version, so no stale page outlives a change.
With Redis (REDIS_URL) every worker shares the version; with the local-memory
fallback each process has its own, so pages there live only PAGE_CACHE_SECONDS.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

VERSION_KEY = "archive:version"


def current_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def invalidate(**kwargs):
    """Signal receiver: the archive changed, so every cached page is stale."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def page_key(version, request):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{version}:{request.method}:{path}"


def page_timeout():
    return settings.PAGE_CACHE_SECONDS
