"""Dates as the documents write them: every phrasing, at the precision stated."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.dates import (
    DAY,
    MONTH,
    YEAR,
    DateRange,
    find_dates,
    number_from_words,
    parse_range,
    weekday_in,
)
from ingest.errors import DateParseError, ParseError

D = datetime.date


@pytest.mark.parametrize(
    ("text", "year", "start", "end", "precision"),
    [
        ("from 11 to 15 April 2011", None, D(2011, 4, 11), D(2011, 4, 15), DAY),
        ("from 17th to 21st October 2016", None, D(2016, 10, 17), D(2016, 10, 21), DAY),
        ("on 25-28 September", 2001, D(2001, 9, 25), D(2001, 9, 28), DAY),
        ("from 5-9 October", 1998, D(1998, 10, 5), D(1998, 10, 9), DAY),
        ("29 September to 3 October", 2014, D(2014, 9, 29), D(2014, 10, 3), DAY),
        ("in November-December", 1993, D(1993, 11, 1), D(1993, 12, 1), MONTH),
        ("October 4-6, 1994", None, D(1994, 10, 4), D(1994, 10, 6), DAY),
        ("September 23 – 27, 2002", None, D(2002, 9, 23), D(2002, 9, 27), DAY),
        ("March 28 to April 1, 2011", None, D(2011, 3, 28), D(2011, 4, 1), DAY),
        ("28 December to 3 January 2011", None, D(2010, 12, 28), D(2011, 1, 3), DAY),
        (
            "December 29, 2025 to January 2, 2026",
            None,
            D(2025, 12, 29),
            D(2026, 1, 2),
            DAY,
        ),  # fmt: skip
        (
            "the seventeenth to the twenty-first of October",
            2019,
            D(2019, 10, 17),
            D(2019, 10, 21),
            DAY,
        ),  # fmt: skip
        ("on 9 and 10 July", 2018, D(2018, 7, 9), D(2018, 7, 10), DAY),
        ("On January 11-12", 2017, D(2017, 1, 11), D(2017, 1, 12), DAY),
        ("16 April 1987", None, D(1987, 4, 16), D(1987, 4, 16), DAY),
        ("in October", 1994, D(1994, 10, 1), D(1994, 10, 1), MONTH),
        ("December 2008", None, D(2008, 12, 1), D(2008, 12, 1), MONTH),
        ("2005", None, D(2005, 1, 1), D(2005, 1, 1), YEAR),
        ("5-13 November 2009.", None, D(2009, 11, 5), D(2009, 11, 13), DAY),
    ],
)
def test_every_phrasing_reads_at_its_precision(text, year, start, end, precision):
    """Each way the documents (and statements like them) write a date is read."""
    assert parse_range(text, year) == DateRange(start, end, precision)


def test_a_year_given_in_the_text_wins_over_the_callers():
    assert parse_range("11 to 15 April 2011", 1999).start == D(2011, 4, 11)


@pytest.mark.parametrize(
    "text", ["", "the fall of 2005", "31 February 2011", "15 to 11 April 2011", "May"]
)
def test_text_without_a_valid_date_raises_the_parsers_error(text):
    """No date, an impossible day, or a range ending before it starts."""
    with pytest.raises(DateParseError):
        parse_range(text, None if text == "May" else 2011)


def test_a_missing_year_with_none_given_is_an_error():
    with pytest.raises(DateParseError, match="no year"):
        parse_range("25-28 September")


def test_the_modal_may_and_a_year_inside_a_number_are_not_dates():
    """'may contribute' is no month; 'March 1993' is not March 19."""
    found = find_dates("changes may contribute; agreed in March 1993, item 1874", 2000)
    assert [f.range for f in found] == [DateRange(D(1993, 3, 1), D(1993, 3, 1), MONTH)]


def test_dates_are_found_inside_a_sentence_with_their_position():
    sentence = "The 24th MTCR Plenary Meeting was held in Rio on 5-13 November 2009.The"
    (found,) = find_dates(sentence)
    assert sentence[found.start : found.end] == "5-13 November 2009"


def test_claims_show_the_precision_stated():
    assert parse_range("11 to 15 April 2011").claim == "2011-04-11/2011-04-15"
    assert parse_range("November-December 1993").claim == "1993-11/1993-12"
    assert parse_range("October 1994").claim == "1994-10"


def test_the_friday_of_a_plenary_week():
    week = parse_range("17-21 October 2022")
    assert weekday_in(week, "Friday") == D(2022, 10, 21)
    assert weekday_in(week, "Sunday") is None


@pytest.mark.parametrize(
    ("words", "number"),
    [("25th", 25), ("twenty-fifth", 25), ("Thirty-Second", 32), ("thirty-five", 35),
     ("first", 1), ("10", 10), ("many", None)],
)  # fmt: skip
def test_numbers_written_out_or_as_ordinals(words, number):
    assert number_from_words(words) == number


@given(st.text(max_size=80), st.one_of(st.none(), st.integers(1, 9999)))
def test_any_text_gives_a_date_or_the_parsers_error(text, year):
    """parse_range never raises anything but DateParseError."""
    try:
        result = parse_range(text, year)
    except DateParseError:
        return
    assert result.start <= result.end


@given(
    st.lists(
        st.sampled_from(
            ["On", "from", "5", "17th", "-", "to", "and", "October", "March", "2011",
             "the", "twenty-first", "of", ",", "–", "December", "29", "31", "February"]
        ),
        max_size=10,
    ).map(" ".join),
    st.one_of(st.none(), st.integers(1900, 2100)),
)  # fmt: skip
def test_date_like_word_salad_never_breaks_the_parser(text, year):
    try:
        parse_range(text, year)
    except ParseError:
        pass
    for found in find_dates(text, year):
        assert found.range.start <= found.range.end
