"""Partners and adherents merged from the five documents alone: from when each
document shows them, and what each date rests on."""

import datetime

from tests.ingest.test_merge import citations

D = datetime.date


def test_partners_from_when_the_documents_show_it(documents_archive):
    members = {m.country: m for m in documents_archive.memberships}

    def since(code):
        m = members[code]
        return (m.since_earliest, m.since_latest, m.since_precision)

    for code in ["CA", "FR", "DE", "IT", "JP", "GB", "US"]:
        assert since(code) == (D(1987, 4, 16), D(1987, 4, 16), "day")
        assert members[code].founding
    assert sum(m.founding for m in documents_archive.memberships) == 7
    # Admitted at Bonn, 10 to 12 October 1995.
    assert since("BR") == (D(1995, 10, 10), D(1995, 10, 12), "day")
    for code in ["RU", "ZA"]:
        assert since(code) == (None, D(1995, 10, 10), "day")
    for code in ["CZ", "PL", "UA"]:
        assert since(code) == (None, D(1998, 10, 5), "day")
    assert since("IN") == (D(2016, 6, 27), D(2016, 6, 27), "day")
    assert since("AU") == (None, D(1993, 3, 31), "month")  # hosted Canberra, 1993-03
    assert since("AT") == (None, D(2011, 4, 15), "day")  # first listed in 2011
    assert since("AR") == (None, D(2003, 9, 19), "day")  # hosted the 18th plenary


def test_each_member_list_is_cited_for_each_partner_it_names(documents_archive):
    for code in ["AT", "KR", "US"]:
        sources = {c.source for c in citations(documents_archive, "membership", code)}
        assert {
            "buenos-aires-2011-statement.txt",
            "busan-2016-statement.txt",
        } <= sources
    # The complete list of 2011 does not name India: cited as "not yet" instead.
    india = {
        c.claim
        for c in citations(documents_archive, "membership", "IN")
        if c.source == "buenos-aires-2011-statement.txt"
    }
    assert india == {"not yet on 2011-04-15"}


def test_adherents(documents_archive):
    adherents = {a.country: a for a in documents_archive.adherences}
    assert {code: a.kind for code, a in adherents.items()} == {
        "EE": "formal", "LV": "formal", "KZ": "formal", "IL": "informal",
        "MK": "informal", "RO": "informal", "SK": "informal", "CN": "pledged",
        "IN": "pledged",
    }  # fmt: skip

    def declared(code):
        a = adherents[code]
        return (a.declared_earliest, a.declared_latest, a.declared_precision)

    assert declared("KZ") == (D(2017, 10, 1), D(2017, 10, 31), "month")
    assert declared("EE") == (None, D(2016, 10, 21), "day")
    india = adherents["IN"]
    assert (india.declared_latest, india.ended) == (D(2005, 9, 16), D(2016, 6, 27))
    assert declared("IL")[:2] == (None, None)


def test_each_membership_says_what_its_date_rests_on(documents_archive):
    notes = {m.country: m.notes for m in documents_archive.memberships}
    # The better witness's bound (the list of 2011), then each overview's
    # bound that narrows it.
    listed = "Listed as a partner at the 25th plenary (Buenos Aires, 2011)."
    assert notes["US"] == f"{listed} One of the founding partners."
    assert notes["BR"] == f"{listed} Admitted at the 10th plenary (Bonn, 1995)."
    assert notes["CZ"] == (
        f"{listed} Attended the 13th plenary (Budapest, 1998) as a partner."
    )
    assert notes["AU"] == f"{listed} Hosted the plenary in Canberra (1993)."
    assert notes["AT"] == listed
    assert (
        "Not in the complete list of partners at the 25th plenary (Buenos Aires, 2011)."
        in notes["IN"]
    )


def test_each_adherence_says_what_its_date_rests_on(documents_archive):
    notes = {a.country: a.notes for a in documents_archive.adherences}
    assert notes["KZ"] == "Declared during the 31st plenary (Dublin, 2017)."
    assert notes["EE"] == "Welcomed at the 30th plenary (Busan, 2016)."
    assert notes["IL"] == "No source dates the declaration."
