"""The overview: its introduction and its year-by-year developments, 1993-2022."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.documents.overview import parse_overview
from ingest.errors import ParseError

D = datetime.date


@pytest.fixture(scope="module")
def overview(real_sources):
    return parse_overview(real_sources["nti-mtcr-overview.txt"])


def test_every_plenary_of_the_developments(overview):
    """28 meetings, from Canberra (March 1993) to the 34th in Montreux."""
    held = [r for r in overview.plenaries if not r.is_mention]
    assert len(held) == 28
    numbers = sorted(r.number.value for r in held if r.number)
    assert numbers == list(range(10, 35))
    unnumbered = sorted((r.place, r.dates.value.claim) for r in held if not r.number)
    assert unnumbered == [
        ("Canberra", "1993-03"),
        ("Interlaken", "1993-11/1993-12"),
        ("Stockholm", "1994-10"),
    ]


def test_a_plenary_in_a_country_without_a_city(overview):
    (finland,) = [r for r in overview.plenaries if r.number and r.number.value == 15]
    assert finland.city is None
    assert finland.country.value == "FI"
    assert finland.dates.value.claim == "2000-10-10/2000-10-13"


def test_the_overview_dates_the_25th_plenary_13_to_15_april(overview):
    (report,) = [r for r in overview.plenaries if r.number and r.number.value == 25]
    assert report.city.value == "Buenos Aires"
    assert report.dates.value.claim == "2011-04-13/2011-04-15"
    assert sorted({n for f in report.resolutions for n in f.value}) == [
        1540,
        1874,
        1992,
    ]


def test_a_later_paragraph_gives_the_edinburgh_days(overview):
    """'held in Edinburgh in October', and elsewhere 'in Edinburgh, on 7-11 October'."""
    edinburgh = [r for r in overview.plenaries if r.place == "Edinburgh"]
    assert sorted((r.is_mention, r.dates.value.claim) for r in edinburgh) == [
        (False, "1996-10"),
        (True, "1996-10-07/1996-10-11"),
    ]


def test_summaries_keep_the_paragraphs_that_continue_a_meeting(overview):
    (report,) = [r for r in overview.plenaries if r.number and r.number.value == 25]
    paragraphs = report.summary.strip().split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[-1].startswith("No consensus was reached")
    assert "18 November" not in report.summary


def test_people_named_by_the_overview(overview):
    chairs = {
        r.number.value: [(p.name, p.role) for p in r.chairs]
        for r in overview.plenaries
        if r.number and r.chairs
    }
    assert chairs[19] == [("OH Joon", "chaired the plenary")]
    assert chairs[20] == [("Manuel Viturro de la Torre", "confirmed as the new Chair")]
    assert chairs[21] == [
        ("Liselotte Plesner", "chaired the plenary"),
        ("Per Fischer", "Chair of the MTCR until the next plenary"),
    ]
    assert chairs[22] == [("Eleftherios Danellis", "chaired the plenary")]
    assert chairs[23] == [("John Quinn", "chaired the plenary")]
    assert chairs[30] == [("Ham Sang-wook", "chaired the plenary")]


def test_announced_hosts(overview):
    announced = {
        (e.plenary.year if e.plenary else e.year, tuple(e.countries))
        for e in overview.chairs
        if e.announcement
    }
    assert (2001, ("PL",)) in announced
    assert (2007, ("AU",)) in announced
    assert (2014, ("LU", "NL")) in announced
    assert (2010, ()) in announced  # the 2011 meeting, "tentatively scheduled"
    poland = next(e for e in overview.chairs if e.countries == ["PL"])
    assert poland.next_dates.value.claim == "2002-09-23/2002-09-27"


def test_founding_partners_and_the_others(overview):
    founding = {m.code for m in overview.members if m.founding and m.date}
    assert founding == {"CA", "FR", "DE", "IT", "JP", "GB", "US"}
    assert {m.date.claim for m in overview.members if m.founding and m.date} == {
        "1987-04-16"
    }
    listed = {m.code for m in overview.members if m.plenary is None and not m.date}
    assert len(listed - founding) == 28


def test_adherents_of_every_kind(overview):
    kinds = {(a.code, a.kind) for a in overview.adherences}
    assert {("EE", "formal"), ("LV", "formal"), ("KZ", "formal")} <= kinds
    assert {("IL", "informal"), ("MK", "informal"), ("RO", "informal")} <= kinds
    assert {("SK", "informal"), ("CN", "pledged"), ("IN", "pledged")} <= kinds


def test_annex_revisions_dated_by_the_overview(overview):
    dated = sorted(a.date.claim for a in overview.annex if a.date)
    for claim in ["1991-11", "1993-07", "2011-11-18", "2014-10-02", "2016-10-20",
                  "2017-05-18", "2017-10-19", "2018-05-09", "2018-11"]:  # fmt: skip
        assert claim in dated


def test_events_with_their_kind_and_countries(overview):
    events = {(e.date.claim, e.kind): e for e in overview.events}
    assert events[("2018-03-29", "outreach")].title == "Outreach mission to Pakistan"
    assert events[("2018-07-09/2018-07-10", "outreach")].countries == ["IL"]
    assert ("2012-04-16", "anniversary") in events
    assert ("1996-07", "seminar") in events
    assert "JP" in events[("2016-02-23/2016-02-25", "seminar")].countries
    assert all(e.kind != "outreach" or e.countries for e in overview.events)


def test_an_overview_without_developments_is_an_error():
    with pytest.raises(ParseError, match="Developments"):
        parse_overview("Missile Technology Control Regime\n\nNothing else.")


OVERVIEW_WORDS = st.sampled_from(
    ["Developments", "\n\n2011\n\n", "\n\n2012-2010\n\n", "On 5 May,",
     "On 13-15 April,",
     "the MTCR held its", "25th", "Plenary Meeting", "in", "Buenos Aires", "Annex",
     "updated", ".", "Poland will serve as the next MTCR chair and host the 17th "
     "Plenary Meeting on September 23 – 27, 2002.", "outreach mission to", "Jordan",
     "Member (35)", "The seven states formally announced the MTCR on 16 April 1987.",
     "Education Center", "\n\n"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(max_size=300), st.lists(OVERVIEW_WORDS, max_size=40).map(" ".join)
    )
)
def test_any_text_gives_an_overview_or_the_parsers_error(text):
    """parse_overview never raises anything but ParseError."""
    try:
        facts = parse_overview(text)
    except ParseError:
        return
    for report in facts.plenaries:
        assert report.dates.value.start <= report.dates.value.end
