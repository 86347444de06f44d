"""Serve anonymous GETs of public pages from the cache (see mtcr_site.cache).

It sits right after SecurityMiddleware (whose HTTPS redirect must still apply) and
stores the finished response, headers included, so a hit skips the rest of the
stack; it answers a matching If-None-Match itself.
"""

from django.conf import settings
from django.http import HttpResponse
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


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable(request):
            return self.get_response(request)
        key = page_cache.page_key(page_cache.current_version(), request)
        stored = page_cache.get_page(key)
        if stored is not None:
            return self.from_cache(request, stored)
        response = self.get_response(request)
        if self.storable(response):
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
        )
