"""`?format=csv|json` on every list: exactly the filtered rows, whatever the page."""

import csv
import io
import json

import pytest
from django.urls import reverse

from core.exports import ExportMixin
from tests.factories import PlenaryFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

LISTS = {
    "plenaries:list": ("mtcr-plenaries", "slug", 2),
    "members:list": ("mtcr-partners", "country", 2),
    "members:adherents": ("mtcr-adherents", "country", 1),
    "plenaries:chairs": ("mtcr-chairs", "slug", 1),
    "annex:list": ("mtcr-annex-revisions", "slug", 1),
}


@pytest.mark.parametrize("name", LISTS)
def test_json_and_csv_hold_the_same_rows(client, small_archive, name):
    file_name, key, count = LISTS[name]
    url = reverse(name)
    as_json = client.get(url, {"format": "json"})
    assert as_json.status_code == 200
    assert as_json["Content-Disposition"] == f'attachment; filename="{file_name}.json"'
    rows = json.loads(as_json.content)
    as_csv = client.get(url, {"format": "csv"})
    assert as_csv["Content-Disposition"] == f'attachment; filename="{file_name}.csv"'
    table = list(csv.DictReader(io.StringIO(as_csv.content.decode())))
    assert len(rows) == len(table) == count
    assert [row[key] for row in rows] == [row[key] for row in table]
    assert list(table[0]) == list(rows[0])


@pytest.mark.parametrize("name", LISTS)
def test_an_unknown_format_is_a_400(client, small_archive, name):
    response = client.get(reverse(name), {"format": "xml"})
    assert response.status_code == 400
    assert "Choose one of: csv, json" in response.content.decode()


@pytest.mark.parametrize("name", LISTS)
def test_an_export_of_nothing_is_an_empty_list_and_a_header(
    client, small_archive, name
):
    url = reverse(name)
    filters = {"q": "no such text anywhere in the archive"}
    assert json.loads(client.get(url, {**filters, "format": "json"}).content) == []
    lines = client.get(url, {**filters, "format": "csv"}).content.decode().splitlines()
    assert len(lines) == 1 and "url" in lines[0]


def test_an_export_ignores_the_page_and_keeps_the_filters(client, small_archive):
    PlenaryFactory.create_batch(40)
    url = reverse("plenaries:list")
    rows = json.loads(client.get(url, {"page": 2, "format": "json"}).content)
    assert len(rows) == 42
    rows = json.loads(
        client.get(url, {"year_to": 2035, "order": "newest", "format": "json"}).content
    )
    assert [row["start_date"][:4] for row in rows][-2:] == ["2016", "1993"]
    assert all(row["start_date"] <= "2035-12-31" for row in rows)


def test_lists_in_a_csv_cell_are_joined(client, small_archive):
    table = list(
        csv.DictReader(
            io.StringIO(
                client.get(
                    reverse("plenaries:list"), {"format": "csv"}
                ).content.decode()
            )
        )
    )
    busan = next(row for row in table if row["slug"] == "2016-busan")
    assert busan["resolutions"] == "2270; 2321"


def test_list_pages_link_to_their_exports_with_the_filters(client, small_archive):
    html = client.get(reverse("plenaries:list"), {"year_from": 2000}).content.decode()
    assert 'href="?year_from=2000&amp;format=csv"' in html
    assert 'href="?year_from=2000&amp;format=json"' in html


def test_a_list_view_without_its_export_hooks_is_refused_when_defined():
    with pytest.raises(TypeError, match="must define export_rows"):

        class HalfDone(ExportMixin):
            def get_export_queryset(self):
                return None
