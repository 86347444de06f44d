"""The chairs as people: one person per human being, a country never a person,
each person in one role, every witness cited."""

import shutil

from ingest import names
from ingest.build import build_archive
from ingest.facts import ChairEvidence, PlenaryReport
from ingest.facts import Person as Named
from ingest.merge.chair_people import (
    chair_people,
    countries_named_as_people,
    witness,
)
from ingest.merge.records import Archive, Source
from ingest.people import person_identity, split_honorific

DONE_WHEN = {
    "1994-stockholm": "Gunnar Lund",
    "1996-edinburgh": "Roland Smith",
    "1997-tokyo": "Nobuyasu Abe",
    "1998-budapest": "Istvan Gyarmati",
    "2002-warsaw": "Mariusz Handzlik",
    "2003-buenos-aires": "Carlos Sersale di Cerisano",
    "2019-auckland": "Dell Higgie",
}


def people_of(archive, plenary_slug):
    (term,) = [c for c in archive.chairmanships if c.start_plenary == plenary_slug]
    return {person.name: person for person in term.people}


def source(kind="statement", name="a.txt"):
    return Source(name, name, "A document", kind, "", None, "", "")


def own_report():
    return PlenaryReport(year=2030, is_primary=True)


def test_the_real_chairs_are_named_in_their_terms(parsed_archive):
    for slug, name in DONE_WHEN.items():
        assert name in people_of(parsed_archive, slug), slug


def test_no_real_chair_person_is_a_country(parsed_archive):
    for term in parsed_archive.chairmanships:
        for person in term.people:
            assert names.country_named(person.name) is None, person.name


def test_no_real_person_appears_under_two_spellings(parsed_archive):
    spellings = {}
    for term in parsed_archive.chairmanships:
        for person in term.people:
            assert split_honorific(person.name)[0] == "", person.name
            spellings.setdefault(person_identity(person.name), set()).add(person.name)
    assert all(len(shown) == 1 for shown in spellings.values()), spellings
    assert spellings["per-fisher"] == {"Per Fisher"}
    assert spellings["john-quinn"] == {"John Quinn"}


def test_copenhagen_2006_has_the_regimes_chair_and_the_meetings(parsed_archive):
    people = people_of(parsed_archive, "2006-copenhagen")
    assert set(people) == {"Per Fisher", "Liselotte Plesner"}
    assert people["Per Fisher"].role == "chair"
    assert people["Per Fisher"].variants == ["Per Fischer"]
    assert people["Liselotte Plesner"].role == "session-chair"
    cited = [
        c
        for c in parsed_archive.citations
        if c.record == "2006-denmark" and c.field == "person:per-fisher"
    ]
    # The cable and the overview, the overview's spelling not followed.
    assert {(c.claim.split(" (")[0], c.is_followed) for c in cited} == {
        ("Mr. Per Fisher", True),
        ("Mr. Per Fischer", False),
    }


def test_the_real_co_chairs_keep_their_own_titles(parsed_archive):
    people = people_of(parsed_archive, "2017-dublin")
    assert {(p.title, p.role) for p in people.values()} == {
        ("Ambassador", "co-chair"),
        ("Minister-Counsellor", "co-chair"),
    }


def test_without_the_records_the_documents_still_give_one_person_each(tmp_path):
    """The five documents alone: Copenhagen's chair as the overview spells him,
    and who chaired the meeting told apart by the witnesses' words."""
    from django.conf import settings

    folder = tmp_path / "sources"
    shutil.copytree(
        settings.SOURCES_DIR, folder, ignore=shutil.ignore_patterns("records")
    )
    archive = build_archive(folder)
    people = people_of(archive, "2006-copenhagen")
    assert {(name, p.role) for name, p in people.items()} == {
        ("Per Fischer", "chair"),
        ("Liselotte Plesner", "session-chair"),
    }
    assert [p.name for p in people_of(archive, "2004-seoul").values()] == ["OH Joon"]


def test_a_country_named_as_chair_is_the_terms_country():
    term = {
        "people": [witness(source(), Named("Norway", passage="Norway chaired."))],
        "evidence": [],
    }
    countries_named_as_people(term)
    assert term["people"] == []
    ((_, evidence),) = term["evidence"]
    assert (evidence.countries, evidence.passage) == (["NO"], "Norway chaired.")


def test_two_spellings_are_one_person_with_the_better_witness_spelling():
    archive = Archive()
    report = own_report()
    term = {
        "people": [
            witness(
                source("overview", "o.txt"), Named("Per Fischer", "Mr.", passage="o")
            ),
            witness(
                source("cable", "c.txt"),
                Named("Mr Per Fisher", passage="c"),
                report=report,
            ),
            witness(source("overview", "o.txt"), Named("Mr. Per Fisher", passage="o2")),
        ],
        "evidence": [],
    }
    (person,) = chair_people(archive, "2030-x", term)
    assert (person.title, person.name, person.variants) == (
        "Mr",
        "Per Fisher",
        ["Per Fischer"],
    )
    assert [(c.claim, c.is_followed) for c in archive.citations] == [
        # Honorifics are written one way ("Mr." is "Mr"), spellings as given.
        ("Mr Per Fisher", True),
        ("Mr. Per Fischer", False),
        ("Mr Per Fisher", True),
    ]


def test_co_chairs_keep_their_titles_and_a_session_chair_is_told_apart():
    report = own_report()

    def claim(name, note="", session=False):
        named = Named(*reversed(split_honorific(name)), passage=name)
        evidence = ChairEvidence(
            term="current", passage=name, person=named, plenary=report,
            session_chair=session, note=note,
        )  # fmt: skip
        return witness(source(), named, evidence)

    term = {
        "people": [
            claim("Ambassador Ana Exemplo", "co-chair"),
            claim("Counsellor Jan Voorbeeld"),
            claim("Ms. Eva Muster", session=True),
        ],
        "evidence": [],
    }
    people = {p.name: p for p in chair_people(Archive(), "2030-x", term)}
    assert {(p.title, p.role) for p in people.values()} == {
        ("Ambassador", "co-chair"),
        ("Counsellor", "co-chair"),
        ("Ms", "session-chair"),
    }


def test_chaired_the_meeting_alone_is_the_chair_when_no_one_else_is_named():
    named = Named(
        "Kari Eksempel", "Ambassador", role="chaired the plenary", passage="p"
    )
    term = {"people": [witness(source(), named, report=own_report())], "evidence": []}
    (person,) = chair_people(Archive(), "2030-x", term)
    assert (person.role, person.described) == ("chair", "chaired the plenary")


def test_names_join_only_by_the_table_never_by_likeness():
    assert person_identity("Mr. John Quinn") == person_identity("Mr John Quinn")
    assert person_identity("Roald Næss") == "roald-naess"
    assert person_identity("Per Fischer") == person_identity("Per Fisher")
    assert person_identity("John Quin") != person_identity("John Quinn")
