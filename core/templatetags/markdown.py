"""The one way Markdown reaches a page: rendered, then sanitized, then marked safe."""

import functools
import threading

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "li",
    "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "p": {"id"}}
EXTENSIONS = ["extra", "sane_lists"]

# Building a Markdown instance (loading its extensions) costs as much as
# converting a paragraph, and a statement page converts dozens of paragraphs.
# An instance is reused after reset(), but is not thread-safe: one per thread.
_local = threading.local()


def _converter():
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = markdown_lib.Markdown(extensions=EXTENSIONS)
    return converter


# The output depends on the text alone, and the archive's texts change rarely:
# the same statements, summaries and paragraphs are rendered on page after page.
@functools.lru_cache(maxsize=4096)
def render_markdown(text):
    """Markdown to HTML that is safe to show, whatever the text holds."""
    return sanitize(_converter().reset().convert(text or ""))


def same_site(url):
    """A relative link, unless it is protocol-relative ("//host", or "\\\\host"
    and "/\\host", which browsers read alike): that one leaves the site."""
    if url.strip().replace("\\", "/").startswith("//"):
        return None
    return url


def sanitize(html):
    """Only the tags, attributes and link schemes a statement may show."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        url_relative=same_site,
        link_rel="noopener noreferrer nofollow",
    )


@register.filter(name="markdown")
def markdown_filter(text):
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitized by nh3 above
