"""Slow down password guessing on the admin login: a few failures, then a pause."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

LOGIN_PATH = "/admin/login/"


def attempt_keys(request):
    """Failures count per client address and per username tried."""
    username = request.POST.get("username", "").strip().lower()
    address = request.META.get("REMOTE_ADDR", "")
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
        limit = settings.LOGIN_FAILURE_LIMIT
        if any((cache.get(key) or 0) >= limit for key in keys):
            response = HttpResponse(
                "Too many failed sign-in attempts. Try again in "
                f"{settings.LOGIN_FAILURE_WINDOW // 60} minutes.",
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(settings.LOGIN_FAILURE_WINDOW)
            return response
        response = self.get_response(request)
        # The admin answers a failed sign-in with the form again (200), a good one
        # with a redirect.
        if response.status_code == 200:
            for key in keys:
                cache.add(key, 0, settings.LOGIN_FAILURE_WINDOW)
                try:
                    cache.incr(key)
                except ValueError:
                    cache.set(key, 1, settings.LOGIN_FAILURE_WINDOW)
        elif response.status_code == 302:
            cache.delete_many(keys)
        return response
