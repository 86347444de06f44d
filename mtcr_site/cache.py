"""The rendered-page cache and its invalidation.

Pages are cached under a version number; any save or delete of an archive record
(admin, load_archive, shell) bumps the version, so no stale page outlives a change.

Two levels, both Django caches: "default" (Redis where REDIS_URL is set) is shared
by every worker and holds the version and the pages; "local" (each process's own
memory) keeps the pages this worker served and the version it last read, for at
most LOCAL_VERSION_SECONDS. A hit so costs no network round trip, and a change
made through another worker reaches this one within that second. Without Redis
each process has its own version, so pages there live only PAGE_CACHE_SECONDS.

The cache is bounded: a page is stored under its canonical address only (see
mtcr_site.middleware.page_cache), at most PAGE_CACHE_VARIANTS query strings per
path and version, none larger than PAGE_CACHE_MAX_BYTES, each for
PAGE_CACHE_SECONDS.

It fails open. The shared cache ignores Redis's errors (django-redis'
IGNORE_EXCEPTIONS: a read finds nothing, a write is lost), so with Redis down
pages are rendered uncached, the sign-in throttle counts nothing, and an edit is
saved. A worker that cannot read or bump the version leaves Redis alone for
PAGE_CACHE_RETRY_SECONDS, and bumps the version when it next reaches Redis, since
an edit may have been made meanwhile. The version starts from the clock
(nanoseconds), so after Redis loses its data the new one is never a version an
earlier page was stored under.
"""

import hashlib
import logging
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches

VERSION_KEY = "archive:version"

logger = logging.getLogger(__name__)


class SharedState:
    """This process's view of Redis: when to try it again, and whether a change
    may have gone unannounced while it was away."""

    retry_at = 0.0
    missed_change = False


state = SharedState()


def unavailable():
    state.retry_at = time.monotonic() + settings.PAGE_CACHE_RETRY_SECONDS
    state.missed_change = True
    local().delete(VERSION_KEY)


def shared():
    return caches["default"]


def local():
    return caches["local"]


def current_version():
    """The version pages are stored under, or None while Redis is unavailable (the
    page is then rendered uncached)."""
    version = local().get(VERSION_KEY)
    if version is not None:
        return version
    if time.monotonic() < state.retry_at:
        return None
    if state.missed_change and not announce_change():
        return None
    version = shared().get(VERSION_KEY)
    if version is None:
        shared().add(VERSION_KEY, time.time_ns(), timeout=None)
        version = shared().get(VERSION_KEY)
    if version is None:
        unavailable()
        return None
    local().set(VERSION_KEY, version, settings.LOCAL_VERSION_SECONDS)
    return version


def invalidate(**kwargs):
    """Signal receiver: the archive changed, so every cached page is stale.

    Never fails the change: without Redis it logs, and this process bumps the
    version when Redis is back."""
    local().delete(VERSION_KEY)
    if not announce_change():
        logger.error(
            "Redis unavailable: the archive changed, cached pages will be "
            "invalidated when it is back"
        )


def announce_change():
    """Bump the shared version; False if Redis could not be reached."""
    try:
        bumped = shared().incr(VERSION_KEY) is not None
    except ValueError:  # no version: Redis lost its data, or never had it
        bumped = shared().add(VERSION_KEY, time.time_ns(), timeout=None) is not None
    if not bumped:
        unavailable()
        return False
    state.missed_change = False
    return True


def canonical_query(request):
    """The query string in one order (names, then values, sorted), so that the same
    parameters in another order find the same page."""
    return urlencode(
        sorted(
            (name, value) for name, values in request.GET.lists() for value in values
        )
    )


def page_key(version, request):
    address = f"{request.path}?{canonical_query(request)}"
    path = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{version}:{request.method}:{path}"


def admit_variant(version, request):
    """Whether one more query string of this path may be stored in this version:
    at most PAGE_CACHE_VARIANTS of them, whatever the parameters' values."""
    if not request.GET:
        return True
    path = hashlib.sha256(request.path.encode()).hexdigest()
    key = f"variants:{version}:{request.method}:{path}"
    shared().add(key, 0, page_timeout())
    try:
        count = shared().incr(key)
    except ValueError:  # expired between the two calls
        return False
    return count is not None and count <= settings.PAGE_CACHE_VARIANTS


def get_page(key):
    page = local().get(key)
    if page is None:
        page = shared().get(key)
        if page is not None:
            set_local(key, page)
    return page


def set_page(key, page):
    shared().set(key, page, page_timeout())
    set_local(key, page)


def set_local(key, page):
    """Each worker keeps only the smaller pages: its cache is bounded in entries."""
    if len(page[2]) <= settings.PAGE_CACHE_LOCAL_MAX_BYTES:
        local().set(key, page, page_timeout())


def page_timeout():
    return settings.PAGE_CACHE_SECONDS
