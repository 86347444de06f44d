"""A source the archive cannot store stops build_fixtures with one line naming
the file, and the fixtures folder stays as it was."""

import shutil

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

SOURCE = "busan-2016-statement.txt"


@pytest.fixture
def sources(tmp_path):
    """A copy of sources/ to break."""
    copy = tmp_path / "sources"
    shutil.copytree(settings.SOURCES_DIR, copy)
    return copy


@pytest.fixture
def output(tmp_path):
    """A fixtures folder holding an earlier build."""
    output = tmp_path / "fixtures"
    shutil.copytree(settings.FIXTURES_DIR, output)
    return output


def contents(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def refused(sources, output, *patterns):
    before = contents(output)
    with pytest.raises(CommandError) as raised:
        call_command("build_fixtures", sources=sources, output=output)
    message = str(raised.value)
    for pattern in patterns:
        assert pattern in message, message
    assert contents(output) == before
    assert sorted(path.name for path in output.parent.iterdir()) == [
        "fixtures",
        "sources",
    ]


@pytest.mark.parametrize(
    ("character", "code"),
    [("\x00", "U+0000"), ("\x1b", "U+001B"), ("\x0c", "U+000C"), ("\x08", "U+0008")],
    ids=["nul", "escape", "form-feed", "backspace"],
)
def test_a_control_character_in_a_source_is_refused_naming_file_and_line(
    sources, output, character, code
):
    """PostgreSQL text cannot hold NUL, nor the feed's XML the other controls."""
    path = sources / SOURCE
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = lines[4].replace(" ", f" {character}", 1)
    path.write_text("".join(lines), encoding="utf-8")
    refused(sources, output, f"{SOURCE} line 5", code)


def test_a_nul_in_the_catalogue_is_refused_naming_its_line(sources, output):
    """TOML takes "\\u0000" in a string: the catalogue is checked as well."""
    catalogue = sources / "catalogue.toml"
    text = catalogue.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title"))
    line = text.splitlines().index(title) + 1
    catalogue.write_text(
        text.replace(title, title[:-1] + '\\u0000"', 1), encoding="utf-8"
    )
    refused(sources, output, f"catalogue.toml line {line}", "title")


def test_tabs_and_line_breaks_are_text(sources, output):
    """Tab and CR LF are text, not refused."""
    path = sources / SOURCE
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.replace("\n", "\r\n", 3).replace(" ", "\t", 3).encode())
    call_command("build_fixtures", sources=sources, output=output)


def test_a_statement_that_names_no_meeting_is_kept_not_refused(sources, output):
    """No meeting read is a fact about the document, not a fault in it: the build
    goes on and writes the source (its reason is `Source.unread_reason`)."""
    (sources / SOURCE).write_text(
        "Partners exchanged views on missile developments in several regions.\n",
        encoding="utf-8",
    )
    call_command("build_fixtures", sources=sources, output=output)
    assert SOURCE.encode() in (output / "sources.json").read_bytes()


def test_a_statement_that_is_not_utf8_is_still_refused(sources, output):
    (sources / SOURCE).write_bytes(b"The MTCR held its plenary in \xe9 Busan.\n")
    refused(sources, output, f"{SOURCE} line 1", "not UTF-8")
