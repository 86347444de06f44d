"""One revision told by two witnesses is one record (the real archive): the
overview's "November 1991" and the Washington 1991 statement's revised Annex."""

import shutil

import pytest

from annex.models import AnnexRevision
from ingest.build import build_archive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_archive")]


def test_the_1991_revision_is_one_record_with_both_witnesses():
    revisions = AnnexRevision.objects.filter(date__year=1991)
    assert [r.slug for r in revisions] == ["annex-1991-11"]
    (revision,) = revisions
    assert revision.adopted_at.slug == "1991-washington"
    assert not revision.adopted_at_inferred
    # Adopted during the meeting: between its first and last day, not the month.
    assert revision.date_display == "between 4 and 7 November 1991"
    assert revision.date_edtf == "[1991-11-04..1991-11-07]"
    cited = {
        (c.source.file_name, c.field, c.claim, c.is_followed)
        for c in revision.citations.all()
    }
    assert cited == {
        ("nti-mtcr-overview.txt", "date", "1991-11", True),
        ("records/mtcr-1991-washington", "adopted_at", "1991-washington", True),
    }
    # The meeting's own statement is the better witness: its summary is followed;
    # the overview's account of what changed is kept as the description.
    assert revision.summary.startswith("a revised and updated")
    assert "items 17" in revision.description


def test_the_page_lists_it_once(client):
    response = client.get("/annex/")
    assert response.status_code == 200
    assert response.text.count('id="annex-1991-11"') == 1
    assert "annex-1991-11-2" not in response.text


def test_without_the_records_the_overview_alone_dates_it_to_the_month(
    sources_dir, tmp_path
):
    documents = tmp_path / "sources"
    shutil.copytree(sources_dir, documents, ignore=shutil.ignore_patterns("records"))
    revisions = build_archive(documents).annex_revisions
    (revision,) = [r for r in revisions if r.date.start.year == 1991]
    assert (revision.slug, revision.adopted_at, revision.date.claim) == (
        "annex-1991-11",
        "",
        "1991-11",
    )
