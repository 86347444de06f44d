"""Absolute links, on the site's configured address (settings.SITE_URL).

Never from the request's Host header: a page, feed or export is cached and served
to everyone, so a link built from one client's Host would reach them all.
"""

from urllib.parse import urljoin

from django.conf import settings


def absolute_url(location):
    """The absolute URL of a path ("/plenaries/2016-busan/"), as build_absolute_uri
    would give it on the site's own address."""
    if location.startswith("/") and not location.startswith("//"):
        return settings.SITE_URL + location
    return urljoin(settings.SITE_URL + "/", location)
