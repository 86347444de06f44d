"""Documents of the archivist's records on the real archive: not held, cited by
their row with the archivist's note, labelled for what they are."""

import pytest

from evidence.models import Citation, SourceDocument

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("no_page_cache", "real_archive"),
]


def test_a_source_not_held_shows_its_original_and_no_text(client):
    cable = SourceDocument.objects.get(file_name="records/usdos-cable-2008-athens")
    assert (cable.held, cable.text, cable.kind_label) == (
        False,
        "",
        "Diplomatic cable",
    )
    html = client.get(cable.get_absolute_url()).content.decode()
    assert "not held: cited from the original" in html
    assert cable.url in html
    assert "Full text" not in html
    assert "claims.csv, row" in html


def test_a_host_governments_copy_is_labelled_a_copy():
    copy = SourceDocument.objects.get(file_name="records/nl-2015-rotterdam")
    assert copy.is_copy
    assert "copy of the plenary public statement" in copy.kind_label
    own = SourceDocument.objects.get(file_name="records/mtcr-2017-dublin")
    assert not own.is_copy


def test_a_records_claim_shows_the_archivists_note_on_the_plenary(client):
    citation = Citation.objects.get(plenary__slug="1988-rome", field="number")
    assert "first MTCR plenary" in citation.note
    html = client.get(citation.plenary.get_absolute_url()).content.decode()
    assert "Archivist's note: " + citation.note[:20] in html
    assert "Not held: cited from the" in html


def test_a_chairs_report_is_not_shown_as_a_public_statement(client):
    html = client.get("/plenaries/2022-montreux/").content.decode()
    assert '<h2 id="statement-heading">Chair\'s report</h2>' in html
    assert "No public statement of this meeting is in the archive" in html
