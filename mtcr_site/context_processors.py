"""What every page's base template needs."""

import datetime

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from core.addresses import absolute_url


def search_url():
    """The search page, once the search app is installed; its path is the contract."""
    try:
        return reverse("search:results")
    except NoReverseMatch:
        return "/search/"


def site(request):
    return {
        "site_name": "MTCR Plenary Archive",
        "canonical_url": absolute_url(request.path),
        "site_url": settings.SITE_URL,
        "search_url": search_url(),
        "accessed": datetime.date.today(),
        "debug": settings.DEBUG,
    }
