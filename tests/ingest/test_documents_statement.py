"""Public statements (and the chair's report): the real ones, the phrasings of the
family, golden statements written in their style, and any text at all."""

import datetime
import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ingest.catalogue import parse_published
from ingest.documents.chair_report import parse_chair_report
from ingest.documents.statement import StatementError, parse_statement
from ingest.errors import ParseError

from .conftest import GOLDEN

D = datetime.date


def meeting(text, **kwargs):
    return parse_statement(text, **kwargs).plenaries[0]


def test_the_2011_statement(real_sources):
    facts = parse_statement(real_sources["buenos-aires-2011-statement.txt"])
    report = facts.plenaries[0]
    assert report.number.value == 25
    assert (report.city.value, report.country.value) == ("Buenos Aires", "AR")
    assert (report.dates.value.start, report.dates.value.end) == (
        D(2011, 4, 11),
        D(2011, 4, 15),
    )
    assert report.opened_by.value == (
        "H. E. Ambassador Alberto D´Alotto, Secretary of Foreign Relations of Argentina"
    )
    (chair,) = report.chairs
    assert (chair.title, chair.name) == ("H.E. Ambassador", "Roberto Garcia Moritán")
    assert "until the next plenary" in chair.role
    cited = sorted({n for fact in report.resolutions for n in fact.value})
    assert cited == [1540, 1874, 1929]
    assert [f.value for f in report.countries_of_concern] == [["IR", "KP"]]
    assert report.member_count.value == 34
    assert len(report.member_list.value) == 34
    assert {(e.term, tuple(e.countries)) for e in facts.chairs} == {
        ("previous", ("BR",)),
        ("current", ("AR",)),
    }
    (revision,) = facts.annex
    assert "decision adopted on amendments" in revision.passage


def test_the_2016_statement(real_sources):
    facts = parse_statement(real_sources["busan-2016-statement.txt"])
    report = facts.plenaries[0]
    assert (report.number.value, report.city.value, report.country.value) == (
        30,
        "Busan",
        "KR",
    )
    assert report.dates.value.claim == "2016-10-17/2016-10-21"
    assert report.opened_by.value == "Acting Foreign Minister Lim Sungnam"
    (chair,) = report.chairs
    assert chair.name == "Ham Sang-wook"
    assert chair.position.startswith("Director General for Nonproliferation")
    assert len(report.member_list.value) == 35
    assert "IN" in report.member_list.value
    outgoing = [e for e in facts.chairs if e.person]
    assert [(e.term, e.person.name, e.countries) for e in outgoing] == [
        ("previous", "Piet de Klerk", ["NL", "LU"])
    ]
    joint = [e for e in facts.chairs if e.term == "next"]
    assert [e.countries for e in joint] == [["IE", "IS"]]
    assert {(a.code, a.kind) for a in facts.adherences} == {
        ("EE", "formal"),
        ("LV", "formal"),
    }
    assert [m.code for m in facts.members if m.by_start] == ["IN"]


def test_the_2016_statement_as_clean_markdown(real_sources):
    """Tags gone, heading left to the page, a paragraph split by a page break joined."""
    statement = parse_statement(real_sources["busan-2016-statement.txt"])
    text = statement.plenaries[0].statement
    assert "<" not in text and "##" not in text
    assert text.startswith("The Missile Technology Control Regime (MTCR) held its 30th")
    assert "control all of the items on the MTCR Annex" in text
    assert "In the IEM and LEEM, Partners continued" in text
    assert "(www.mtcr.info)" in text
    assert "\n\n\n" not in text
    assert text.count("\n\n") == 17  # eighteen paragraphs, the heading apart


def test_the_chair_report_names_no_meeting_but_the_catalogue_does(real_sources):
    facts = parse_chair_report(
        real_sources["montreux-2022-chair-report.txt"], slug="2022-montreux"
    )
    report = facts.plenaries[0]
    assert (report.city.value, report.country.value) == ("Montreux", "CH")
    assert report.dates is None  # the report only names weekdays
    assert report.opened_by.value == "State Secretary Livia Leu"
    people = {(e.term, e.person.name) for e in facts.chairs if e.person}
    assert people == {("previous", "Grigory Mashkov"), ("current", "Benno Laggner")}
    assert [(e.term, e.countries, e.year) for e in facts.chairs if e.year] == [
        ("in-year", ["CH"], 1993)
    ]
    (revision,) = [a for a in facts.annex if a.weekday]
    assert revision.weekday == "Friday"


MEETINGS = [
    # (sentence, catalogue title, number, place, start, end, precision)
    ("The Missile Technology Control Regime (MTCR) held its 25th Plenary Meeting in "
     "Buenos Aires from 11 to 15 April 2011.", "", 25, "Buenos Aires",
     D(2011, 4, 11), D(2011, 4, 15), "day"),
    ("The Missile Technology Control Regime (MTCR) held its 30<sup>th</sup> Plenary "
     "week in Busan from 17th to 21st October 2016.", "", 30, "Busan",
     D(2016, 10, 17), D(2016, 10, 21), "day"),
    ("The 16th Plenary was held in Ottawa on 25-28 September to review MTCR "
     "activities.", "Public Statement, Ottawa, 2001", 16, "Ottawa",
     D(2001, 9, 25), D(2001, 9, 28), "day"),
    ("The 13th Plenary took place from 5-9 October in Budapest.",
     "Statement of the 1998 Plenary", 13, "Budapest", D(1998, 10, 5),
     D(1998, 10, 9), "day"),
    ("From 29 September to 3 October, the MTCR held its 28th Plenary Meeting in "
     "Oslo, Norway.", "Oslo 2014", 28, "Oslo", D(2014, 9, 29), D(2014, 10, 3), "day"),
    ("The plenary held in Interlaken, Switzerland, in November-December, was devoted "
     "to planning.", "Interlaken 1993", None, "Interlaken", D(1993, 11, 1),
     D(1993, 12, 1), "month"),
    ("The MTCR held its Plenary Meeting in Stockholm on October 4-6, 1994.", "",
     None, "Stockholm", D(1994, 10, 4), D(1994, 10, 6), "day"),
    ("The MTCR held its Twenty-First Plenary Meeting in COPENHAGEN from the second "
     "to the sixth of October 2006.", "", 21, "Copenhagen", D(2006, 10, 2),
     D(2006, 10, 6), "day"),
    ("The 15th Plenary took place in Finland on 10-13 October.", "Finland, 2000",
     15, "FI", D(2000, 10, 10), D(2000, 10, 13), "day"),
    ("The MTCR held its 40th Plenary Meeting in Vienna from 28 December to "
     "2 January 2031.", "", 40, "Vienna", D(2030, 12, 28), D(2031, 1, 2), "day"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "title", "number", "place", "start", "end", "precision"), MEETINGS
)
def test_every_phrasing_of_the_meeting(
    sentence, title, number, place, start, end, precision
):
    """Each phrasing the documents use (or one like it) yields the meeting."""
    report = meeting(sentence, title=title)
    assert (report.number.value if report.number else None) == number
    assert (report.city.value if report.city else report.country.value) == place
    assert report.dates.value.start == start
    assert report.dates.value.end == end
    assert report.dates.value.precision == precision


def test_a_year_only_in_the_catalogue_date():
    report = meeting(
        "The 17th Plenary Meeting was held in Warsaw from 24-27 September.",
        published=parse_published("2002-09-27"),
    )
    assert report.dates.value.start == D(2002, 9, 24)


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.json")), ids=lambda p: p.stem)
def test_golden_statements(path):
    """Statements written in the MTCR's style for meetings the sources do not cover."""
    expected = json.loads(path.read_text(encoding="utf-8"))
    facts = parse_statement(
        path.with_suffix(".txt").read_text(encoding="utf-8"), title=expected["title"]
    )
    report = facts.plenaries[0]
    got = {
        "number": report.number.value,
        "city": report.city.value,
        "country": report.country.value,
        "dates": report.dates.value.claim,
        "precision": report.dates.value.precision,
        "chairs": [person.name for person in report.chairs],
        "chair_roles": [person.role for person in report.chairs],
        "opened_by": report.opened_by.value if report.opened_by else "",
        "resolutions": sorted({n for fact in report.resolutions for n in fact.value}),
        "regions": [slug for fact in report.regions for slug in fact.value],
        "countries_of_concern": [
            code for fact in report.countries_of_concern for code in fact.value
        ],
        "member_count": report.member_count.value if report.member_count else None,
        "members": len(report.member_list.value) if report.member_list else 0,
        "previous_chair": [c for e in facts.chairs if e.term == "previous"
                           for c in e.countries],
        "current_chair": [c for e in facts.chairs if e.term == "current"
                          for c in e.countries],
    }  # fmt: skip
    expected.pop("title")
    assert got == expected


def test_a_statement_without_a_meeting_says_which_fields_are_missing():
    text = (GOLDEN / "no-meeting-statement.txt").read_text(encoding="utf-8")
    with pytest.raises(StatementError) as error:
        parse_statement(text)
    assert "missing place (city or country), host country, dates" in str(error.value)


def test_a_meeting_in_an_unknown_city_without_a_country_is_an_error():
    with pytest.raises(StatementError, match="missing host country, dates$"):
        parse_statement("The MTCR held its 50th Plenary Meeting in Exampleville.")


def test_every_passage_is_quoted_from_the_statement(real_sources):
    text = " ".join(real_sources["busan-2016-statement.txt"].split())
    facts = parse_statement(real_sources["busan-2016-statement.txt"])
    report = facts.plenaries[0]
    passages = [report.dates.passage, report.opened_by.passage]
    passages += [fact.passage for fact in report.resolutions + report.regions]
    passages += [e.passage for e in facts.chairs + facts.members + facts.adherences]
    for passage in passages:
        assert passage in text


STATEMENT_WORDS = st.sampled_from(
    ["The", "MTCR", "held", "its", "25th", "Plenary", "Meeting", "in", "Busan", "from",
     "11", "to", "15", "April", "2011", ".", "chaired", "by", "Mr.", "Ambassador",
     "The MTCR has 35 members:", "Argentina,", "and", "Resolution", "1540", "\n\n",
     "<sup>th</sup>", "Exampleville", ",", "concern", "Iran", "co-chaired", "took",
     "place", "Thirty-Second", "##", "outgoing MTCR Chair (Brazil)"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@example("chaired by .")  # a chair with no name: once an IndexError
@example("PLENARY:Apr:TOOK PLACE")  # a month with no year: once year 0
@given(
    st.one_of(
        st.text(max_size=300), st.lists(STATEMENT_WORDS, max_size=40).map(" ".join)
    )
)
def test_any_text_gives_a_statement_or_the_parsers_error(text):
    """parse_statement never raises anything but ParseError."""
    try:
        facts = parse_statement(text)
    except ParseError:
        return
    report = facts.plenaries[0]
    assert report.dates.value.start <= report.dates.value.end
    assert report.country.value


@pytest.mark.parametrize(
    ("member_list", "message"),
    [
        ("The MTCR has 3 members: Argentina, Exampleland and Japan.",
         "member list names unknown countries: Exampleland"),
        ("The MTCR has 3 members: Argentina and Japan.",
         "member list says 3 members but names 2"),
    ],
)  # fmt: skip
def test_a_member_list_that_does_not_add_up_is_an_error(member_list, message):
    """A partner the gazetteer does not know, or a count the list does not match,
    stops the build rather than losing a partner silently."""
    text = (
        "The MTCR held its 25th Plenary Meeting in Rome on 1-3 May 2030. " + member_list
    )
    with pytest.raises(ParseError, match=message):
        parse_statement(text)


def test_other_wordings_of_chair_next_meeting_and_partners():
    """'under the chairmanship of', 'The next Plenary Meeting will be held in',
    'The MTCR Partners are:' and 'met in ... for the 31st Plenary'."""
    facts = parse_statement(
        "The 27th Plenary Meeting of the Missile Technology Control Regime (MTCR) "
        "was held in Rome from 14 to 18 October 2013, under the chairmanship of "
        "Italy. The next Plenary Meeting will be held in Oslo, Norway, in 2014. The "
        "MTCR Partners are: Argentina, Australia and Japan."
    )
    report = facts.plenaries[0]
    assert (report.number.value, report.country.value) == (27, "IT")
    chairs = [(e.term, e.countries, e.hosts_next) for e in facts.chairs]
    assert chairs == [("current", ["IT"], False), ("next", ["NO"], True)]
    assert facts.chairs[1].next_dates.value.claim == "2014"
    assert report.member_list.value == ["AR", "AU", "JP"]
    met = meeting("MTCR Partners met in Dublin for the 31st Plenary from 16 to 20 "
                  "October 2017.")  # fmt: skip
    assert (met.number.value, met.city.value, met.dates.value.claim) == (
        31,
        "Dublin",
        "2017-10-16/2017-10-20",
    )


def test_a_sentence_about_the_last_plenary_is_not_the_meeting():
    report = meeting(
        "They discussed developments since the last Plenary Meeting held in Rotterdam. "
        "The MTCR held its 30th Plenary in Busan from 17 to 21 October 2016."
    )
    assert report.city.value == "Busan"


def test_weekdays_a_year_before_plenary_and_a_bracketed_country():
    """'from Monday 17 to Friday 21 October', 'The 2023 Plenary' (no number), and
    'chaired by Ambassador X (Norway)'."""
    report = meeting(
        "The 2023 Plenary was held in Oslo from Monday 16 to Friday 20 October 2023. "
        "The Plenary was chaired by Ambassador Kari Eksempel (Norway)."
    )
    assert report.number is None
    assert report.dates.value.claim == "2023-10-16/2023-10-20"
    (chair,) = report.chairs
    assert (chair.name, chair.position) == ("Kari Eksempel", "Norway")
