"""Quoted source text, shown as the document shows it.

Some documents carry a little inline HTML (`30<sup>th</sup>`, `<u>...</u>`). A
quoted passage keeps the harmless formatting tags and drops every other tag, so a
page never shows raw markup and never runs any.
"""

import re

import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()

FORMATTING_TAGS = {"sup", "sub", "u", "em", "strong", "i", "b"}


def clean_text(text):
    return nh3.clean(text or "", tags=FORMATTING_TAGS, attributes={})


@register.filter
def passage(text):
    """A passage, its line breaks kept."""
    return mark_safe(clean_text(text).strip().replace("\n", "<br>"))  # noqa: S308


@register.filter
def document_text(text):
    """A document's full text as paragraphs (a blank line between paragraphs)."""
    paragraphs = re.split(r"\n\s*\n", clean_text(text).strip())
    return mark_safe(  # noqa: S308 - cleaned by nh3 above
        "".join(
            f"<p>{paragraph.strip().replace(chr(10), '<br>')}</p>"
            for paragraph in paragraphs
            if paragraph.strip()
        )
    )


@register.filter
def field_label(field):
    """A citation's field as words: "opened_by" -> "opened by"."""
    return field.replace("_", " ").replace(":", ": ").replace(":  ", ": ")
