"""manage.py build_fixtures: the committed fixtures/ are what the documents give,
byte for byte; bad input stops it with one line naming the file, writing nothing."""

import json
import shutil
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from evidence.models import Citation, SourceDocument
from ingest.build import read_sources
from ingest.facts import DocumentFacts
from members.models import Adherence, Country, Membership
from plenaries.models import Chairmanship, Plenary

from .conftest import GOLDEN


def build(output, sources=None):
    call_command(
        "build_fixtures", output=output, sources=sources or settings.SOURCES_DIR
    )
    return {path.name: path.read_bytes() for path in sorted(output.iterdir())}


def load(name, directory):
    return json.loads((directory / name).read_text(encoding="utf-8"))


@pytest.fixture
def sources_copy(tmp_path):
    """A copy of sources/ to break or extend."""
    copy = tmp_path / "sources"
    shutil.copytree(settings.SOURCES_DIR, copy)
    return copy


def test_the_committed_fixtures_are_what_the_documents_give(tmp_path):
    """Rebuilding into a temporary folder gives fixtures/ byte for byte."""
    committed = Path(settings.FIXTURES_DIR)
    started = time.perf_counter()
    built = build(tmp_path / "fixtures")
    elapsed = time.perf_counter() - started
    assert built == {p.name: p.read_bytes() for p in sorted(committed.glob("*.json"))}
    assert elapsed < 5, f"build took {elapsed:.2f}s"


def test_two_builds_are_byte_identical(tmp_path):
    assert build(tmp_path / "one") == build(tmp_path / "two")


def test_fixtures_use_natural_keys_only():
    directory = Path(settings.FIXTURES_DIR)
    for path in directory.glob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert text.endswith("]\n")
        for item in json.loads(text):
            assert set(item) == {"model", "fields"}, path.name
            assert "loaded_digest" not in item["fields"]
    plenaries = load("plenaries.json", directory)
    busan = next(p["fields"] for p in plenaries if p["fields"]["slug"] == "2016-busan")
    assert busan["country"] == ["KR"]
    assert busan["start_date"] == "2016-10-17"
    assert busan["regions_of_concern"] == sorted(busan["regions_of_concern"])
    memberships = load("memberships.json", directory)
    assert {m["fields"]["country"][0] for m in memberships} >= {"IN", "KR"}


def test_a_new_statement_merges_with_what_the_overview_says(tmp_path, sources_copy):
    """Dropped in with a catalogue entry, a statement of another year yields its
    meeting, chair and member list, merged with the overview's 32nd plenary (the
    five documents alone: the records hold Auckland's own statement too)."""
    shutil.rmtree(sources_copy / "records")
    shutil.copy(GOLDEN / "auckland-2019-statement.txt", sources_copy)
    with (sources_copy / "catalogue.toml").open("a", encoding="utf-8") as catalogue:
        catalogue.write(
            '\n[[document]]\nfile = "auckland-2019-statement.txt"\n'
            'title = "Public Statement from the Plenary Meeting of the MTCR, '
            'Auckland, 11 October 2019"\nkind = "statement"\npublisher = "MTCR"\n'
            'published = "2019-10-11"\n'
        )
    output = tmp_path / "fixtures"
    build(output, sources_copy)
    plenaries = [p["fields"] for p in load("plenaries.json", output)]
    assert len(plenaries) == 28
    auckland = next(p for p in plenaries if p["slug"] == "2019-auckland")
    assert (auckland["number"], auckland["country"]) == (32, ["NZ"])
    assert auckland["statement"].startswith("The Missile Technology Control Regime")
    assert auckland["summary"].startswith("On 7-11 October")
    assert auckland["opened_by"] == "Hon. Minister Example"
    people = [p["fields"] for p in load("people.json", output)]
    marta = next(p for p in people if p["name"] == "Marta Exemplar")
    roles = [p["fields"] for p in load("chair_people.json", output)]
    assert {"chairmanship": ["2019-new-zealand"], "person": [marta["key"]]}.items() <= (
        next(r for r in roles if r["person"] == [marta["key"]]).items()
    )
    sources = [s["fields"] for s in load("sources.json", output)]
    new = next(s for s in sources if s["file_name"] == "auckland-2019-statement.txt")
    assert new["plenary"] == ["2019-auckland"]
    cited = [
        c["fields"]
        for c in load("citations.json", output)
        if c["fields"]["source"] == ["auckland-2019-statement.txt"]
    ]
    assert {("membership", "NZ")} <= {
        ("membership", c["membership"][0]) for c in cited if c["membership"]
    }
    dates = {
        (c["source"][0], c["claim"], c["is_followed"])
        for c in load("citations.json", output)
        if c["fields"]["plenary"] == ["2019-auckland"]
        and c["fields"]["field"] == "dates"
        for c in [c["fields"]]
    }
    assert dates == {
        ("auckland-2019-statement.txt", "2019-10-07/2019-10-11", True),
        ("nti-mtcr-overview.txt", "2019-10-07/2019-10-11", True),
    }


def line_of(path, text):
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line == text)


def break_and_build(tmp_path, sources):
    """Build into a folder that already holds fixtures; return the error."""
    output = tmp_path / "out"
    output.mkdir()
    (output / "keep.json").write_text("[]\n")
    with pytest.raises(CommandError) as error:
        build(output, sources)
    assert [p.name for p in output.iterdir()] == ["keep.json"], "output changed"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []
    message = str(error.value)
    assert "\n" not in message
    return message


def test_a_source_that_is_not_utf8(tmp_path, sources_copy):
    path = sources_copy / "busan-2016-statement.txt"
    path.write_bytes(b"The MTCR\nheld its 30th \xff Plenary")
    message = break_and_build(tmp_path, sources_copy)
    assert message.startswith("busan-2016-statement.txt line 2: not UTF-8")


def test_a_catalogue_entry_for_a_missing_file(tmp_path, sources_copy):
    (sources_copy / "nz-mtcr-presentation.txt").unlink()
    line = line_of(sources_copy / "catalogue.toml", 'file = "nz-mtcr-presentation.txt"')
    message = break_and_build(tmp_path, sources_copy)
    assert message.startswith(
        f"catalogue.toml line {line}: file 'nz-mtcr-presentation.txt'"
    )
    assert "not found" in message


def test_a_catalogue_entry_of_unknown_kind(tmp_path, sources_copy):
    catalogue = sources_copy / "catalogue.toml"
    catalogue.write_text(
        catalogue.read_text().replace('kind = "presentation"', 'kind = "memo"')
    )
    line = line_of(catalogue, 'kind = "memo"')
    message = break_and_build(tmp_path, sources_copy)
    assert message.startswith(f"catalogue.toml line {line}: unknown kind 'memo'")


def test_malformed_toml(tmp_path, sources_copy):
    catalogue = sources_copy / "catalogue.toml"
    catalogue.write_text(catalogue.read_text() + '\n[[document]\nfile = "x\n')
    message = break_and_build(tmp_path, sources_copy)
    assert message.startswith("catalogue.toml line ")
    assert "malformed TOML" in message


def test_a_statement_from_which_no_meeting_can_be_read_is_kept(tmp_path, sources_copy):
    """It is kept as a source, with no facts and the reason, and the build goes on:
    the overview still gives the meeting it would have reported."""
    shutil.copy(
        GOLDEN / "no-meeting-statement.txt", sources_copy / "busan-2016-statement.txt"
    )
    (source,) = [
        s
        for s in read_sources(sources_copy)
        if s.file_name == "busan-2016-statement.txt"
    ]
    assert source.unread_reason == "no meeting date, no place"
    assert source.facts == DocumentFacts()
    output = tmp_path / "fixtures"
    build(output, sources_copy)
    sources = [s["fields"] for s in load("sources.json", output)]
    kept = next(s for s in sources if s["file_name"] == "busan-2016-statement.txt")
    assert kept["plenary"] is None
    assert kept["text"].startswith("Partners discussed missile proliferation")
    plenaries = [p["fields"]["slug"] for p in load("plenaries.json", output)]
    assert "2016-busan" in plenaries


@pytest.mark.django_db
def test_the_fixtures_load_into_the_database():
    """load_archive takes the committed fixtures whole (SQLite and PostgreSQL)."""
    call_command("load_archive", verbosity=0)
    # 1988, then 1991-2022 but for 2010, 2018 and 2020, two in 1993.
    assert Plenary.objects.count() == 31
    assert Plenary.objects.filter(number__isnull=False).count() == 30
    rome = Plenary.objects.get(slug="1988-rome")
    assert (rome.number, rome.date_precision, rome.dates_display) == (1, "year", "1988")
    assert str(rome.latest_day) == "1988-12-31"
    assert Membership.objects.count() >= 35
    assert Adherence.objects.count() >= 9
    busan = Plenary.objects.get(slug="2016-busan")
    assert (busan.number, busan.country.iso_code) == (30, "KR")
    assert str(busan.start_date) == "2016-10-17"
    assert busan.reported_by.get().file_name == "busan-2016-statement.txt"
    joint = Chairmanship.objects.get(slug="2015-netherlands-luxembourg")
    assert sorted(c.iso_code for c in joint.countries.all()) == ["LU", "NL"]
    assert Country.objects.get(iso_code="KR").name == "Republic of Korea"
    disputed = Citation.objects.filter(
        plenary__slug="2011-buenos-aires", field="dates", is_followed=False
    )
    assert disputed.count() == 2
    overview = SourceDocument.objects.get(file_name="nti-mtcr-overview.txt")
    assert overview.text.startswith("Missile Technology Control Regime (MTCR)")


def test_a_member_list_that_does_not_add_up_names_its_line(tmp_path, sources_copy):
    path = sources_copy / "buenos-aires-2011-statement.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace("The MTCR has 34", "The MTCR has 33"),
        encoding="utf-8",
    )
    line = next(
        number
        for number, text in enumerate(path.read_text().splitlines(), start=1)
        if text.startswith("The MTCR has 33 members")
    )
    message = break_and_build(tmp_path, sources_copy)
    assert message == (
        f"buenos-aires-2011-statement.txt line {line}: member list says 33 members "
        "but names 34"
    )
