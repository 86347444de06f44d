"""What the pages of a plenary and of a chair term tell reference managers
(core.metadata)."""

from django.urls import reverse
from django.utils.text import capfirst

from core.addresses import absolute_url
from core.metadata import (
    CSL_JSON,
    DC_EVENT,
    DC_TEXT,
    Metadata,
    drop_empty,
    schema_date,
    site_node,
)

# The body every plenary is a meeting of, and every chair chairs.
REGIME = {
    "@type": "Organization",
    "name": "Missile Technology Control Regime",
    "alternateName": "MTCR",
}


def country_node(country):
    return {"@type": "Country", "name": country.name, "identifier": country.iso_code}


def plenary_place(plenary):
    """The meeting's place: its city (where the sources name one) and country."""
    address = {"@type": "PostalAddress", "addressLocality": plenary.city}
    address["addressCountry"] = country_node(plenary.country)
    return {
        "@type": "Place",
        "name": plenary.place_display,
        "address": drop_empty(address),
    }


def plenary_node(plenary):
    """A plenary as a schema.org Event, its dates as precise as its sources."""
    url = absolute_url(plenary.get_absolute_url())
    return {
        "@type": "Event",
        "@id": url,
        "name": capfirst(str(plenary)),
        "url": url,
        "startDate": schema_date(plenary.start_date, plenary.date_precision),
        "endDate": schema_date(plenary.end_date, plenary.date_precision),
        "location": plenary_place(plenary),
        "organizer": REGIME,
    }


def plenary_metadata(plenary):
    """Dated by its last day, as its references are (research.references)."""
    node = plenary_node(plenary)
    if plenary.opened_by:
        node["description"] = f"Opened by {plenary.opened_by}."
    csl = reverse(
        "research:cite-plenary-file",
        kwargs={"slug": plenary.slug, "file_format": "json"},
    )
    return Metadata(
        title=node["name"],
        url=node["url"],
        dc_type=DC_EVENT,
        schema=node,
        date=plenary.last_known_day,
        precision=plenary.date_precision,
        json_url=absolute_url(reverse("api:plenary", kwargs={"slug": plenary.slug})),
        alternates=((CSL_JSON, absolute_url(csl)),),
    )


def chair_metadata(term):
    """A chair term, from the chair list's row (its `country_list` and
    `person_list`), dated by the plenary it began at."""
    url = absolute_url(term.get_absolute_url())
    countries = " and ".join(country.name for country in term.country_list)
    title = f"Chair: {countries or term.slug}"
    start, end = term.start_plenary, term.end_plenary
    schema = {
        "@type": "WebPage",
        "@id": url,
        "name": title,
        "url": url,
        "about": [country_node(country) for country in term.country_list],
        "temporalCoverage": "/".join(
            [
                start and schema_date(start.start_date, start.date_precision) or "..",
                end and schema_date(end.start_date, end.date_precision) or "..",
            ]
        ),
        "mentions": [
            {"@type": "Person", "name": str(person)} for person in term.person_list
        ],
        "isPartOf": site_node(),
    }
    return Metadata(
        title=title,
        url=url,
        dc_type=DC_TEXT,
        schema=drop_empty(schema),
        date=start.start_date if start else None,
        precision=start.date_precision if start else "day",
    )
