"""{{ citations|citation_list }}: the passages supporting a record, with their sources.

The markup of includes/_citations.html, written here rather than in a template
loop: a page of the chair list quotes some 200 passages at scale, and the loop
spent several times longer on each passage than this filter does. The output is
the loop's, byte for byte (tests/site/test_citation_list.py).
"""

from html import escape  # what Django's escape does to a string, without the lazy check

from django import template
from django.utils.safestring import mark_safe

from evidence.templatetags.passages import claim_display, field_label, passage

register = template.Library()

NOT_FOLLOWED = ' · <strong class="not-followed">not followed by the archive</strong>'


@register.filter(is_safe=True)
def citation_list(citations):
    """The citations as a list of quoted passages; nothing when there are none."""
    sources = {}  # a few documents are cited many times: each written once
    items = []
    for citation in citations:
        if citation.source_id not in sources:
            sources[citation.source_id] = source_parts(citation.source)
        items.append(citation_item(citation, *sources[citation.source_id]))
    if not items:
        return ""
    # Every part is escaped, or cleaned by passage().
    return mark_safe(f'\n<ul class="citations">\n  {"".join(items)}\n</ul>\n')  # noqa: S308


def source_parts(source):
    """The document's address, for the quote's cite, and its link and date."""
    line = f'— <a href="{escape(source.get_absolute_url())}">{escape(source.title)}</a>'
    if source.published:
        line += f", {escape(source.published_display)}"
    return escape(source.url), line


def citation_item(citation, cite, line):
    if citation.field:
        line += f" · supports <em>{escape(field_label(citation.field))}</em>"
        if citation.claim:
            line += f": “{escape(claim_display(citation.claim))}”"
    if not citation.is_followed:
        line += NOT_FOLLOWED
    quote = passage(citation.passage)
    return (
        f'\n  <li>\n    <blockquote cite="{cite}">{quote}</blockquote>\n'
        f'    <p class="source-line">{line}</p>\n  </li>\n  '
    )
