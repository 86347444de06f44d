"""The Markdown filter keeps no link that leaves the site without a scheme."""

import re

import pytest

from core.templatetags.markdown import render_markdown


@pytest.mark.parametrize(
    "text",
    [
        "[x](//evil.example)",
        "[x](//evil.example/path?q=1)",
        '<a href="\\\\evil.example">x</a>',
        "[x](/\\evil.example)",
        '<a href="//evil.example">x</a>',
        '<a href=" //evil.example">x</a>',
        "<//evil.example>",
    ],
)
def test_a_protocol_relative_link_is_dropped(text):
    html = render_markdown(f"See {text} for more.")
    assert re.findall(r'href="([^"]*)"', html) == [], html


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("[the list](/plenaries/)", 'href="/plenaries/"'),
        ("[a note](#note-1)", 'href="#note-1"'),
        ("[MTCR](https://mtcr.info/)", 'href="https://mtcr.info/"'),
    ],
)
def test_site_paths_anchors_and_web_links_stay(text, href):
    assert href in render_markdown(text)
