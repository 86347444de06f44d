"""A corrupt fixture is refused with a message naming its file (and record), and
the load changes nothing: no traceback, whatever the corruption."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from members.models import Country
from plenaries.models import Plenary

pytestmark = pytest.mark.django_db

COUNTRY = {
    "model": "members.country",
    "fields": {"name": "Argentina", "iso_code": "AR", "slug": "argentina"},
}


def plenary(**fields):
    return {
        "model": "plenaries.plenary",
        "fields": {
            "slug": "2011-buenos-aires",
            "number": 25,
            "city": "Buenos Aires",
            "country": ["AR"],
            "start_date": "2011-04-11",
            "end_date": "2011-04-15",
            **fields,
        },
    }


def refused(folder, *patterns):
    """Loading `folder` fails with a CommandError matching every pattern, and no
    record of the good fixture beside the bad one is loaded."""
    with pytest.raises(CommandError) as raised:
        call_command("load_archive", "--fixtures", str(folder))
    message = str(raised.value)
    for pattern in patterns:
        assert pattern in message, message
    assert "Nothing was changed" in message
    assert not Country.objects.exists()
    assert not Plenary.objects.exists()
    return message


@pytest.fixture
def folder(tmp_path):
    """A fixtures folder whose first file is good: a country."""
    folder = tmp_path / "fixtures"
    folder.mkdir()
    (folder / "a-countries.json").write_text(json.dumps([COUNTRY]))
    return folder


def bad(folder, content):
    path = folder / "b-bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content)
    else:
        path.write_text(json.dumps(content))
    return folder


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ('[{"model": "members.country", "fields": {', "malformed JSON"),
        ("", "malformed JSON"),
        (b'[{"model": "members.country", "fields": {"name": "\xff"}}]', "not UTF-8"),
        ({"model": "members.country", "fields": {}}, "JSON list"),
    ],
    ids=["truncated", "empty", "not-utf8", "not-a-list"],
)
def test_a_file_that_is_no_fixture_is_refused_by_name(folder, content, says):
    refused(bad(folder, content), "b-bad.json", says)


@pytest.mark.parametrize(
    "record",
    [
        "members.country",
        ["members.country", {}],
        None,
        {"fields": {"name": "Chile"}},
        {"model": "members.country"},
        {"model": "members.country", "fields": ["name", "Chile"]},
        {"model": 5, "fields": {}},
        {"model": ["members", "country"], "fields": {}},
        {"model": "members.nowhere", "fields": {}},
        {"model": "auth.user", "fields": {}},
    ],
    ids=[
        "a-string",
        "a-list",
        "null",
        "no-model",
        "no-fields",
        "fields-a-list",
        "model-a-number",
        "model-a-list",
        "unknown-model",
        "not-an-archive-model",
    ],
)
def test_a_record_that_is_not_a_record_is_refused_by_file_and_number(folder, record):
    refused(bad(folder, [plenary(), record]), "b-bad.json: record 2")


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"start_date": "the spring"}, "start_date"),
        ({"start_date": 2011}, "start_date"),
        ({"start_date": ["2011-04-11"]}, "start_date"),
        ({"start_date": {"year": 2011}}, "start_date"),
        ({"city": ["Buenos", "Aires"]}, "city"),
        ({"city": {"name": "Buenos Aires"}}, "city"),
        ({"number": "twenty-five"}, "number"),
        ({"number": [25]}, "number"),
        ({"country": {"iso_code": "AR"}}, "country"),
        ({"country": [["AR"]]}, "country"),
        ({"countries_named": [{"iso_code": "AR"}]}, "countries_named"),
        ({"countries_named": "AR"}, "countries_named"),
        ({"id": 7}, "id"),
        ({"citations": [["x.txt#plenary"]]}, "citations"),
        ({"reported_by": "x.txt"}, "reported_by"),
        ({"nonsense": 1}, "nonsense"),
    ],
    ids=[
        "date-text",
        "date-number",
        "date-list",
        "date-object",
        "char-list",
        "char-object",
        "integer-text",
        "integer-list",
        "key-an-object",
        "key-nested-list",
        "m2m-key-an-object",
        "m2m-not-a-list",
        "an-auto-id",
        "a-reverse-relation",
        "another-reverse-relation",
        "unknown-field",
    ],
)
def test_a_field_of_the_wrong_type_is_refused_by_file_record_and_field(
    folder, fields, says
):
    refused(
        bad(folder, [plenary(**fields)]),
        "b-bad.json: record 1 (plenaries.plenary)",
        says,
    )


@pytest.mark.parametrize(
    "fields",
    [{"country": ["XX"]}, {"next_host": "XX"}, {"countries_named": [["XX"]]}],
    ids=["fk", "fk-bare", "m2m"],
)
def test_a_natural_key_naming_nothing_is_refused_by_file_and_record(folder, fields):
    refused(bad(folder, [plenary(**fields)]), "b-bad.json: record 1", "XX")


@pytest.mark.parametrize(
    "record",
    [
        plenary(city="Buenos\x00Aires"),
        plenary(summary="A summary\x00"),
        {
            "model": "evidence.sourcedocument",
            "fields": {
                "file_name": "ba.txt",
                "slug": "ba",
                "title": "Statement",
                "kind": "statement",
                "text": "held its 25th\x00 Plenary Meeting",
            },
        },
        {
            "model": "members.country",
            "fields": {
                "name": "Chile",
                "iso_code": "CL",
                "slug": "chile",
                "other_names": ["Chi\x00le"],
            },
        },
    ],
    ids=["char", "text", "source-text", "json"],
)
def test_a_nul_character_is_refused_on_every_database(folder, record):
    """PostgreSQL text cannot hold NUL: refused before the database sees it, on
    SQLite too, so that a fixture loads on both or on neither (build_fixtures
    refuses a source holding one; a fixture written by hand may)."""
    refused(bad(folder, [record]), "b-bad.json: record 1", "NUL")


def test_a_folder_named_like_a_fixture_is_refused_by_name(folder):
    (folder / "b-bad.json").mkdir()
    refused(folder, "b-bad.json", "not a file")


def test_a_broken_link_named_like_a_fixture_is_refused_by_name(folder):
    (folder / "b-bad.json").symlink_to(folder / "nowhere.json")
    refused(folder, "b-bad.json", "not a file")


def test_an_unreadable_fixture_is_refused_by_name(folder, monkeypatch):
    path = bad(folder, [plenary()]) / "b-bad.json"
    read_text = Path.read_text

    def refuse_the_bad_one(self, *args, **kwargs):
        if self.name == path.name:
            raise PermissionError(13, "Permission denied")
        return read_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", refuse_the_bad_one)
    refused(folder, "b-bad.json", "cannot be read (Permission denied)")


def test_json_nested_too_deeply_is_refused_by_name(folder):
    refused(bad(folder, "[" * 100_000 + "]" * 100_000), "b-bad.json", "too deeply")
