"""A statement as numbered paragraphs, each with an anchor researchers can cite.

A paragraph is a block of the Markdown source separated from the next by a blank
line. Headings are kept but not numbered, so that "paragraph 3" means the third
paragraph of the statement's own prose. The numbering depends only on the text:
an anchor such as `p-3` holds for as long as the statement is unchanged.
"""

import html
import re
from dataclasses import dataclass
from functools import cached_property

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from core.templatetags.markdown import render_markdown

BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n\s*")
HEADING = re.compile(r"#{1,6}\s")


@dataclass
class Paragraph:
    """One block of a statement; `number` is None for a heading."""

    number: int | None
    source: str

    @property
    def anchor(self):
        return f"p-{self.number}" if self.number else ""

    @property
    def is_heading(self):
        return self.number is None

    @cached_property
    def html(self):
        """The block rendered by the site's one Markdown filter (sanitized)."""
        return mark_safe(render_markdown(self.source))  # noqa: S308 - nh3-cleaned

    @cached_property
    def plain(self):
        """The block as a reader sees it: no markup, entities decoded."""
        return " ".join(html.unescape(strip_tags(self.html)).split())


def split_paragraphs(text):
    """[Paragraph] for a Markdown text: headings unnumbered, paragraphs 1, 2, ..."""
    blocks = [
        block.strip() for block in BLANK_LINES.split((text or "").replace("\r\n", "\n"))
    ]
    paragraphs = []
    number = 0
    for block in blocks:
        if not block:
            continue
        if HEADING.match(block):
            paragraphs.append(Paragraph(None, block))
        else:
            number += 1
            paragraphs.append(Paragraph(number, block))
    return paragraphs


def numbered(text):
    """Only the numbered paragraphs of a text."""
    return [paragraph for paragraph in split_paragraphs(text) if paragraph.number]


def paragraph(text, number):
    """The paragraph with this number, or None."""
    for candidate in numbered(text):
        if candidate.number == number:
            return candidate
    return None
