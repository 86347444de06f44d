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


def asks_admin_for_a_regex(request):
    """Whether an admin list is asked to filter by a regular expression.

    Every admin list, Django's own among them, takes a lookup on one of its
    model's fields from the query string, regex and iregex included. No list of
    the archive needs one; an invalid one is a database error, and an expensive
    one a slow query.
    """
    return request.path.startswith("/admin/") and any(
        name.rsplit("__", 1)[-1] in {"regex", "iregex"} for name in request.GET
    )


class BadQueryMiddleware:
    """A 400 for any request with a NUL byte, on the public site and the admin, and
    for an admin list asked for a regular expression."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if holds_nul(request):
            raise BadRequest("A NUL byte in the request.")
        if asks_admin_for_a_regex(request):
            raise BadRequest("The admin lists filter by no regular expression.")
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
