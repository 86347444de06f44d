"""Slow down password guessing on the admin login: a few failures, then a pause.

Every sign-in attempt is counted before it is let through, atomically (the
cache's add and incr), so that attempts made at once cannot pass the limit
together; a successful sign-in clears the counts. Attempts count per client
address and per username, the username normalized as the sign-in form
normalizes it (NFKC), and case-folded.
"""

import hashlib
import unicodedata

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from core.clients import client_address, count_attempt

LOGIN_PATH = "/admin/login/"


def normalized_username(username):
    """The username as the sign-in form reads it (NFKC), and case-folded: "Ｅditor"
    and "EDITOR" are counted with "editor"."""
    return unicodedata.normalize("NFKC", username.strip()).casefold()


def attempt_keys(request):
    """Attempts count per client address and per username tried."""
    username = normalized_username(request.POST.get("username", ""))
    address = client_address(request)
    return [
        "login-failures:ip:" + hashlib.sha256(address.encode()).hexdigest(),
        "login-failures:user:" + hashlib.sha256(username.encode()).hexdigest(),
    ]


class AdminLoginThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or request.path != LOGIN_PATH:
            return self.get_response(request)
        keys = attempt_keys(request)
        window = settings.LOGIN_FAILURE_WINDOW
        counts = [count_attempt(key, window) for key in keys]
        if max(counts) > settings.LOGIN_FAILURE_LIMIT:
            response = HttpResponse(
                "Too many failed sign-in attempts. Try again in "
                f"{window // 60} minutes.",
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(window)
            return response
        response = self.get_response(request)
        # The admin answers a failed sign-in with the form again (200), a good one
        # with a redirect: then the attempts made so far are forgotten.
        if response.status_code == 302:
            cache.delete_many(keys)
        return response
