"""Serve anonymous GETs of public pages from the cache (see mtcr_site.cache)."""

from django.core.cache import cache
from django.http import HttpResponse

from mtcr_site import cache as page_cache

SKIPPED_PREFIXES = ("/admin/",)


def cacheable(request):
    return (
        page_cache.page_timeout() > 0
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(SKIPPED_PREFIXES)
        and request.COOKIES.get("sessionid") is None
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable(request):
            return self.get_response(request)
        key = page_cache.page_key(page_cache.current_version(), request)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self.storable(response):
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in {"set-cookie", "x-cache"}
            ]
            cache.set(
                key,
                (response.status_code, headers, response.content),
                page_cache.page_timeout(),
            )
            response["X-Cache"] = "miss"
        return response

    @staticmethod
    def storable(response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
        )
