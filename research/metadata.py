"""What the regime-on-a-day and citation pages tell reference managers
(core.metadata)."""

from django.urls import reverse

from core.addresses import absolute_url
from core.dates import format_date
from core.metadata import (
    CSL_JSON,
    DC_TEXT,
    SITE_NAME,
    Metadata,
    drop_empty,
    schema_date,
    site_node,
)
from plenaries.metadata import REGIME


def regime_on_metadata(day):
    """The page of a day: about the regime on that day (its temporal coverage),
    not published on it, so undated."""
    url = absolute_url(reverse("research:on-date", kwargs={"day": day}))
    title = f"The regime on {format_date(day)}"
    schema = {
        "@type": "WebPage",
        "@id": url,
        "name": title,
        "url": url,
        "about": REGIME,
        "temporalCoverage": day.isoformat(),
        "isPartOf": site_node(),
    }
    return Metadata(title=title, url=url, dc_type=DC_TEXT, schema=schema)


def reference_metadata(reference, *, json_url, csl_url, part_of=None, original=""):
    """A citation page's metadata: the reference it gives (research.references),
    whose address, the record's page or a paragraph's anchor on it, is the one
    to cite; `part_of`, the page a paragraph is part of, as (title, address)."""
    schema = {
        "@type": "CreativeWork",
        "@id": reference.url,
        "name": reference.title,
        "url": reference.url,
        "sameAs": original,
        "datePublished": schema_date(reference.issued, reference.precision),
        "publisher": reference.publisher
        and {"@type": "Organization", "name": reference.publisher},
        "isPartOf": (
            {"@type": "WebPage", "name": part_of[0], "url": part_of[1]}
            if part_of
            else site_node()
        ),
    }
    return Metadata(
        title=reference.title,
        url=reference.url,
        dc_type=DC_TEXT,
        schema=drop_empty(schema),
        date=reference.issued,
        precision=reference.precision,
        publisher=reference.publisher or SITE_NAME,
        source_url=original,
        json_url=json_url,
        alternates=((CSL_JSON, absolute_url(csl_url)),),
    )
