"""A phrase through the plenaries' texts: matching, counts, first and latest use."""

import datetime

import pytest
from django.conf import settings

from research.charts import year_strip_svg
from research.trends import Text, clean_phrase, first_uses, pattern, trend
from tests.factories import PlenaryFactory

BUSAN = (settings.SOURCES_DIR / "busan-2016-statement.txt").read_text()
BUENOS_AIRES = (settings.SOURCES_DIR / "buenos-aires-2011-statement.txt").read_text()


def plenary(year, slug):
    return PlenaryFactory.build(slug=slug, start_date=datetime.date(year, 10, 1))


@pytest.fixture
def texts():
    seoul = plenary(2004, "2004-seoul")
    buenos_aires = plenary(2011, "2011-buenos-aires")
    busan = plenary(2016, "2016-busan")
    return [
        Text(
            seoul,
            "summary",
            "The Plenary recognized the need to consider the issues of intangible "
            "transfer of technology; transit, transshipment and brokering controls.",
        ),
        Text(buenos_aires, "statement", BUENOS_AIRES),
        Text(busan, "statement", BUSAN),
    ]


@pytest.mark.parametrize(
    "phrase, text, found",
    [
        ("intangible", "the role of Intangible technology", True),
        (
            "intangible technology transfer",
            "intangible technology transfers (ITT)",
            True,
        ),
        ("intangible  technology", "intangible\ntechnology", True),
        ("catch-all", "catch-all controls for non-listed items", True),
        ("Iran", "Tirana", False),
        ("Iran", "Iranian", False),
        ("resolution", "resolutions 1695, 1718", True),
        ("1540", "UNSCR 1540,", True),
    ],
)
def test_phrase_matching(phrase, text, found):
    """Case and spacing are ignored, a plural ending is allowed, words are whole."""
    assert bool(pattern(phrase).search(text)) is found


def test_trend_lists_uses_oldest_first_with_counts_by_year(texts):
    result = trend(texts, "intangible")
    assert [use.plenary.slug for use in result.uses] == [
        "2004-seoul",
        "2011-buenos-aires",
        "2016-busan",
    ]
    assert result.first.plenary.slug == "2004-seoul"
    assert result.latest.plenary.slug == "2016-busan"
    assert result.by_year == {2004: 1, 2011: 1, 2016: 1}


def test_passages_link_to_the_statement_paragraph(texts):
    """A use in a statement carries the paragraph's anchor; one in a summary none."""
    result = trend(texts, "intangible")
    seoul, buenos_aires, busan = result.uses
    assert seoul.passages[0].field == "summary"
    assert seoul.passages[0].anchor == ""
    assert buenos_aires.passages[0].anchor == "p-3"
    assert buenos_aires.passages[0].match == "intangible"
    assert "the role of" in buenos_aires.passages[0].before
    assert busan.passages[0].anchor.startswith("p-")


def test_markup_inside_a_phrase_does_not_hide_it(texts):
    """Busan's '30<sup>th</sup> Plenary' is found as '30th plenary'."""
    result = trend(texts, "30th plenary")
    assert [use.plenary.slug for use in result.uses] == ["2016-busan"]
    assert result.uses[0].passages[0].match == "30th Plenary"


def test_counts_every_use_in_a_text(texts):
    """'Partners' appears many times in each statement, each one counted."""
    result = trend(texts, "partners")
    counts = {use.plenary.slug: use.count for use in result.uses}
    assert counts["2016-busan"] == BUSAN.lower().count("partners")
    assert result.total == sum(counts.values())


def test_an_unused_or_empty_phrase_has_no_uses(texts):
    assert trend(texts, "hypersonic glide vehicle").uses == []
    assert trend(texts, "   ").uses == []
    assert trend(texts, "!!!").uses == []


def test_a_huge_phrase_is_cut_to_length():
    assert len(clean_phrase("word " * 3000)) <= 100


def test_notable_terms_with_their_first_use(texts):
    """Terms found in the texts, each with the first plenary that used it."""
    found = {term: first.plenary.slug for term, first, _ in first_uses(texts)}
    assert found["intangible transfer of technology"] == "2004-seoul"
    assert found["additive manufacturing"] == "2016-busan"
    assert found["catch-all"] == "2016-busan"
    assert found["brokering"] == "2004-seoul"
    assert "unmanned aerial vehicle" not in found


def test_year_strip_has_a_cell_per_year_and_escapes_the_phrase():
    svg = year_strip_svg(
        '<b>"x"</b>', {2004: 1, 2011: 3}, 2003, 2012, lambda y: f"#y{y}"
    )
    assert svg.count("<rect ") == 10
    assert "<b>" not in svg
    assert "&lt;b&gt;" in svg
    assert '<a href="#y2011">' in svg
    assert "2011: 3 uses" in svg
    assert "2005: no use" in svg
    assert year_strip_svg("x", {}, None, None) == ""
