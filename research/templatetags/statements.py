"""{% numbered_statement plenary %}: a statement as numbered, citable paragraphs."""

from django import template

from research.paragraphs import split_paragraphs

register = template.Library()


@register.inclusion_tag("research/_numbered_statement.html")
def numbered_statement(plenary):
    return {"plenary": plenary, "paragraphs": split_paragraphs(plenary.statement)}
