"""What a page tells reference managers about the record it shows.

A page's record (or its view) builds one `Metadata`: its title, permanent address,
date at its precision, publisher, the address of its JSON, and its schema.org node.
The template tag `{% page_metadata metadata %}` (core/templatetags/metadata.py)
writes it into the page's <head> as Highwire Press `citation_*` tags (Google
Scholar, Zotero), Dublin Core tags and a schema.org JSON-LD script; `CitableMixin`
or `with_links()` adds the `Link` header: `rel="cite-as"` (the permanent address)
and `rel="describedby"` (the record's JSON).

The JSON-LD script is allowed by the Content-Security-Policy by its hash, noted on
the request for the security middleware: a hash, not a nonce, because the page
cache serves the same page, headers and all, to every reader, and a nonce served
twice is no nonce.
"""

import base64
import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from core.dates import DatePrecision, iso_date

SITE_NAME = "MTCR Plenary Archive"
# The Dublin Core types (DCMI Type Vocabulary) the pages use.
DC_EVENT, DC_TEXT, DC_DATASET = "Event", "Text", "Dataset"
CSL_JSON = "application/vnd.citationstyles.csl+json"
# As django.utils.html.json_script escapes JSON: no "</script>" can close the
# script early, and the text stays valid JSON.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class Metadata:
    """The bibliographic data of one page. `url`, `json_url` and the alternates'
    addresses are absolute (core.addresses.absolute_url)."""

    title: str
    url: str
    dc_type: str
    schema: dict
    date: object = None  # datetime.date
    precision: str = DatePrecision.DAY
    publisher: str = SITE_NAME
    source_url: str = ""
    json_url: str = ""
    alternates: tuple = ()  # (media type, absolute address)
    container: str = SITE_NAME

    @property
    def highwire_date(self):
        return iso_date(self.date, self.precision, separator="/")

    @property
    def dc_date(self):
        return iso_date(self.date, self.precision)

    def json_ld(self):
        """The schema.org node as the text of a <script type="application/ld+json">."""
        node = {"@context": "https://schema.org", **self.schema}
        text = json.dumps(node, ensure_ascii=False, indent=1)
        return text.translate(JSON_SCRIPT_ESCAPES)

    def links(self):
        """The Link header's links, as (address, parameters)."""
        links = [(self.url, 'rel="cite-as"')]
        if self.json_url:
            links.append((self.json_url, 'rel="describedby"; type="application/json"'))
        links.extend(
            (address, f'rel="alternate"; type="{media_type}"')
            for media_type, address in self.alternates
        )
        return links


def site_node():
    """The archive itself, as a schema.org WebSite (the container of its pages)."""
    return {"@type": "WebSite", "name": SITE_NAME, "url": settings.SITE_URL + "/"}


def publisher_node():
    """The archive as the schema.org Organization that publishes its data."""
    return {"@type": "Organization", "name": SITE_NAME, "url": settings.SITE_URL + "/"}


def schema_date(value, precision):
    """A date for schema.org, as precise as the source: '2016-10-21', '1994-10',
    '1987' (ISO 8601 allows each), or None when there is none."""
    return iso_date(value, precision) or None


def drop_empty(node):
    """The node without its empty values (schema.org has no use for "" or [])."""
    return {key: value for key, value in node.items() if value not in ("", None, [])}


def script_hash(text):
    """The CSP source that allows an inline script with this text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def allow_script(request, text):
    """Note on the request that the page carries this inline script (a JSON-LD
    block): the security middleware adds its hash to the CSP's script-src."""
    if request is not None:
        hashes = getattr(request, "csp_script_hashes", None)
        if hashes is None:
            hashes = request.csp_script_hashes = []
        hashes.append(script_hash(text))


def with_links(response, metadata):
    """The response with the Link header of the page's metadata."""
    if metadata is not None:
        response["Link"] = ", ".join(
            f"<{address}>; {parameters}" for address, parameters in metadata.links()
        )
    return response


class CitableMixin:
    """For a DetailView whose record has a page of its own: `get_metadata()` (the
    view's own) gives the page's Metadata, in the context as `metadata` and in the
    Link header."""

    def get_metadata(self):
        raise ImproperlyConfigured(f"{type(self).__name__} must define get_metadata()")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("metadata", self.get_metadata())
        return super().get_context_data(**kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        return with_links(response, context.get("metadata"))


class CitableEntryMixin(CitableMixin):
    """For a list whose entries have no page of their own, each linked to as the
    list opened at it (`?entry=<slug>#<slug>`, core.listing.EntryPaginationMixin):
    opened so, the page carries that entry's metadata (`entry_metadata(row)`, from
    the row the page lists; no query of its own)."""

    def entry_metadata(self, row):
        raise ImproperlyConfigured(
            f"{type(self).__name__} must define entry_metadata(row)"
        )

    def get_metadata(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        slug = self.request.GET.get("entry")
        if slug:
            for row in context.get("object_list") or ():
                if row.slug == slug:
                    context["metadata"] = self.entry_metadata(row)
        return context
