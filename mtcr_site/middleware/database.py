"""A database outage gives the site's own 503 page, and the next request retries."""

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        if not self.is_outage(exception):
            return None
        # Drop the broken connections so the next request opens fresh ones: the
        # site recovers by itself when the database returns.
        for connection in connections.all(initialized_only=True):
            connection.close_if_unusable_or_obsolete()
            if not connection.is_usable():
                connection.close()
        response = HttpResponse(render_to_string("503.html", request=None), status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response

    @staticmethod
    def is_outage(exception):
        """A lost or refused connection, not a bad query or a locked file."""
        if isinstance(exception, InterfaceError):
            return True
        message = str(exception).lower()
        return any(
            hint in message
            for hint in (
                "connection",
                "could not connect",
                "server closed",
                "terminating",
                "shutting down",
                "unable to open database",
                "the database system is",
            )
        )
