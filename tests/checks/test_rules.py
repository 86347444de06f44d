"""The consistency rules, each on hand-made records: a planted contradiction is
found, with a stable key and its evidence; the consistent case is not."""

import pytest

from checks import rules
from plenaries.models import Plenary
from tests.factories import CitationFactory

from .planted import (
    chair_term,
    listed_count,
    month_plenary,
    overview,
    partners,
    plenary,
    stated_count,
    statement_of,
)

pytestmark = pytest.mark.django_db


def keys(findings):
    return [finding.key for finding in findings]


# (1) a stated member count against the roster of the plenary's first day


def test_a_stated_count_the_roster_confirms_is_no_finding():
    partners(3)
    stated_count(plenary(slug="2030-busan"), 3)
    assert rules.member_count_against_roster() == []


def test_a_stated_count_above_the_roster_is_a_finding_with_its_evidence():
    partners(3)
    meeting = plenary(slug="2030-busan")
    citation = stated_count(meeting, 5)
    [finding] = rules.member_count_against_roster()
    assert finding.key == "member-count:plenary/2030-busan/member_count/5"
    assert "states 5 members" in finding.message
    assert "counts 3 partners on 17 October 2030" in finding.message
    assert [item.source for item in finding.evidence] == [citation.source.title]
    assert finding.evidence[0].passage == "claims.csv, row 7"


def test_a_stated_count_below_the_certain_partners_is_a_finding():
    partners(3)
    stated_count(plenary(slug="2030-busan"), 2)
    assert keys(rules.member_count_against_roster()) == [
        "member-count:plenary/2030-busan/member_count/2"
    ]


def test_a_count_between_the_certain_and_the_possible_partners_is_consistent():
    """Partners of March 1993 may or may not have joined by a plenary of that
    month: any count from none of them to all of them is consistent."""
    partners(2)
    meeting = month_plenary(1993, 3)
    for number in (0, 1, 2):
        stated_count(meeting, number)
    stated_count(meeting, 3)
    assert keys(rules.member_count_against_roster()) == [
        f"member-count:plenary/{meeting.slug}/member_count/3"
    ]


def test_two_documents_stating_the_same_wrong_count_are_one_finding():
    partners(1)
    meeting = plenary(slug="2030-busan")
    stated_count(meeting, 4)
    stated_count(meeting, 4, source=overview())
    [finding] = rules.member_count_against_roster()
    assert len(finding.evidence) == 2


# (2) a member list shorter than the count it states


def test_a_list_shorter_than_its_count_is_a_finding():
    partners(3)
    count = stated_count(plenary(slug="2030-oslo"), 3)
    listed_count(count, 2)
    [finding] = rules.list_shorter_than_count()
    assert finding.key == "list-shorter-than-count:plenary/2030-oslo/listed_count"
    assert "a member list shorter than the count it states" in finding.message
    assert "lists 2 of 3" in finding.message
    assert {item.source for item in finding.evidence} == {count.source.title}


def test_a_list_as_long_as_its_count_is_no_finding():
    count = stated_count(plenary(), 3)
    listed_count(count, 3)
    assert rules.list_shorter_than_count() == []


def test_a_list_is_compared_with_the_count_of_its_own_document():
    meeting = plenary()
    stated_count(meeting, 3)
    other = stated_count(meeting, 2, source=overview())
    listed_count(other, 2)
    assert rules.list_shorter_than_count() == []


# (3) chair terms that overlap or leave a gap


def test_terms_handing_over_at_the_same_plenary_are_consistent():
    first, second, third = plenary(2030), plenary(2031), plenary(2032)
    chair_term("2030-a", first, second)
    chair_term("2031-b", second, third)
    chair_term("2032-c", third)
    assert rules.chair_terms_overlap_or_gap() == []


def test_a_term_ending_after_the_next_began_overlaps_it():
    first, second, third = plenary(2030), plenary(2031), plenary(2032)
    chair_term("2030-a", first, third)
    chair_term("2031-b", second, third)
    [finding] = rules.chair_terms_overlap_or_gap()
    assert finding.key == "chair-overlap:chairmanship/2030-a/end_plenary"
    assert "overlaps term 2031-b" in finding.message


def test_a_term_with_no_end_followed_by_another_overlaps_it():
    first, second = plenary(2030), plenary(2031)
    chair_term("2030-a", first)
    chair_term("2031-b", second)
    assert keys(rules.chair_terms_overlap_or_gap()) == [
        "chair-overlap:chairmanship/2030-a/end_plenary"
    ]


def test_a_term_ending_before_the_next_begins_leaves_a_gap():
    first, second, third = plenary(2030), plenary(2031), plenary(2032)
    term = chair_term("2030-a", first, second)
    chair_term("2032-c", third)
    witness = CitationFactory(chairmanship=term, source=statement_of(first))
    [finding] = rules.chair_terms_overlap_or_gap()
    assert finding.key == "chair-gap:chairmanship/2030-a/end_plenary"
    assert "leaves a gap before term 2032-c" in finding.message
    assert [item.source for item in finding.evidence] == [witness.source.title]


# (4) a record that follows an overview against the meeting's statement


def dates(source, meeting, claim, is_followed=True):
    return CitationFactory(
        source=source,
        plenary=meeting,
        field="dates",
        claim=claim,
        passage=f"held {claim}",
        is_followed=is_followed,
    )


def test_following_an_overview_against_the_statement_is_a_finding():
    meeting = plenary(slug="2030-rome")
    nti = overview(slug="an-overview")
    dates(nti, meeting, "2030-10-17/2030-10-20")
    dates(statement_of(meeting), meeting, "2030-10-16/2030-10-20", is_followed=False)
    [finding] = rules.overview_followed_over_statement()
    assert finding.key == "overview-over-statement:plenary/2030-rome/dates/an-overview"
    assert [item.passage for item in finding.evidence] == [
        "held 2030-10-17/2030-10-20",
        "held 2030-10-16/2030-10-20",
    ]


def test_following_the_statement_over_an_overview_is_no_finding():
    meeting = plenary()
    dates(overview(), meeting, "2030-10-17/2030-10-20", is_followed=False)
    dates(statement_of(meeting), meeting, "2030-10-16/2030-10-20")
    assert rules.overview_followed_over_statement() == []


def test_an_overview_a_copy_of_the_statement_agrees_with_is_no_finding():
    meeting = plenary()
    dates(overview(), meeting, "2030-10-17/2030-10-20")
    dates(statement_of(meeting), meeting, "2030-10-17", is_followed=False)
    dates(statement_of(meeting), meeting, "2030-10-17/2030-10-20")
    assert rules.overview_followed_over_statement() == []


def test_another_meetings_statement_announcing_a_date_is_not_the_statement():
    meeting, earlier = plenary(2031, slug="2031-rome"), plenary(2030)
    dates(overview(), meeting, "2031-10-17/2031-10-20")
    dates(statement_of(earlier), meeting, "2031", is_followed=False)
    assert rules.overview_followed_over_statement() == []


# (5) a date outside its plenary's year


def test_a_plenary_dated_outside_its_slugs_year_is_a_finding():
    plenary(2031, slug="2030-rome")
    [finding] = rules.dates_outside_year()
    assert finding.key == "date-outside-year:plenary/2030-rome/dates"
    assert "not in 2030" in finding.message


def test_a_claimed_date_outside_the_plenarys_year_is_a_finding():
    meeting = plenary(2030, slug="2030-rome")
    source = statement_of(plenary(2029), slug="statement-2029")
    dates(source, meeting, "2029", is_followed=False)
    dates(statement_of(meeting), meeting, "2030-10-17/2030-10-20")
    assert keys(rules.dates_outside_year()) == [
        "date-outside-year:plenary/2030-rome/dates/statement-2029"
    ]


def test_a_plenary_across_new_year_is_outside_its_year():
    plenary(2030, 12, 30, slug="2030-rome")  # to 2 January 2031
    assert keys(rules.dates_outside_year()) == [
        "date-outside-year:plenary/2030-rome/dates"
    ]


def test_a_plenary_known_by_its_opening_day_alone_is_checked_on_that_day():
    """No end day (Sochi 2021): the opening day alone is in its year or not."""
    plenary(2030, slug="2030-rome")
    plenary(2031, slug="2030-oslo")
    Plenary.objects.update(end_date=None)
    assert keys(rules.dates_outside_year()) == [
        "date-outside-year:plenary/2030-oslo/dates"
    ]


# All of them


def test_run_all_gives_every_rules_findings_in_key_order():
    partners(1)
    meeting = plenary(2031, slug="2030-rome")
    stated_count(meeting, 9)
    found = keys(rules.run_all())
    assert found == sorted(found)
    assert found == [
        "date-outside-year:plenary/2030-rome/dates",
        "member-count:plenary/2030-rome/member_count/9",
    ]
