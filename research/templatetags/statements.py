"""{% numbered_statement plenary %}: a statement as numbered, citable paragraphs."""

from django import template
from django.urls import reverse

from plenaries.paragraphs import split_paragraphs

register = template.Library()


@register.inclusion_tag("research/_numbered_statement.html")
def numbered_statement(plenary):
    """Each paragraph with the address of its citation (None for a heading)."""
    paragraphs = [
        (
            paragraph,
            paragraph.number
            and reverse(
                "research:cite-paragraph",
                kwargs={"slug": plenary.slug, "number": paragraph.number},
            ),
        )
        for paragraph in split_paragraphs(plenary.statement)
    ]
    return {"plenary": plenary, "paragraphs": paragraphs}
