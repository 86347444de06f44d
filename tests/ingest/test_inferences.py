"""Inferences the merge marks as such: a host country read off a city, and the
official original of a copy of a meeting's statement (ingest/merge/copies.py)."""

from ingest.documents.statement import parse_statement
from ingest.facts import FROM_CITY
from ingest.merge.copies import is_copy, link_originals
from ingest.merge.records import Archive, Plenary, Source
from ingest.sentences import read_place

# The overview names the country of these meetings nowhere, only their city.
CITY_ONLY = {"1997-tokyo", "2002-warsaw", "2012-berlin", "2011-buenos-aires"}
NAMED = {"1995-bonn", "2013-rome", "2016-busan", "2022-montreux"}


def test_a_place_says_whether_its_country_is_named_or_inferred():
    assert read_place("held in Exampleton, Japan, in May") == (
        "Exampleton",
        "JP",
        False,
    )
    assert read_place("held in Tokyo in May") == ("Tokyo", "JP", True)
    assert read_place("held in Tokyo, Japan, in May") == ("Tokyo", "JP", False)


def test_a_statement_naming_only_the_city_infers_the_country():
    facts = parse_statement(
        "The Regime held its 40th Plenary Meeting in Oslo from 3 to 5 May 2031."
    )
    report = facts.plenaries[0]
    assert (report.country.value, report.country.inferred) == ("NO", FROM_CITY)


def test_without_the_records_hosts_named_by_no_witness_are_inferred(
    documents_archive,
):
    inferred = {p.slug: p.country_inferred for p in documents_archive.plenaries}
    assert {slug for slug, how in inferred.items() if how} >= CITY_ONLY
    assert all(inferred[slug] == FROM_CITY for slug in CITY_ONLY)
    assert not any(inferred[slug] for slug in NAMED)
    # Each citation of an inferred host says so; a named one does not.
    cited = {
        (c.record, c.inferred)
        for c in documents_archive.citations
        if c.field == "country" and c.source == "nti-mtcr-overview.txt"
    }
    assert ("1997-tokyo", FROM_CITY) in cited
    assert ("1995-bonn", "") in cited


def test_with_the_records_only_buenos_aires_2011_remains_inferred(parsed_archive):
    inferred = [p.slug for p in parsed_archive.plenaries if p.country_inferred]
    assert inferred == ["2011-buenos-aires"]


def _source(name, kind="statement", publisher="MTCR", note="", plenary="2031-oslo"):
    return Source(
        file_name=name,
        slug=name,
        title=name,
        kind=kind,
        publisher=publisher,
        published=None,
        url="",
        text="",
        plenary=plenary,
        note=note,
    )


def _archive(*sources):
    plenary = Plenary("2031-oslo", 40, "Oslo", "NO", dates=None)
    return Archive(sources=list(sources), plenaries=[plenary])


def test_a_copy_is_a_governments_a_carriers_or_the_same_statement_filed_again():
    assert is_copy(_source("a", publisher="Government of Exampleland"))
    assert is_copy(_source("b", kind="cable", note="carrying the press statement"))
    assert is_copy(_source("c", note="the same statement under another title"))
    assert not is_copy(_source("d"))
    assert not is_copy(_source("e", kind="press-release", publisher="Norway"))


def test_the_original_is_the_regimes_statement_else_the_hosts():
    regime = _source("regime")
    host = _source("host", publisher="Norwegian Ministry of Foreign Affairs")
    other = _source("other", publisher="Luxembourg Ministry of Foreign Affairs")
    cable = _source("cable", kind="cable", note="it carries the statement")
    archive = _archive(regime, host, other, cable)
    link_originals(archive)
    assert (host.original, other.original, cable.original) == ("regime",) * 3
    assert regime.original == ""
    # Without the regime's own, another government's copy names the host's;
    # the host's and a cable name none.
    for source in (host, other, cable):
        source.original = ""
    link_originals(_archive(host, other, cable))
    assert (host.original, other.original, cable.original) == ("", "host", "")


def test_the_records_copies_name_their_originals(parsed_archive):
    originals = {s.file_name: s.original for s in parsed_archive.sources if s.original}
    assert originals == {
        "records/mtcr-de-1991-washington": "records/mtcr-1991-washington",
        "records/lu-2015-rotterdam": "records/nl-2015-rotterdam",
    }


def test_without_the_records_no_document_is_a_copy(documents_archive):
    assert not any(s.original for s in documents_archive.sources)
