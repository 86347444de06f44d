"""Every date of the real archive is exported in EDTF, and the edtf library reads
each back to the record's own first and last possible day: the list exports, the
API, the bulk CSVs and the release's schema."""

import csv
import datetime
import io
import json

import edtf
import pytest

from annex.models import AnnexRevision
from core.dates import bounds
from evidence.models import SourceDocument
from members.models import Adherence, Membership
from plenaries.models import Chairmanship, Event, Plenary

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("real_archive", "no_page_cache"),
]


def days(text):
    """(first, last) day an EDTF string stands for; None where it is open."""
    parsed = edtf.parse_edtf(text)

    def day(value):
        return None if isinstance(value, float) else datetime.date(*value[:3])

    return day(parsed.lower_strict()), day(parsed.upper_strict())


def plenary_days(plenary):
    """A meeting's first and last day (None: no end known)."""
    first, _ = bounds(plenary.start_date, plenary.date_precision)
    if plenary.end_date is None:
        return first, None
    return first, bounds(plenary.end_date, plenary.date_precision)[1]


def export(client, url):
    response = client.get(url, {"format": "json"})
    assert response.status_code == 200
    return json.loads(response.content)


def csv_table(client, name):
    response = client.get(f"/data/{name}.csv")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_each_plenary_in_the_api_reads_back_to_its_days(client):
    rows = client.get("/api/plenaries/", {"page_size": 200}).json()["results"]
    plenaries = {p.slug: p for p in Plenary.objects.all()}
    assert len(rows) == len(plenaries) > 30
    for row in rows:
        assert days(row["dates_edtf"]) == plenary_days(plenaries[row["slug"]])
    assert {row["slug"]: row["dates_edtf"] for row in rows}["1988-rome"] == "1988"
    busan = client.get("/api/plenaries/2016-busan/").json()
    assert busan["dates_edtf"] == "2016-10-17/2016-10-21"


def test_each_annex_revision_reads_back_to_its_first_and_last_day(client):
    rows = export(client, "/annex/")
    revisions = {r.slug: r for r in AnnexRevision.objects.all()}
    assert len(rows) == len(revisions)
    for row in rows:
        revision = revisions[row["slug"]]
        latest = revision.latest_day or revision.date
        assert days(row["date_edtf"]) == (revision.date, latest), row["slug"]
    by_slug = {row["slug"]: row["date_edtf"] for row in rows}
    assert by_slug["annex-1991-11"] == "[1991-11-04..1991-11-07]"
    assert by_slug["annex-2018-11"] == "2018-11"


def test_each_chair_term_begins_and_ends_with_its_plenaries_days(client):
    rows = export(client, "/chairs/")
    terms = {
        t.slug: t
        for t in Chairmanship.objects.select_related("start_plenary", "end_plenary")
    }
    assert len(rows) == len(terms)
    for row in rows:
        term = terms[row["slug"]]
        assert days(row["start_edtf"]) == plenary_days(term.start_plenary)
        if term.end_plenary is None:
            assert row["end_edtf"] == ""
        else:
            assert days(row["end_edtf"]) == plenary_days(term.end_plenary)
    by_slug = {row["slug"]: row for row in rows}
    assert by_slug["1988-italy"]["start_edtf"] == "1988"


def test_each_source_reads_back_to_its_day_of_publication(client):
    rows = client.get("/api/sources/", {"page_size": 200}).json()["results"]
    sources = {s.slug: s for s in SourceDocument.objects.all()}
    assert len(rows) == len(sources) > 30
    for row in rows:
        source = sources[row["slug"]]
        if source.published is None:
            assert row["published_edtf"] == ""
        else:
            expected = bounds(source.published, source.published_precision)
            assert days(row["published_edtf"]) == expected, row["slug"]
    assert any(row["published_edtf"] == "" for row in rows)


def test_partners_and_adherents_read_back_to_their_intervals(client):
    partners = {p.country.name: p for p in Membership.objects.with_country()}
    for row in export(client, "/members/"):
        partner = partners[row["country"]]
        assert days(row["since"]) == (partner.since_earliest, partner.since_latest)
    adherences = {(a.country.name, a.kind): a for a in Adherence.objects.with_country()}
    for row in export(client, "/adherents/"):
        adherence = adherences[row["country"], row["kind"]]
        interval = (adherence.declared_earliest, adherence.declared_latest)
        if interval == (None, None):
            assert row["declared"] == ""  # no witness dates it
        else:
            assert days(row["declared"]) == interval


def test_every_timeline_entry_has_its_dates_in_edtf(client):
    answer = client.get("/api/timeline/", {"kind": "event", "page_size": 200}).json()
    events = {(e.title, e.date.isoformat()): e for e in Event.objects.all()}
    assert answer["count"] == len(events) > 0
    for row in answer["results"]:
        event = events[row["title"], row["date"]]
        first = bounds(event.date, event.date_precision)[0]
        last = bounds(event.end_date or event.date, event.date_precision)[1]
        assert days(row["dates_edtf"]) == (first, last), row["title"]
    partners = client.get("/api/timeline/", {"kind": "partner", "page_size": 200})
    for row in partners.json()["results"]:
        assert row["dates_edtf"] and days(row["dates_edtf"])[1] is not None


@pytest.mark.parametrize(
    "table, model, columns",
    [
        ("plenaries", Plenary, ["dates_edtf"]),
        ("memberships", Membership, ["since_edtf"]),
        ("adherences", Adherence, ["declared_edtf"]),
        ("chairmanships", Chairmanship, ["start_edtf", "end_edtf"]),
        ("events", Event, ["dates_edtf"]),
        ("annex-revisions", AnnexRevision, ["date_edtf"]),
        ("sources", SourceDocument, ["published_edtf"]),
    ],
)
def test_the_bulk_csvs_end_with_their_edtf_columns(client, table, model, columns):
    rows = csv_table(client, table)
    assert len(rows) == model.objects.count()
    assert list(rows[0])[-len(columns) :] == columns
    for column in columns:
        written = [row[column] for row in rows if row[column]]
        assert written, column
        for text in written:
            assert str(edtf.parse_edtf(text)) == text
