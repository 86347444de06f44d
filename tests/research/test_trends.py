"""A phrase through the plenaries' texts: matching, counting, quotes, first and
latest use, the notable terms."""

import datetime
import re
import sys

import pytest
from django.conf import settings

from plenaries.paragraphs import split_paragraphs
from research.charts import year_strip_svg
from research.trends import (
    ASCII_LOOKALIKES,
    NOTABLE_TERMS,
    PER_YEAR,
    clean_phrase,
    first_uses,
    pattern,
    trend,
)
from search import index
from tests.factories import PlenaryFactory

BUSAN = (settings.SOURCES_DIR / "busan-2016-statement.txt").read_text()
BUENOS_AIRES = (settings.SOURCES_DIR / "buenos-aires-2011-statement.txt").read_text()
SEOUL = (
    "The Plenary recognized the need to consider the issues of intangible "
    "transfer of technology; transit, transshipment and brokering controls."
)


def plenary(day, slug, **texts):
    return PlenaryFactory(slug=slug, start_date=day, **texts)


@pytest.fixture
def three_indexed_plenaries(db):
    """Seoul 2004 (a summary), Buenos Aires 2011 and Busan 2016 (statements),
    indexed as the site indexes them."""
    found = [
        plenary(datetime.date(2004, 10, 1), "2004-seoul", summary=SEOUL),
        plenary(
            datetime.date(2011, 4, 13), "2011-buenos-aires", statement=BUENOS_AIRES
        ),
        plenary(datetime.date(2016, 10, 17), "2016-busan", statement=BUSAN),
    ]
    index.rebuild()
    return found


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


@pytest.mark.parametrize(
    "phrase",
    [
        "partners",
        "Partner",
        "missile",
        "30th plenary",
        "intangible technology transfers",
        "(ITT)",
        "-all",
        "catch-all",
        "regime’s",
        "UNSCR 1540",
        "hypersonic",
    ],
)
def test_the_trend_counts_as_the_expression_matches(three_indexed_plenaries, phrase):
    """SQLite or PostgreSQL, the uses counted are the expression's matches in the
    texts' paragraphs."""
    expected = sum(
        len(pattern(phrase).findall(p.plain))
        for text in (SEOUL, BUENOS_AIRES, BUSAN)
        for p in split_paragraphs(text)
    )
    assert trend(phrase).total == expected


def test_trend_lists_uses_oldest_first_with_counts_by_year(three_indexed_plenaries):
    result = trend("intangible")
    assert [use.plenary.slug for use in result.uses] == [
        "2004-seoul",
        "2011-buenos-aires",
        "2016-busan",
    ]
    assert result.first.plenary.slug == "2004-seoul"
    assert result.latest.plenary.slug == "2016-busan"
    assert result.by_year == {2004: 1, 2011: 1, 2016: 1}
    assert (result.plenaries, result.archive.plenaries) == (3, 3)
    assert (result.archive.first_year, result.archive.last_year) == (2004, 2016)


def test_passages_link_to_the_statement_paragraph(three_indexed_plenaries):
    """A use in a statement carries the paragraph's anchor; one in a summary none."""
    seoul, buenos_aires, busan = trend("intangible").uses
    assert seoul.passages[0].field == "summary"
    assert seoul.passages[0].anchor == ""
    assert buenos_aires.passages[0].anchor == "p-3"
    assert buenos_aires.passages[0].number == 3
    assert buenos_aires.passages[0].match == "intangible"
    assert "the role of" in buenos_aires.passages[0].before
    assert busan.passages[0].anchor.startswith("p-")


def test_markup_inside_a_phrase_does_not_hide_it(three_indexed_plenaries):
    """Busan's '30<sup>th</sup> Plenary' is found as '30th plenary'."""
    result = trend("30th plenary")
    assert [use.plenary.slug for use in result.uses] == ["2016-busan"]
    assert result.uses[0].passages[0].match == "30th Plenary"


def test_counts_every_use_in_a_text(three_indexed_plenaries):
    """'Partners' appears many times in each statement, each one counted."""
    result = trend("partners")
    counts = {use.plenary.slug: use.count for use in result.uses}
    assert counts["2016-busan"] == BUSAN.lower().count("partners")
    assert result.total == sum(counts.values())
    assert all(len(use.passages) == use.count for use in result.uses)


def test_an_unused_or_empty_phrase_has_no_uses(three_indexed_plenaries):
    assert trend("hypersonic glide vehicle").uses == []
    assert trend("   ").uses == []
    assert trend("!!!").uses == []


def test_a_huge_phrase_is_cut_to_length():
    assert len(clean_phrase("word " * 3000)) <= 100


def test_a_year_quotes_its_first_plenaries_and_counts_the_others(client, db):
    """Of five plenaries of 2020 using a word, the first two are quoted, and the
    latest; the others are counted in the year's total and named, not quoted."""
    assert PER_YEAR == 2  # the real archive's most plenaries in a year
    for number in range(5):
        plenary(
            datetime.date(2020, number + 1, 1),
            f"2020-meeting-{number}",
            summary="Outreach. " * (number + 1),
        )
    index.rebuild()
    result = trend("outreach")
    (year,) = result.years
    assert (year.year, year.count, year.plenaries) == (2020, 15, 5)
    assert [use.plenary.slug for use in year.uses] == [
        "2020-meeting-0",
        "2020-meeting-1",
        "2020-meeting-4",
    ]
    assert (year.unquoted, year.unquoted_count) == (2, 3 + 4)
    assert result.latest.plenary.slug == "2020-meeting-4"
    assert len(result.latest.passages) == 5
    page = client.get("/trends/", {"q": "outreach"}).text
    assert "2 more plenaries of 2020 use it, 7 times" in page
    assert 'href="/plenaries/?year_from=2020&amp;year_to=2020"' in page


def test_notable_terms_with_their_first_use(three_indexed_plenaries):
    """Terms found in the texts, each with the first plenary that used it."""
    found = {term: p.slug for term, p, _ in first_uses()["terms"]}
    assert found["intangible transfer of technology"] == "2004-seoul"
    assert found["additive manufacturing"] == "2016-busan"
    assert found["catch-all"] == "2016-busan"
    assert found["brokering"] == "2004-seoul"
    assert "unmanned aerial vehicle" not in found
    brokering = trend("brokering").uses
    assert {use.plenary.slug: use.count for use in brokering} == {
        "2004-seoul": 1,
        "2011-buenos-aires": BUENOS_AIRES.lower().count("brokering"),
        "2016-busan": BUSAN.lower().count("brokering"),
    }


def test_the_notable_terms_test_for_their_longest_word_without_missing_a_use():
    """The terms are ASCII, and whatever letter the expression matches an ASCII
    letter with is that letter once lowered with its lookalikes replaced."""
    assert all(term.isascii() for term in NOTABLE_TERMS)
    ascii_letters = re.compile("[a-z]", re.IGNORECASE)
    for point in range(sys.maxunicode + 1):
        letter = chr(point)
        if ascii_letters.fullmatch(letter):
            lowered = letter.translate(ASCII_LOOKALIKES).lower()
            assert lowered.isascii(), letter
            assert re.fullmatch(lowered, letter, re.IGNORECASE), letter


def test_the_trends_follow_the_search_index(three_indexed_plenaries):
    """Rebuilding the index shows an edit of a plenary's texts in the trends."""
    assert "2004-seoul" in {use.plenary.slug for use in trend("brokering").uses}
    seoul = three_indexed_plenaries[0]
    seoul.summary = "Nothing notable."
    seoul.save()
    index.rebuild()
    assert "2004-seoul" not in {use.plenary.slug for use in trend("brokering").uses}
    assert trend("brokering").first.plenary.slug == "2011-buenos-aires"


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
