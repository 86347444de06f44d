"""Serve anonymous GETs of public pages from the cache (see mtcr_site.cache).

It sits right after SecurityMiddleware (whose HTTPS redirect must still apply) and
stores the finished response, headers included, so a hit skips the rest of the
stack; it answers a matching If-None-Match itself.

Only a page's canonical address is stored: every parameter of its query string is
one the view read (so a made-up one, `?utm_x=1` or random junk, is rendered but
not stored), none given twice unless the view reads a list, and no value the page
reports as ignored. Otherwise any client could fill the cache with copies of a
page, one per query string.
"""

from django.conf import settings
from django.forms import BaseForm
from django.http import HttpResponse, QueryDict
from django.utils.cache import get_conditional_response

from mtcr_site import cache as page_cache

SKIPPED_PREFIXES = ("/admin/", f"/{settings.STATIC_URL.strip('/')}/")
NOT_STORED = {"set-cookie", "x-cache"}


def cacheable(request):
    return (
        page_cache.page_timeout() > 0
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(SKIPPED_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class ReadQuery(QueryDict):
    """The request's query string, noting the names the view reads from it."""

    def __init__(self, *args, **kwargs):
        self.read, self.read_as_list = set(), set()
        super().__init__(*args, **kwargs)
        # Filling itself looked each name up: only the view's reads count.
        self.read, self.read_as_list = set(), set()

    def __getitem__(self, key):  # also get()
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)

    def getlist(self, key, default=None):
        self.read_as_list.add(key)
        return super().getlist(key, default)

    def canonical(self):
        """Every name read by the view, and given once unless read as a list."""
        return all(
            name in self.read_as_list or (name in self.read and len(values) == 1)
            for name, values in self.lists()
        )


def reports_ignored_values(response):
    """Whether the page's form or filters could not read a value it was given."""
    for value in (getattr(response, "context_data", None) or {}).values():
        form = getattr(value, "form", value)
        if isinstance(form, BaseForm) and form.is_bound and form.errors:
            return True
    return False


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable(request):
            return self.get_response(request)
        # A Host the site does not answer to gets its 400, not a cached page. The
        # key leaves the Host out: no page depends on it (core.addresses).
        request.get_host()
        version = page_cache.current_version()
        if version is None:  # Redis unavailable: render, uncached
            return self.get_response(request)
        key = page_cache.page_key(version, request)
        stored = page_cache.get_page(key)
        if stored is not None:
            return self.from_cache(request, stored)
        request.GET = query = ReadQuery(
            request.META.get("QUERY_STRING", ""), encoding=request.encoding
        )
        response = self.get_response(request)
        if (
            self.storable(response)
            and query.canonical()
            and not reports_ignored_values(response)
            and page_cache.admit_variant(version, request)
        ):
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in NOT_STORED
            ]
            page_cache.set_page(key, (response.status_code, headers, response.content))
            response["X-Cache"] = "miss"
        return response

    @staticmethod
    def from_cache(request, stored):
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Cache"] = "hit"
        return (
            get_conditional_response(
                request, etag=response.get("ETag"), response=response
            )
            or response
        )

    @staticmethod
    def storable(response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and len(response.content) <= settings.PAGE_CACHE_MAX_BYTES
        )
