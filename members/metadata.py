"""What a country's page tells reference managers (core.metadata)."""

from django.urls import reverse

from core.addresses import absolute_url
from core.metadata import DC_TEXT, Metadata, drop_empty, site_node


def country_metadata(country):
    """Undated: the page is the country's whole record, and no source dates it."""
    url = absolute_url(country.get_absolute_url())
    schema = {
        "@type": "Country",
        "@id": url,
        "name": country.name,
        "alternateName": country.other_names,
        "identifier": country.iso_code,
        "url": url,
        "subjectOf": {"@type": "WebPage", "url": url, "isPartOf": site_node()},
    }
    return Metadata(
        title=country.name,
        url=url,
        dc_type=DC_TEXT,
        schema=drop_empty(schema),
        json_url=absolute_url(reverse("api:country", kwargs={"slug": country.slug})),
    )
