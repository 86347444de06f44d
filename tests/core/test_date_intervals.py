"""Uncertain days and spans: written as a person would, and as EDTF that the
edtf library reads back to the same first and last possible day."""

import datetime

import edtf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.dates import bounds, edtf_day, edtf_span, format_interval

D = datetime.date


@pytest.mark.parametrize(
    ("earliest", "latest", "precision", "shown", "written"),
    [
        (D(2016, 10, 21), D(2016, 10, 21), "day", "21 October 2016", "2016-10-21"),
        (D(1990, 1, 1), D(1990, 12, 31), "year", "1990", "1990"),
        (D(1994, 10, 1), D(1994, 10, 31), "month", "October 1994", "1994-10"),
        (D(1997, 1, 1), D(1998, 12, 31), "year", "1997 or 1998", "[1997..1998]"),
        (None, D(1998, 10, 5), "day", "by 5 October 1998", "[..1998-10-05]"),
        (D(1997, 11, 7), None, "day", "on or after 7 November 1997", "[1997-11-07..]"),
        (
            D(1993, 11, 1),
            D(1993, 12, 31),
            "month",
            "November–December 1993",
            "[1993-11..1993-12]",
        ),
        (
            D(1995, 10, 10),
            D(1995, 10, 12),
            "day",
            "between 10 and 12 October 1995",
            "[1995-10-10..1995-10-12]",
        ),
        (
            D(1991, 11, 8),
            D(1992, 6, 29),
            "day",
            "between 8 November 1991 and 29 June 1992",
            "[1991-11-08..1992-06-29]",
        ),
        (
            D(1993, 3, 12), D(1993, 11, 29), "day",
            "between 12 March and 29 November 1993", "[1993-03-12..1993-11-29]",
        ),
        (None, None, "day", "date unknown", ""),
    ],
)  # fmt: skip
def test_an_uncertain_day_reads_as_a_person_would_write_it(
    earliest, latest, precision, shown, written
):
    assert format_interval(earliest, latest, precision) == shown
    assert edtf_day(earliest, latest, precision) == written


@pytest.mark.parametrize(
    ("start", "end", "precision", "written"),
    [
        (D(1999, 10, 11), D(1999, 10, 15), "day", "1999-10-11/1999-10-15"),
        (D(1988, 1, 1), D(1988, 12, 31), "year", "1988"),
        (D(2012, 10, 24), None, "day", "2012-10-24/.."),
        (D(1993, 11, 1), D(1993, 12, 31), "month", "1993-11/1993-12"),
        (None, None, "day", ""),
    ],
)
def test_a_meeting_is_a_span_in_edtf(start, end, precision, written):
    assert edtf_span(start, end, precision) == written


def test_the_bounds_of_a_date_are_its_first_and_last_possible_day():
    assert bounds(D(1994, 10, 1), "month") == (D(1994, 10, 1), D(1994, 10, 31))
    assert bounds(D(1996, 2, 1), "month") == (D(1996, 2, 1), D(1996, 2, 29))
    assert bounds(D(1987, 4, 16), "year") == (D(1987, 1, 1), D(1987, 12, 31))
    assert bounds(D(1987, 4, 16), "day") == (D(1987, 4, 16), D(1987, 4, 16))
    assert bounds(None, "day") == (None, None)


def _struct(value):
    return D(value.tm_year, value.tm_mon, value.tm_mday)


@given(
    st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)),
    st.integers(min_value=0, max_value=4000),
    st.sampled_from(["day", "month", "year"]),
)
def test_the_edtf_reads_back_to_the_same_first_and_last_day(day, length, precision):
    earliest = bounds(day, precision)[0]
    latest = bounds(day + datetime.timedelta(days=length), precision)[1]
    written = edtf_day(earliest, latest, precision)
    parsed = edtf.parse_edtf(written)
    assert str(parsed) == written
    assert _struct(parsed.lower_strict()) == earliest
    assert _struct(parsed.upper_strict()) == latest


@given(
    st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)),
    st.sampled_from(["day", "month", "year"]),
    st.booleans(),
)
def test_a_day_known_from_one_side_is_edtf_the_library_writes_alike(
    day, precision, known_from_before
):
    earliest, latest = bounds(day, precision)
    if known_from_before:
        written = edtf_day(None, latest, precision)
    else:
        written = edtf_day(earliest, None, precision)
    assert str(edtf.parse_edtf(written)) == written


@given(
    st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)),
    st.one_of(st.none(), st.integers(min_value=0, max_value=400)),
    st.sampled_from(["day", "month", "year"]),
)
def test_a_span_is_edtf_the_library_reads_back_alike(start, length, precision):
    """A meeting's span, or its opening day alone (an open end)."""
    first = bounds(start, precision)[0]
    last = None if length is None else start + datetime.timedelta(days=length)
    written = edtf_span(first, last, precision)
    parsed = edtf.parse_edtf(written)
    assert str(parsed) == written
    assert _struct(parsed.lower_strict()) == first
    if last is not None:
        assert _struct(parsed.upper_strict()) == bounds(last, precision)[1]
