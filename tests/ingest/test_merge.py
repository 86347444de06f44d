"""The archive merged from the five documents: counts, exact values, disagreements,
and a passage behind every fact."""

import datetime
import re
from collections import defaultdict

D = datetime.date


def plenary(documents_archive, slug):
    found = documents_archive.plenary(slug)
    assert found is not None, slug
    return found


def chair_of(documents_archive, plenary_slug):
    (term,) = [
        c for c in documents_archive.chairmanships if c.start_plenary == plenary_slug
    ]
    return term


def citations(documents_archive, model, record, field=None):
    return [
        c
        for c in documents_archive.citations
        if c.model == model
        and c.record == record
        and (field is None or c.field == field)
    ]


def test_counts(documents_archive):
    """28 plenaries, 35 partners, 9 adherents; one chair term per plenary."""
    assert len(documents_archive.plenaries) == 28
    assert len(documents_archive.memberships) == 35
    assert len(documents_archive.adherences) == 9
    assert len(documents_archive.chairmanships) == 28
    assert sorted(p.number for p in documents_archive.plenaries if p.number) == list(
        range(10, 35)
    )


def test_the_partner_count_agrees_with_every_document_that_gives_one(documents_archive):
    counts = {name: count for name, count, _ in documents_archive.member_counts}
    assert counts["nti-mtcr-overview.txt"] == len(documents_archive.memberships)
    assert counts["nz-mtcr-presentation.txt"] == len(documents_archive.memberships)
    assert counts["busan-2016-statement.txt"] == len(documents_archive.memberships)
    assert counts["buenos-aires-2011-statement.txt"] == 34  # before India


def test_the_25th_plenary(documents_archive):
    meeting = plenary(documents_archive, "2011-buenos-aires")
    assert (meeting.number, meeting.city, meeting.country) == (25, "Buenos Aires", "AR")
    assert (meeting.dates.start, meeting.dates.end) == (D(2011, 4, 11), D(2011, 4, 15))
    assert "Alberto D´Alotto" in meeting.opened_by
    assert {1874, 1929} <= set(meeting.resolutions)
    assert 1992 not in meeting.resolutions
    assert meeting.statement.startswith("The Missile Technology Control Regime")
    assert meeting.summary.startswith("On 13-15 April, Buenos Aires")
    term = chair_of(documents_archive, "2011-buenos-aires")
    assert [p.name for p in term.people] == ["Roberto Garcia Moritán"]
    assert term.countries == ["AR"]


def test_the_30th_plenary(documents_archive):
    meeting = plenary(documents_archive, "2016-busan")
    assert (meeting.number, meeting.country) == (30, "KR")
    assert meeting.dates.claim == "2016-10-17/2016-10-21"
    term = chair_of(documents_archive, "2016-busan")
    assert term.slug == "2016-republic-of-korea"
    (person,) = term.people
    assert person.name == "Ham Sang-wook"
    assert person.position.startswith("Director General for Nonproliferation")


def test_the_34th_plenary_after_the_russian_term(documents_archive):
    meeting = plenary(documents_archive, "2022-montreux")
    assert (meeting.number, meeting.city, meeting.country) == (34, "Montreux", "CH")
    assert meeting.dates.claim == "2022-10-17/2022-10-21"
    assert meeting.opened_by == "State Secretary Livia Leu"
    assert "the handover of the official MTCR gavel" in meeting.statement
    term = chair_of(documents_archive, "2022-montreux")
    assert (term.countries, [p.name for p in term.people]) == (
        ["CH"],
        ["Benno Laggner"],
    )
    before = chair_of(documents_archive, "2021-sochi")
    assert before.countries == ["RU"]
    assert before.end_plenary == "2022-montreux"
    assert [p.name for p in before.people] == ["Grigory Mashkov"]


def test_the_28th_plenary_crosses_a_month(documents_archive):
    meeting = plenary(documents_archive, "2014-oslo")
    assert (meeting.dates.start, meeting.dates.end) == (D(2014, 9, 29), D(2014, 10, 3))


def test_the_interlaken_meeting_at_month_precision(documents_archive):
    meeting = plenary(documents_archive, "1993-interlaken")
    assert (meeting.number, meeting.country) == (None, "CH")
    assert meeting.dates.precision == "month"
    assert (meeting.dates.start, meeting.dates.end) == (D(1993, 11, 1), D(1993, 12, 1))
    assert chair_of(documents_archive, "1993-interlaken").countries == ["CH"]
    said = citations(documents_archive, "chairmanship", "1993-switzerland", "countries")
    assert any("second time that Switzerland chairs" in c.passage for c in said)


def test_a_plenary_held_in_a_country_without_a_city(documents_archive):
    meeting = plenary(documents_archive, "2000-finland")
    assert (meeting.number, meeting.city, meeting.country) == (15, "", "FI")


def test_disagreements_are_kept_and_the_record_follows_the_primary_source(
    documents_archive,
):
    claims = {
        (c.source, c.claim): c.is_followed
        for c in citations(documents_archive, "plenary", "2011-buenos-aires", "dates")
    }
    assert claims == {
        ("buenos-aires-2011-statement.txt", "2011-04-11/2011-04-15"): True,
        ("nti-mtcr-overview.txt", "2011-04-13/2011-04-15"): False,
        ("nti-mtcr-overview.txt", "2011-03-28/2011-04-01"): False,  # announced
    }
    resolutions = {
        (c.source, c.claim, c.is_followed)
        for c in citations(
            documents_archive, "plenary", "2011-buenos-aires", "resolutions"
        )
    }
    assert ("nti-mtcr-overview.txt", "1540, 1874, 1992", False) in resolutions
    assert ("buenos-aires-2011-statement.txt", "1540, 1874, 1929", True) in resolutions


def test_what_happened_wins_over_what_was_announced(documents_archive):
    warsaw = plenary(documents_archive, "2002-warsaw")
    assert warsaw.dates.claim == "2002-09-24/2002-09-27"
    claims = {
        c.claim: c.is_followed
        for c in citations(documents_archive, "plenary", "2002-warsaw", "dates")
    }
    assert claims == {"2002-09-24/2002-09-27": True, "2002-09-23/2002-09-27": False}
    canberra = {
        c.claim: c.is_followed
        for c in citations(documents_archive, "plenary", "2008-canberra", "dates")
    }
    assert canberra == {"2008-11-05/2008-11-07": True, "2008-12": False}


def test_only_true_disagreements_are_not_followed(documents_archive):
    """Consistent evidence (a month, then the days; a partner by 2003 and by
    2011; one chair described twice) is no disagreement: only a claim the record
    does not follow is one."""
    claims = defaultdict(set)
    disputed = set()
    for c in documents_archive.citations:
        claims[(c.model, c.record, c.field)].add(c.claim)
        if not c.is_followed:
            disputed.add((c.model, c.record, c.field))
    assert sorted(disputed) == [
        ("plenary", "2002-warsaw", "dates"),
        ("plenary", "2008-canberra", "dates"),
        ("plenary", "2011-buenos-aires", "dates"),
        ("plenary", "2011-buenos-aires", "resolutions"),
    ]
    differing = {key for key, values in claims.items() if len(values) > 1}
    consistent = differing - disputed
    assert {(model, field.split(":")[0]) for model, _, field in consistent} == {
        ("membership", "since"),
        ("chairmanship", "person"),
    }
    assert claims[("membership", "AR", "since")] == {
        "by 2003-09-19", "by 2011-04-11", "by 2011-04-15", "by 2016-10-21",
    }  # fmt: skip
    edinburgh = plenary(documents_archive, "1996-edinburgh")
    assert edinburgh.dates.claim == "1996-10-07/1996-10-11"


def test_next_hosts_as_announced(documents_archive):
    hosts = {p.slug: p.next_host for p in documents_archive.plenaries if p.next_host}
    assert hosts["2001-ottawa"] == "PL"
    assert hosts["2007-athens"] == "AU"
    assert hosts["2008-canberra"] == "BR"
    assert hosts["1994-stockholm"] == "DE"
    assert (
        "tentatively scheduled for March 28 to April 1, 2011"
        in plenary(documents_archive, "2009-rio-de-janeiro").next_announcement
    )


def test_joint_and_announced_chairmanships(documents_archive):
    slugs = [c.slug for c in documents_archive.chairmanships]
    assert "2015-netherlands-luxembourg" in slugs
    assert "2017-ireland-iceland" in slugs
    dutch = chair_of(documents_archive, "2015-rotterdam")
    assert dutch.countries == ["NL", "LU"]
    assert [p.name for p in dutch.people] == ["Piet de Klerk"]
    assert dutch.end_plenary == "2016-busan"
    irish = chair_of(documents_archive, "2017-dublin")
    assert "joint MTCR Chairmanship by Ireland and Iceland" in irish.announced
    assert (
        chair_of(documents_archive, "2009-rio-de-janeiro").end_plenary
        == "2011-buenos-aires"
    )
    assert (
        "2009-2010 term" in chair_of(documents_archive, "2009-rio-de-janeiro").announced
    )
    assert (
        "Poland will serve as the next MTCR chair"
        in chair_of(documents_archive, "2002-warsaw").announced
    )


def test_people_of_each_term(documents_archive):
    people = {
        c.start_plenary: [p.name for p in c.people]
        for c in documents_archive.chairmanships
    }
    # The five documents spell each name once: the overview's capitals ("OH
    # Joon") and its "Per Fischer" stand until a records witness spells them
    # otherwise (tests/ingest/test_chair_people.py, the real archive).
    assert people["2004-seoul"] == ["OH Joon"]
    assert people["2005-madrid"] == ["Manuel Viturro de la Torre"]
    copenhagen = {
        p.role: p.name for p in chair_of(documents_archive, "2006-copenhagen").people
    }
    assert copenhagen == {"chair": "Per Fischer", "session-chair": "Liselotte Plesner"}
    assert people["2007-athens"] == ["Eleftherios Danellis"]
    assert people["2008-canberra"] == ["John Quinn"]
    assert people["2014-oslo"] == ["Roald Næss"]  # chair in February 2015
    assert plenary(documents_archive, "2006-copenhagen").opened_by.startswith(
        "H.E. Mr. Per Stig Møller"
    )


def test_a_term_only_implied_by_hosting_cites_the_passage_implying_it(
    documents_archive,
):
    term = chair_of(documents_archive, "2013-rome")
    assert term.countries == ["IT"]
    (cited,) = citations(documents_archive, "chairmanship", term.slug, "countries")
    assert "27th Plenary Meeting in Rome, Italy" in cited.passage
    assert term.countries_inferred
    assert "Inferred: no witness names the chairing country" in term.notes


def test_annex_revisions_from_1991_to_2022(documents_archive):
    revisions = {r.slug: r for r in documents_archive.annex_revisions}
    expected = {
        "annex-1991-11": "", "annex-1993-07": "", "annex-1993": "1993-interlaken",
        "annex-1995-10": "1995-bonn", "annex-2002-09": "2002-warsaw",
        "annex-2005-09": "2005-madrid", "annex-2007-11": "2007-athens",
        "annex-2009-11": "2009-rio-de-janeiro", "annex-2011-04": "2011-buenos-aires",
        "annex-2011-11-18": "", "annex-2014-10-02": "2014-oslo",
        "annex-2016-10-20": "2016-busan", "annex-2017-05-18": "",
        "annex-2017-10-19": "2017-dublin", "annex-2018-05-09": "",
        "annex-2018-11": "", "annex-2022-10-21": "2022-montreux",
    }  # fmt: skip
    assert {slug: r.adopted_at for slug, r in revisions.items()} == expected
    assert "effective in July 1994" in revisions["annex-1993"].summary
    assert revisions["annex-2018-11"].meeting == "Technical Experts Meeting"


def test_events(documents_archive):
    kinds = defaultdict(int)
    for event in documents_archive.events:
        kinds[event.kind] += 1
    assert kinds["outreach"] == 6
    assert kinds["seminar"] == 4
    assert kinds["anniversary"] == 2
    pakistan = next(
        e for e in documents_archive.events if e.slug.startswith("2018-03-29")
    )
    assert (pakistan.countries, pakistan.plenary) == (["PK"], "2017-dublin")
    assert not any("Plenary Meeting in" in e.title for e in documents_archive.events if
                   e.kind == "development" and e.plenary == "")  # fmt: skip


def test_every_citation_quotes_its_document(documents_archive):
    """Each passage is in its source's text (whitespace normalised), keys unique."""
    texts = {s.file_name: " ".join(s.text.split()) for s in documents_archive.sources}
    for citation in documents_archive.citations:
        assert citation.passage, citation.key
        assert " ".join(citation.passage.split()) in texts[citation.source], (
            citation.key
        )
    keys = [c.key for c in documents_archive.citations]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[\w.-]+#[a-z_]+/[^/]+/.+", key) for key in keys)


def test_every_fact_has_a_citation(documents_archive):
    cited = {(c.model, c.record) for c in documents_archive.citations}
    for meeting in documents_archive.plenaries:
        assert ("plenary", meeting.slug) in cited
        fields = {
            c.field for c in citations(documents_archive, "plenary", meeting.slug)
        }
        assert {"dates", "country"} <= fields
    for model, records in [
        ("chairmanship", [c.slug for c in documents_archive.chairmanships]),
        ("membership", [m.country for m in documents_archive.memberships]),
        ("adherence", [f"{a.country}/{a.kind}" for a in documents_archive.adherences]),
        ("annex_revision", [r.slug for r in documents_archive.annex_revisions]),
        ("event", [e.slug for e in documents_archive.events]),
    ]:
        for record in records:
            assert (model, record) in cited, (model, record)


def test_sources_link_their_plenary(documents_archive):
    linked = {s.file_name: s.plenary for s in documents_archive.sources}
    assert linked == {
        "buenos-aires-2011-statement.txt": "2011-buenos-aires",
        "busan-2016-statement.txt": "2016-busan",
        "montreux-2022-chair-report.txt": "2022-montreux",
        "nti-mtcr-overview.txt": "",
        "nz-mtcr-presentation.txt": "",
    }


def test_a_message_adopted_at_a_plenary_is_an_event_of_its_week(documents_archive):
    """The chair's report: 'Partners also adopted a Message on the Occasion of the
    35th Anniversary of the MTCR', dated by the meeting the overview dates."""
    (event,) = [e for e in documents_archive.events if e.plenary == "2022-montreux"]
    assert (event.kind, event.title) == (
        "anniversary",
        "Message on the Occasion of the 35th Anniversary of the MTCR",
    )
    assert event.dates.claim == "2022-10-17/2022-10-21"
