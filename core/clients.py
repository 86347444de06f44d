"""Who is asking, and how often: the client's address behind the site's proxies,
and an atomic count of its requests in a window (the admin sign-in throttle,
readers' error reports)."""

import ipaddress

from django.conf import settings
from django.core.cache import cache


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def client_address(request):
    """The address of the client: the connection's own, unless that is a trusted
    proxy (settings.TRUSTED_PROXIES), whose X-Forwarded-For then names it.

    The header is read from the right, past any trusted proxies: what a client
    wrote into it itself comes first and is never believed.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = [
        ipaddress.ip_network(proxy, strict=False) for proxy in settings.TRUSTED_PROXIES
    ]

    def trusted(address):
        return address is not None and any(address in proxy for proxy in proxies)

    if not trusted(_address(remote)):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(forwarded):
        address = _address(hop)
        if address is None:
            break
        if not trusted(address):
            return str(address)
    return remote


def count_attempt(key, window):
    """Add one to the key's count, atomically, and return the new count: 0 where
    the cache cannot count (Redis down, its errors ignored), so that a throttle
    fails open rather than locking everyone out."""
    if cache.add(key, 1, window):
        return 1
    try:
        return cache.incr(key) or 0
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, window)
        return 1
