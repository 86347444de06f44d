"""The editors' decisions on what a parser read: applied in one place, kept as TOML."""

import pytest

from ingest.build import parse_document, source_of
from ingest.catalogue import Entry, parse_published
from ingest.decisions import (
    apply_decisions,
    fact_items,
    read_decisions,
    render_decisions,
)
from ingest.errors import ParseError
from tests.submissions.conftest import NEW_STATEMENT


@pytest.fixture(scope="module")
def facts():
    return parse_document(
        "statement", NEW_STATEMENT, published=parse_published("2031-10-17")
    )


def test_each_fact_read_has_a_stable_path(facts):
    paths = [item.path for item in fact_items(facts)]
    assert paths[:6] == [
        "plenary.number",
        "plenary.city",
        "plenary.country",
        "plenary.dates",
        "plenary.opened_by",
        "plenary.chairs[0]",
    ]
    assert "plenary.resolutions[1]" in paths and "annex[0]" in paths


def test_a_rejection_drops_the_fact_and_a_correction_replaces_its_value(facts):
    decided = apply_decisions(
        facts,
        {
            "plenary.resolutions[0]": {"action": "reject"},
            "plenary.dates": {"action": "correct", "value": "14-17 October 2031"},
            "plenary.number": {"action": "correct", "value": "44"},
        },
    )
    report = decided.plenaries[0]
    assert [fact.value for fact in report.resolutions] == [[1718, 2397]]
    assert report.dates.value.claim == "2031-10-14/2031-10-17"
    assert report.number.value == 44
    assert report.dates.passage == facts.plenaries[0].dates.passage
    # The parser's reading is untouched.
    assert facts.plenaries[0].number.value == 43


def test_a_chair_and_a_passages_resolutions_can_be_corrected_one_by_one(facts):
    read = fact_items(facts)
    chair = next(item for item in read if item.path == "plenary.chairs[0]")
    assert chair.correctable and chair.value.startswith("Mr. Rawiri Holt")
    decided = apply_decisions(
        facts,
        {
            "plenary.chairs[0]": {
                "action": "correct",
                "value": "Ambassador Rawiri Holte, Ambassador for Disarmament",
            },
            "plenary.resolutions[1]": {"action": "correct", "value": "1718; 2397"},
        },
    )
    [person] = decided.plenaries[0].chairs
    original = facts.plenaries[0].chairs[0]
    assert (person.title, person.name) == ("Ambassador", "Rawiri Holte")
    assert person.position == "Ambassador for Disarmament"
    # Where the parser read it and the part the person played stay as read.
    assert (person.role, person.passage) == (original.role, original.passage)
    corrected = decided.plenaries[0].resolutions[1]
    assert corrected.value == [1718, 2397]
    assert corrected.passage == facts.plenaries[0].resolutions[1].passage
    assert original.name == "Rawiri Holt"


def test_the_merge_reads_the_corrected_chair():
    entry = Entry(
        file="wellington-2031.txt",
        title="43rd Plenary Meeting, Wellington",
        kind="statement",
        line=1,
        publisher="MTCR",
        published=parse_published("2031-10-17"),
    )
    source = source_of(
        entry,
        NEW_STATEMENT,
        {"plenary.chairs[0]": {"action": "correct", "value": "Mr. Rawiri Holte"}},
    )
    assert [p.name for p in source.facts.plenaries[0].chairs] == ["Rawiri Holte"]


@pytest.mark.parametrize(
    ("decisions", "message"),
    [
        ({"plenary.chairs[9]": {"action": "reject"}}, "read no such fact"),
        ({"members": {"action": "reject"}}, "read no such fact"),
        ({"plenary.city": {"action": "shred"}}, "unknown action"),
        ({"plenary.dates": {"action": "correct", "value": "soon"}}, "not a date"),
        ({"annex[0]": {"action": "correct", "value": "x"}}, "can be corrected"),
        ({"plenary.regions[0]": {"action": "correct", "value": "x"}}, "corrected"),
        (
            {"plenary.resolutions[0]": {"action": "correct", "value": "UN 15x"}},
            "not a list of resolution numbers",
        ),
        (
            {"plenary.chairs[0]": {"action": "correct", "value": "Norway"}},
            "a country, not a person",
        ),
    ],
)
def test_a_decision_that_fits_no_fact_is_an_error(facts, decisions, message):
    with pytest.raises(ParseError, match=message):
        apply_decisions(facts, decisions)


def test_decisions_are_kept_as_toml_and_read_back(tmp_path):
    decisions = {
        "plenary.city": {"action": "correct", "value": 'Auckland "x"', "parsed": "W"},
        "plenary.regions[0]": {"action": "reject", "parsed": "Middle East"},
    }
    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions" / "doc.toml").write_text(render_decisions(decisions))
    assert read_decisions(tmp_path, "doc.txt") == decisions
    assert read_decisions(tmp_path, "other.txt") == {}
