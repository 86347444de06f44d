"""Requests no page can answer are refused before they reach a view."""

from django.core.exceptions import BadRequest
from django.http import HttpResponseNotAllowed

# Pages are read (GET, HEAD, OPTIONS) and the admin's forms posted: nothing
# else, TRACE least of all (it echoes the request, cookies included).
SERVED_METHODS = ("GET", "HEAD", "POST", "OPTIONS")


def holds_nul(request):
    """Whether the path, a query value or form value (or a name) holds a NUL byte.

    No field of the archive holds one, SQLite cuts text at it and PostgreSQL
    refuses it with an error: it can only come from a mistake or an attack.
    """
    if "\x00" in request.path:
        return True
    return any(
        "\x00" in name or any("\x00" in value for value in values)
        for data in (request.GET, request.POST)
        for name, values in data.lists()
    )


class NulByteMiddleware:
    """A 400 for any request with a NUL byte, on the public site and the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if holds_nul(request):
            raise BadRequest("A NUL byte in the request.")
        return self.get_response(request)


class ServedMethodsMiddleware:
    """A 405 for any other method, on every URL: views such as the feed and the
    sitemap answer whatever method they are asked with."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in SERVED_METHODS:
            return HttpResponseNotAllowed(SERVED_METHODS)
        return self.get_response(request)
