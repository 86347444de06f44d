"""What a source document's page tells reference managers (core.metadata)."""

from django.urls import reverse
from django.utils.text import capfirst

from core.addresses import absolute_url
from core.metadata import (
    CSL_JSON,
    DC_TEXT,
    SITE_NAME,
    Metadata,
    drop_empty,
    schema_date,
    site_node,
)

from .models import SourceDocument

Kind = SourceDocument.Kind
SCHEMA_TYPES = {
    Kind.STATEMENT: "Report",
    Kind.CHAIR_REPORT: "Report",
    Kind.OVERVIEW: "Article",
    Kind.PRESENTATION: "PresentationDigitalDocument",
}


def source_metadata(source):
    """The document as the archive holds it: its own title, publisher and date,
    the original's address (`sameAs`, DC.source), the archive's page as `url`."""
    url = absolute_url(source.get_absolute_url())
    plenary = source.plenary
    schema = {
        "@type": SCHEMA_TYPES.get(source.kind, "CreativeWork"),
        "@id": url,
        "name": source.title,
        "genre": source.get_kind_display(),
        "url": url,
        "sameAs": source.url,
        "datePublished": schema_date(source.published, source.published_precision),
        "publisher": source.publisher
        and {"@type": "Organization", "name": source.publisher},
        "about": plenary
        and {
            "@type": "Event",
            "name": capfirst(str(plenary)),
            "url": absolute_url(plenary.get_absolute_url()),
        },
        "isPartOf": site_node(),
    }
    csl = reverse(
        "research:cite-source-file", kwargs={"slug": source.slug, "file_format": "json"}
    )
    return Metadata(
        title=source.title,
        url=url,
        dc_type=DC_TEXT,
        schema=drop_empty(schema),
        date=source.published,
        precision=source.published_precision,
        publisher=source.publisher or SITE_NAME,
        source_url=source.url,
        json_url=absolute_url(reverse("api:source", kwargs={"slug": source.slug})),
        alternates=((CSL_JSON, absolute_url(csl)),),
    )
