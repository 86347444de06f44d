"""load_archive: all or nothing, idempotent, and never silently over an edit."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from evidence.models import Citation
from members.models import Country, Membership
from plenaries.models import Plenary

pytestmark = pytest.mark.django_db


def fixture_records(**plenary_fields):
    """A small archive in fixture form: two countries, a plenary, its source."""
    plenary = {
        "slug": "2011-buenos-aires",
        "number": 25,
        "city": "Buenos Aires",
        "country": ["AR"],
        "start_date": "2011-04-11",
        "end_date": "2011-04-15",
        "date_precision": "day",
        "countries_named": [["AR"], ["KR"]],
        **plenary_fields,
    }
    return [
        {
            "model": "members.country",
            "fields": {"name": "Argentina", "iso_code": "AR", "slug": "argentina"},
        },
        {
            "model": "members.country",
            "fields": {
                "name": "Republic of Korea",
                "iso_code": "KR",
                "slug": "republic-of-korea",
                "other_names": ["South Korea", "Korea"],
            },
        },
        {"model": "plenaries.plenary", "fields": plenary},
        {
            "model": "evidence.sourcedocument",
            "fields": {
                "file_name": "ba.txt",
                "slug": "ba",
                "title": "Statement",
                "kind": "statement",
                "text": "held its 25th Plenary Meeting in Buenos Aires",
                "plenary": ["2011-buenos-aires"],
            },
        },
        {
            "model": "members.membership",
            "fields": {
                "country": ["AR"],
                "since_latest": "2011-04-15",
                "since_precision": "day",
            },
        },
        {
            "model": "evidence.citation",
            "fields": {
                "key": "ba.txt#plenary/2011-buenos-aires",
                "source": ["ba.txt"],
                "passage": "held its 25th Plenary Meeting in Buenos Aires",
                "plenary": ["2011-buenos-aires"],
            },
        },
    ]


def write(folder, records, name="archive.json"):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(json.dumps(records))
    return folder


def load(folder, *args):
    call_command("load_archive", "--fixtures", str(folder), *args)


def test_first_load_creates_every_record(tmp_path, capsys):
    load(write(tmp_path / "fx", fixture_records()))
    plenary = Plenary.objects.get(slug="2011-buenos-aires")
    assert plenary.country.iso_code == "AR"
    assert sorted(plenary.countries_named.values_list("iso_code", flat=True)) == [
        "AR",
        "KR",
    ]
    assert Membership.objects.get().country.iso_code == "AR"
    assert Citation.objects.get().plenary == plenary
    assert "plenaries.plenary" in capsys.readouterr().out


def test_second_run_changes_nothing_and_says_so(tmp_path, capsys):
    folder = write(tmp_path / "fx", fixture_records())
    load(folder)
    history_before = Plenary.history.count()
    capsys.readouterr()
    load(folder)
    out = capsys.readouterr().out
    assert "Nothing to change" in out
    assert "1 unchanged" in out
    assert Plenary.history.count() == history_before


def test_changed_document_updates_a_record_nobody_edited(tmp_path):
    load(write(tmp_path / "a", fixture_records()))
    load(write(tmp_path / "b", fixture_records(end_date="2011-04-16")))
    assert str(Plenary.objects.get().end_date) == "2011-04-16"


def test_reload_keeps_an_editors_change_and_lists_it(tmp_path, capsys):
    load(write(tmp_path / "a", fixture_records()))
    plenary = Plenary.objects.get()
    plenary.city = "Ciudad de Buenos Aires"
    plenary.save()
    capsys.readouterr()
    load(write(tmp_path / "b", fixture_records(end_date="2011-04-16")))
    out = capsys.readouterr().out
    plenary.refresh_from_db()
    assert plenary.city == "Ciudad de Buenos Aires"
    assert str(plenary.end_date) == "2011-04-15"
    assert "1 kept" in out and "kept plenaries.plenary" in out


def test_an_edit_is_kept_even_when_the_documents_did_not_change(tmp_path):
    folder = write(tmp_path / "a", fixture_records())
    load(folder)
    Country.objects.filter(iso_code="KR").update(name="Korea, Republic of")
    load(folder)
    assert Country.objects.get(iso_code="KR").name == "Korea, Republic of"


def test_force_takes_the_documents_version_and_history_keeps_the_editors(tmp_path):
    folder = write(tmp_path / "a", fixture_records())
    load(folder)
    plenary = Plenary.objects.get()
    plenary.city = "Edited"
    plenary.save()
    load(folder, "--force")
    plenary.refresh_from_db()
    assert plenary.city == "Buenos Aires"
    assert "Edited" in plenary.history.values_list("city", flat=True)


def test_malformed_fixture_is_refused_naming_file_and_line(tmp_path):
    folder = write(tmp_path / "fx", fixture_records())
    (folder / "zz-broken.json").write_text('[\n{"model": "plenaries.plenary",\n')
    with pytest.raises(CommandError, match=r"zz-broken.json, line \d+: malformed JSON"):
        load(folder)
    assert not Plenary.objects.exists()
    assert not Country.objects.exists()


def test_fixture_naming_a_missing_country_changes_nothing(tmp_path):
    load(write(tmp_path / "a", fixture_records()))
    records = fixture_records(country=["XX"], city="Nowhere")
    with pytest.raises(CommandError, match=r"archive.json: record 3 .*XX"):
        load(write(tmp_path / "b", records))
    assert Plenary.objects.get().city == "Buenos Aires"


def test_a_failure_late_in_the_load_rolls_back_everything_before_it(tmp_path):
    folder = write(tmp_path / "fx", fixture_records())
    bad_citation = {
        "model": "evidence.citation",
        "fields": {"key": "bad", "source": ["missing.txt"], "passage": "x"},
    }
    write(folder, [bad_citation], name="zz-citations.json")
    with pytest.raises(CommandError, match="Nothing was changed"):
        load(folder)
    assert not Country.objects.exists()


def test_a_database_constraint_violation_is_a_clear_error(tmp_path):
    records = fixture_records(end_date="2011-04-01")
    with pytest.raises(CommandError, match="refused by the database"):
        load(write(tmp_path / "fx", records))
    assert not Plenary.objects.exists()


def test_fixture_with_auto_id_is_refused(tmp_path):
    records = fixture_records()
    records[0]["pk"] = 1
    with pytest.raises(CommandError, match="natural keys only"):
        load(write(tmp_path / "fx", records))


def test_record_the_documents_no_longer_give_is_removed_unless_edited(tmp_path):
    load(write(tmp_path / "a", fixture_records()))
    without_citation = fixture_records()[:-1]
    load(write(tmp_path / "b", without_citation))
    assert not Citation.objects.exists()
    staff_country = Country.objects.create(name="Chile", iso_code="CL", slug="chile")
    load(write(tmp_path / "b", without_citation))
    assert Country.objects.filter(pk=staff_country.pk).exists()


@pytest.mark.slow
def test_reloading_the_real_archive_keeps_an_edit_made_in_admin(admin_client, capsys):
    """The real fixtures, a real admin form post, then load_archive again."""
    from tests.conftest import admin_form_data

    call_command("load_archive")
    busan = Plenary.objects.get(slug="2016-busan")
    url = f"/admin/plenaries/plenary/{busan.pk}/change/"
    data = admin_form_data(admin_client.get(url))
    data["opened_by"] = "Acting Foreign Minister Lim Sung-nam"
    assert admin_client.post(url, data).status_code == 302
    capsys.readouterr()

    call_command("load_archive")
    out = capsys.readouterr().out
    busan.refresh_from_db()
    assert busan.opened_by == "Acting Foreign Minister Lim Sung-nam"
    assert "kept plenaries.plenary “30th plenary, Busan 2016”" in out
    assert "Nothing else to change: 1 edited record kept as is." in out

    call_command("load_archive", "--force")
    busan.refresh_from_db()
    assert busan.opened_by == "Acting Foreign Minister Lim Sungnam"
    edited = busan.history.filter(opened_by="Acting Foreign Minister Lim Sung-nam")
    assert edited.get().history_user.is_superuser


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="planner statistics are PostgreSQL's: run with a postgres:// DATABASE_URL",
)
def test_a_load_leaves_postgresql_knowing_the_new_row_counts():
    # Without ANALYZE, a freshly loaded table looks empty to the planner until
    # autovacuum passes, and its first queries are planned for no rows.
    call_command("load_archive", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE relname = %s",
            [Plenary._meta.db_table],
        )
        (estimated,) = cursor.fetchone()
    assert estimated == Plenary.objects.count() > 20
