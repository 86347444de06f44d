"""Which pages a report may concern: the site's own record pages, found by
resolving the path, and the record's label as its page names it.

No domain app is imported: a record page is a URL name of the site, and its
record is read through the page's own view (its model and slug), or, for the
regime on a day, from the date in the address.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils.dateformat import format as format_date

# The pages of one record each: a plenary, a country, a source document, and
# the regime on a day.
RECORD_PAGES = {
    "plenaries:detail",
    "members:detail",
    "evidence:detail",
    "research:on-date",
}
MAX_PATH_LENGTH = 200


def not_a_record_page():
    return ValidationError(
        "Reports are made from a record's page: follow “Report an error” at the "
        "bottom of the plenary, country or source page.",
        code="not_a_record_page",
    )


def page_path(address):
    """The path of one of the site's pages: a path, or an address on the site's
    own address (settings.SITE_URL) without query or fragment."""
    if address.startswith(settings.SITE_URL + "/"):
        address = address[len(settings.SITE_URL) :]
    parts = urlsplit(address)
    if (
        not address.startswith("/")
        or address.startswith("//")
        or parts.scheme
        or parts.netloc
        or parts.query
        or parts.fragment
        or len(address) > MAX_PATH_LENGTH
    ):
        raise not_a_record_page()
    return address


def record_label(match):
    """The record the resolved page shows, as the page names it; Http404 if
    there is none."""
    if match.view_name == "research:on-date":
        return f"The regime on {format_date(match.kwargs['day'], 'j F Y')}"
    view = match.func.view_class
    slug = match.kwargs[view.slug_url_kwarg]
    record = view.model._default_manager.filter(**{view.slug_field: slug}).first()
    if record is None:
        raise Http404
    return str(record)[:300]


def reported_record(address):
    """(path, label) of the record page `address` names, or ValidationError when
    it is not one of the site's record pages or its record does not exist."""
    path = page_path(address)
    try:
        match = resolve(path)
    except Resolver404:
        raise not_a_record_page() from None
    if match.view_name not in RECORD_PAGES:
        raise not_a_record_page()
    try:
        return path, record_label(match)
    except Http404:
        raise not_a_record_page() from None
