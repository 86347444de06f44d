"""sources/catalogue.toml: bibliographic data only, checked entry by entry."""

import datetime

import pytest

from ingest.catalogue import parse_published, read_catalogue, read_text
from ingest.errors import ParseError


def test_the_real_catalogue(sources_dir):
    entries = {entry.file: entry for entry in read_catalogue(sources_dir)}
    assert len(entries) == 5
    montreux = entries["montreux-2022-chair-report.txt"]
    assert (montreux.kind, montreux.plenary) == ("chair-report", "2022-montreux")
    assert montreux.published.precision == "month"
    assert entries["nti-mtcr-overview.txt"].published.precision == "year"
    assert entries["nz-mtcr-presentation.txt"].published is None
    assert entries["busan-2016-statement.txt"].published.start == datetime.date(
        2016, 10, 21
    )


@pytest.mark.parametrize(
    ("value", "claim"),
    [("2016-10-21", "2016-10-21"), ("2022-10", "2022-10"), ("2023", "2023"),
     ("2016-13", None), ("21 October 2016", None), ("2016-02-30", None)],
)  # fmt: skip
def test_published_dates(value, claim):
    parsed = parse_published(value)
    assert (parsed.claim if parsed else None) == claim


def write(tmp_path, catalogue, files=("a.txt",)):
    for name in files:
        (tmp_path / name).write_text("text", encoding="utf-8")
    (tmp_path / "catalogue.toml").write_text(catalogue, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("catalogue", "message"),
    [
        ('[[document]]\nfile = "a.txt"\nkind = "statement"\n',
         "catalogue.toml line 1: entry without title"),
        ('[[document]]\nfile = "a.txt"\ntitle = "A"\nkind = "statement"\n'
         'colour = "red"\n', "catalogue.toml line 1: unknown key(s) colour"),
        ('[[document]]\nfile = "a.txt"\ntitle = "A"\nkind = "statement"\n'
         'published = "May 2011"\n', "catalogue.toml line 5: published 'May 2011'"),
        ('[[document]]\nfile = "../a.txt"\ntitle = "A"\nkind = "statement"\n',
         "catalogue.toml line 1: file '../a.txt' must be a file name"),
        ('[[document]]\nfile = "a.txt"\ntitle = "A"\nkind = "statement"\n'
         '[[document]]\nfile = "a.txt"\ntitle = "B"\nkind = "overview"\n',
         "catalogue.toml line 5: 'a.txt' catalogued twice"),
        ('[[document]]\nfile = "a.txt"\ntitle = "A"\nkind = "statement"\n'
         'plenary = "Montreux"\n', "catalogue.toml line 5: plenary 'Montreux'"),
        ("title = 'no documents'\n", "catalogue.toml: no [[document]] entries"),
    ],
)  # fmt: skip
def test_bad_entries_name_the_line(tmp_path, catalogue, message):
    with pytest.raises(ParseError) as error:
        read_catalogue(write(tmp_path, catalogue))
    assert str(error.value).startswith(message)


def test_a_missing_catalogue(tmp_path):
    with pytest.raises(ParseError, match="catalogue not found"):
        read_catalogue(tmp_path)


def test_text_not_utf8_names_file_and_line(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes("first line\nsecond \u00e9\n".encode("latin-1"))
    with pytest.raises(ParseError) as error:
        read_text(path)
    assert str(error.value) == "x.txt line 2: not UTF-8 (byte 0xe9 at offset 18)"


def test_a_byte_order_mark_is_not_text(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"\xef\xbb\xbfThe MTCR\r\nheld")
    assert read_text(path) == "The MTCR\nheld"
