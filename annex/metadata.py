"""What the Annex list opened at a revision tells reference managers
(core.metadata): revisions have no page of their own."""

from django.utils.text import capfirst

from core.addresses import absolute_url
from core.metadata import DC_TEXT, Metadata, drop_empty, schema_date, site_node
from plenaries.metadata import REGIME


def revision_metadata(revision):
    """A revision, from the Annex list's row."""
    url = absolute_url(revision.get_absolute_url())
    title = capfirst(str(revision))
    schema = {
        "@type": "CreativeWork",
        "@id": url,
        "name": title,
        "description": revision.summary,
        "url": url,
        "datePublished": schema_date(revision.date, revision.date_precision),
        "isBasedOn": {
            "@type": "CreativeWork",
            "name": "MTCR Equipment, Software and Technology Annex",
            "publisher": REGIME,
        },
        "isPartOf": site_node(),
    }
    return Metadata(
        title=title,
        url=url,
        dc_type=DC_TEXT,
        schema=drop_empty(schema),
        date=revision.date,
        precision=revision.date_precision,
    )
