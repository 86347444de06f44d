"""Quoted source text, shown as the document shows it.

Some documents carry a little inline HTML (`30<sup>th</sup>`, `<u>...</u>`). A
quoted passage keeps the harmless formatting tags and drops every other tag, so a
page never shows raw markup and never runs any.
"""

import datetime
import re

import nh3
from django import template
from django.utils.safestring import mark_safe

from core.dates import DatePrecision, format_range

register = template.Library()

FORMATTING_TAGS = {"sup", "sub", "u", "em", "strong", "i", "b"}


def clean_text(text):
    return nh3.clean(text or "", tags=FORMATTING_TAGS, attributes={})


@register.filter
def passage(text):
    """A passage, cleaned; `|linebreaksbr` keeps its line breaks."""
    return mark_safe(clean_text(text).strip())  # noqa: S308 - cleaned by nh3


@register.filter
def paragraphs(text):
    """A document's full text, cleaned, as a list of paragraphs (a blank line
    between paragraphs); `|linebreaksbr` keeps the line breaks inside each."""
    return [
        mark_safe(paragraph.strip())  # noqa: S308 - cleaned by nh3
        for paragraph in re.split(r"\n\s*\n", clean_text(text).strip())
        if paragraph.strip()
    ]


@register.filter
def field_label(field):
    """A citation's field as words: "opened_by" -> "opened by"."""
    return field.replace("_", " ").replace(":", ": ").replace(":  ", ": ")


ISO_PART = r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?"
ISO_CLAIM = re.compile(rf"^(by )?{ISO_PART}(?:/{ISO_PART})?$")


def _iso_date(year, month, day):
    if day:
        precision = DatePrecision.DAY
    else:
        precision = DatePrecision.MONTH if month else DatePrecision.YEAR
    return datetime.date(int(year), int(month or 1), int(day or 1)), precision


@register.filter
def claim_display(claim):
    """A claim as a reader says it: "2011-04-11/2011-04-15" -> "11–15 April 2011".

    Claims that are not ISO dates or ranges are returned as they are.
    """
    match = ISO_CLAIM.match((claim or "").strip())
    if not match:
        return claim
    by, *parts = match.groups()
    try:
        start, precision = _iso_date(*parts[:3])
        end = _iso_date(*parts[3:])[0] if parts[3] else None
    except ValueError:
        return claim
    shown = format_range(start, end, precision)
    return f"by {shown}" if by else shown
