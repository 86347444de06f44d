"""The archive merged from the documents and the archivist's records, by the
written rule for witnesses (ingest.merge.witnesses), and the archive of the five
documents alone."""

import datetime

from ingest.merge.records import Source
from ingest.merge.witnesses import (
    OFFICIAL,
    OVERVIEW,
    OWN_STATEMENT,
    witness_class,
    witness_rank,
)

D = datetime.date


def cited(archive, slug, field):
    return {
        (c.source.split("/")[-1], c.claim, c.is_followed)
        for c in archive.citations
        if c.model == "plenary" and c.record == slug and c.field == field
    }


def source(kind, title="A document", note="", publisher="MTCR"):
    return Source(f"records/{kind}", kind, title, kind, publisher, None, "", "")


def test_the_rank_of_each_kind_of_witness():
    """A statement over a cable over an overview; a cable that carries the
    statement counts as the statement; a heading below the body."""
    carrier = source("cable", title="Cable carrying the press statement of X")
    assert witness_class(source("statement")) == OWN_STATEMENT
    assert witness_class(carrier) == OWN_STATEMENT
    assert witness_class(source("cable", title="Results of a plenary")) == OFFICIAL
    assert witness_class(source("press-release")) == OFFICIAL
    assert witness_class(source("encyclopedia")) == OVERVIEW
    assert witness_class(source("overview")) == OVERVIEW
    body = witness_rank(carrier, None, "from the body of the statement")
    heading = witness_rank(carrier, None, "from the heading of the same statement")
    assert body < heading < witness_rank(source("speech"))


def test_every_plenary_the_witnesses_know(parsed_archive):
    """1988 Rome as a year, then 1991-2022 but for 2010, 2018 and 2020."""
    years = {p.dates.start.year for p in parsed_archive.plenaries}
    assert years == {1988} | set(range(1991, 2023)) - {2010, 2018, 2020}
    numbers = sorted(p.number for p in parsed_archive.plenaries if p.number)
    assert numbers == [1, *range(5, 7), *range(8, 35)]
    rome = parsed_archive.plenary("1988-rome")
    assert (rome.number, rome.city, rome.country) == (1, "Rome", "IT")
    assert (rome.dates.claim, rome.dates.precision, rome.open_end) == (
        "1988",
        "year",
        False,
    )


def test_the_meetings_own_statements_over_the_overview(parsed_archive):
    """Noordwijk, Edinburgh and Madrid follow their statements; the overview's
    days are kept, not followed."""
    for slug, own, overview in [
        ("1999-noordwijk", "1999-10-11/1999-10-15", "1999-10-01/1999-10-15"),
        ("1996-edinburgh", "1996-10-08/1996-10-10", "1996-10-07/1996-10-11"),
        ("2005-madrid", "2005-09-12/2005-09-16", "2005-09-14/2005-09-16"),
    ]:
        plenary = parsed_archive.plenary(slug)
        assert plenary.dates.claim == own
        claims = cited(parsed_archive, slug, "dates")
        assert ("nti-mtcr-overview.txt", overview, False) in claims
        assert any(claim == own and followed for _, claim, followed in claims)


def test_a_cable_over_the_overview_side_by_side(parsed_archive):
    """Athens 2007: the cable's 5-9 November followed, the overview's 7-9 kept."""
    athens = parsed_archive.plenary("2007-athens")
    assert (athens.dates.start, athens.dates.end) == (D(2007, 11, 5), D(2007, 11, 9))
    assert cited(parsed_archive, "2007-athens", "dates") == {
        ("usdos-cable-2008-athens", "2007-11-05/2007-11-09", True),
        ("nti-mtcr-overview.txt", "2007-11-07/2007-11-09", False),
    }


def test_a_body_over_a_heading(parsed_archive):
    """Copenhagen 2006: the statement's body (2 October) over its heading (4)."""
    copenhagen = parsed_archive.plenary("2006-copenhagen")
    assert copenhagen.dates.start == D(2006, 10, 2)
    starts = cited(parsed_archive, "2006-copenhagen", "start")
    assert ("usdos-cable-2006-copenhagen", "2006-10-04", False) in starts
    assert ("usdos-cable-2006-copenhagen", "2006-10-02", True) in starts


def test_an_opening_day_and_the_last_day_from_different_witnesses(parsed_archive):
    """Sochi 2021: opened on 6 October by the ministry's release; only the
    overview gives a last day, but it is wrong on the first (4 October), so its
    8 October is not taken: no last day is claimed. Berlin 2012: the overview
    agrees with the release on the first day, so its last day is taken."""
    sochi = parsed_archive.plenary("2021-sochi")
    assert (sochi.dates.start, sochi.open_end) == (D(2021, 10, 6), True)
    assert cited(parsed_archive, "2021-sochi", "start") == {
        ("ru-2021-sochi", "2021-10-06", True),
        ("nti-mtcr-overview.txt", "2021-10-04", False),
    }
    assert cited(parsed_archive, "2021-sochi", "end") == {
        ("nti-mtcr-overview.txt", "2021-10-08", False)
    }
    berlin = parsed_archive.plenary("2012-berlin")
    assert berlin.dates.claim == "2012-10-24/2012-10-26"
    assert ("aa-2012-berlin", "2012-10-24", True) in cited(
        parsed_archive, "2012-berlin", "start"
    )


def test_announcements_that_said_otherwise(parsed_archive):
    """The plenaries announced for 2018 and 2020 are cited, not followed, on the
    meetings that were held next."""
    assert ("mtcr-2017-dublin", "2018", False) in cited(
        parsed_archive, "2019-auckland", "dates"
    )
    assert ("mtcr-2019-auckland", "2020", False) in cited(
        parsed_archive, "2021-sochi", "dates"
    )
    assert ("mtcr-2017-dublin", "2018", True) in cited(
        parsed_archive, "2017-dublin", "next_announcement"
    )


def test_member_counts_are_cited_with_the_lists_count(parsed_archive):
    assert cited(parsed_archive, "1993-interlaken", "member_count") == {
        ("mtcr-1993-interlaken", "25", True)
    }
    assert cited(parsed_archive, "1993-interlaken", "listed_count") == {
        ("mtcr-1993-interlaken", "24", True)
    }


def test_records_claims_carry_the_archivists_note(parsed_archive):
    rome = [
        c
        for c in parsed_archive.citations
        if c.record == "1988-rome" and c.field == "number"
    ]
    assert [c.passage for c in rome] == ["claims.csv, row 2"]
    assert "first MTCR plenary" in rome[0].note
    held = {s.file_name: s.held for s in parsed_archive.sources}
    assert held["records/mtcr-2013-rome"] is False
    assert held["nti-mtcr-overview.txt"] is True


def test_annex_revisions_sort_by_their_interval(parsed_archive):
    """The 1993 revision agreed at Interlaken is dated by that meeting, after
    the July 1993 one; a revision dated into a meeting is marked inferred."""
    slugs = [r.slug for r in parsed_archive.annex_revisions]
    assert slugs.index("annex-1993-07") < slugs.index("annex-1993")
    interlaken = next(
        r for r in parsed_archive.annex_revisions if r.slug == "annex-1993"
    )
    assert (interlaken.date.start, interlaken.date.period_end) == (
        D(1993, 11, 29),
        D(1993, 12, 2),
    )
    assert not interlaken.adopted_at_inferred
    inferred = {r.slug for r in parsed_archive.annex_revisions if r.adopted_at_inferred}
    assert inferred == {"annex-2014-10-02", "annex-2016-10-20", "annex-2017-10-19"}


def test_the_five_documents_alone(documents_archive):
    """Without sources/records/ the archive holds only what the five documents
    say: every source held, no records claim cited, no 1988 meeting."""
    assert {s.held for s in documents_archive.sources} == {True}
    assert len(documents_archive.sources) == 5
    assert not any(
        c.note or c.source.startswith("records/") for c in documents_archive.citations
    )
    assert documents_archive.plenary("1988-rome") is None
    assert len(documents_archive.plenaries) == 28
    athens = documents_archive.plenary("2007-athens")
    assert athens.dates.claim == "2007-11-07/2007-11-09"


def test_an_announcement_cited_from_the_original_is_told_by_its_facts(parsed_archive):
    """A document the archive does not hold gives its announcement as facts
    (where, when, whose), never a locator or its wording."""
    rome = parsed_archive.plenary("2013-rome")
    assert rome.next_announcement == (
        "The next plenary announced in Norway for 2014 (Plenary Meeting of the "
        "Missile Technology Control Regime, Rome, Italy, 14-18 October 2013)."
    )
    assert rome.next_host == "NO"
    interlaken = parsed_archive.plenary("1993-interlaken")
    assert interlaken.next_announcement.startswith(
        "The next plenary announced in Sweden for 3–6 October 1994 ("
    )
    for plenary in parsed_archive.plenaries:
        assert "claims.csv" not in plenary.next_announcement, plenary.slug
