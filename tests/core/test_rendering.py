"""Rendering made faster shows the same thing: Markdown and links."""

import sys
from concurrent.futures import ThreadPoolExecutor

import markdown
import pytest

from core.templatetags.markdown import render_markdown, sanitize
from plenaries.models import Chairmanship, Plenary
from plenaries.paragraphs import split_paragraphs

pytestmark = pytest.mark.django_db


def fresh_render(text):
    """The Markdown filter as it was: a new converter for every text (then the
    same sanitizer: what this compares is the reused converter and its cache)."""
    return sanitize(markdown.markdown(text or "", extensions=["extra", "sane_lists"]))


def test_markdown_of_the_archive_renders_as_a_fresh_converter_would(real_archive):  # noqa: F811
    """Every statement, summary and paragraph: the reused converter, uncached and
    cached, gives exactly what a new converter gives."""
    texts = []
    for plenary in Plenary.objects.all():
        for text in (plenary.statement, plenary.summary, plenary.next_announcement):
            texts.append(text)
            texts += [paragraph.source for paragraph in split_paragraphs(text)]
    assert len(texts) > 100
    for text in texts:
        expected = fresh_render(text)
        assert render_markdown.__wrapped__(text) == expected
        assert render_markdown(text) == expected


@pytest.mark.parametrize(
    "defining, later",
    [
        ("[mtcr]: https://mtcr.info\n\nSee [mtcr].", "See [mtcr]."),
        ("*[MTCR]: Missile Technology Control Regime\n\nMTCR met.", "MTCR met."),
        ("Partners met.[^1]\n\n[^1]: In Busan.", "Partners met.[^1]"),
    ],
)
def test_nothing_one_text_defines_reaches_the_next(defining, later):
    """Links, abbreviations and footnotes defined in one text stay in it."""
    for render in (render_markdown.__wrapped__, render_markdown):
        assert render(defining) == fresh_render(defining)
        assert render(later) == fresh_render(later)
        assert "<a" not in render(later) and "<abbr" not in render(later)


def test_threads_rendering_at_once_each_get_their_own_text():
    """Each thread has its own converter: concurrent renders never mix."""
    texts = [
        f"Paragraph {n} of *the* statement.[^{n}]\n\n[^{n}]: {n}" for n in range(200)
    ]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, in mid-conversion
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            rendered = list(pool.map(render_markdown.__wrapped__, texts))
    finally:
        sys.setswitchinterval(interval)
    assert rendered == [fresh_render(text) for text in texts]


def test_the_chair_terms_of_a_plenary_are_those_begun_or_ended_there(real_archive):  # noqa: F811
    for plenary in Plenary.objects.all():
        terms = list(Chairmanship.objects.begun_or_ended_at(plenary))
        assert set(terms) == set(plenary.chairmanships_begun.all()) | set(
            plenary.chairmanships_ended.all()
        )
