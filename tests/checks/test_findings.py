"""The known-findings file: read strictly, with a clear message for what is
wrong; compared with the findings; an entry printed for a new one reads back."""

import pytest

from checks.findings import (
    Evidence,
    Finding,
    Known,
    KnownFindingsError,
    compare,
    entry_for,
    known_findings_path,
    read_known,
)


def write(tmp_path, text):
    path = tmp_path / "known.toml"
    path.write_text(text, encoding="utf-8")
    return path


ENTRY = """
[[finding]]
key = "list-shorter-than-count:plenary/2030-oslo/listed_count"
explanation = "The list leaves out the host."
evidence = "The statement, row 7."
"""


def test_the_file_gives_each_entry_by_its_key(tmp_path):
    known = read_known(write(tmp_path, ENTRY))
    entry = known["list-shorter-than-count:plenary/2030-oslo/listed_count"]
    assert entry.explanation == "The list leaves out the host."
    assert entry.evidence == "The statement, row 7."


def test_no_file_means_no_known_findings(tmp_path):
    assert read_known(tmp_path / "missing.toml") == {}


@pytest.mark.parametrize(
    "text, message",
    [
        ("[[finding]\n", "is not valid TOML"),
        ('[[finding]]\nkey = "a"\n', "finding 1: explanation is missing or empty"),
        ('[[finding]]\nexplanation = "b"\n', "finding 1: key is missing or empty"),
        ('[[finding]]\nkey = "a"\nexplanation = 3\n', "explanation must be text"),
        ('[[finding]]\nkey="a"\nexplanation="b"\nseen="c"\n', "unexpected field seen"),
        ('title = "x"\n', "unexpected top-level title"),
        (ENTRY + ENTRY, "finding 2: key 'list-shorter-than-count:plenary/2030-"),
    ],
)
def test_a_malformed_file_is_refused_with_what_is_wrong(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(KnownFindingsError, match="known.toml") as error:
        read_known(path)
    assert message in str(error.value)


def finding(key):
    return Finding(key, "rule", f"message of {key}", [Evidence("A statement")])


def test_compare_tells_new_known_and_gone_findings_apart():
    known = {"a": Known("a", "explained"), "gone": Known("gone", "explained")}
    result = compare([finding("a"), finding("new")], known)
    assert [f.key for f in result.new] == ["new"]
    assert [(f.key, entry.key) for f, entry in result.known] == [("a", "a")]
    assert [entry.key for entry in result.gone] == ["gone"]


def test_the_entry_printed_for_a_new_finding_reads_back_once_explained(tmp_path):
    new = Finding(
        'member-count:plenary/2030-oslo/member_count/"5"',
        "member-count",
        "a statement states 5 members",
        [Evidence("Statement, “Oslo”", "claims.csv, row 7", "names 4\\")],
    )
    entry = entry_for(new)
    path = write(tmp_path, entry.replace('explanation = ""', 'explanation = "Why."'))
    [read] = read_known(path).values()
    assert read.key == new.key
    assert read.evidence == "Statement, “Oslo”: “claims.csv, row 7” (note: names 4\\)"


def test_an_entry_pasted_without_its_explanation_is_refused(tmp_path):
    path = write(tmp_path, entry_for(finding("a")))
    with pytest.raises(KnownFindingsError, match="explanation is missing"):
        read_known(path)


def test_the_archives_own_file_reads():
    """sources/known-findings.toml: every entry has a key and an explanation."""
    known = read_known(known_findings_path())
    assert "list-shorter-than-count:plenary/1992-oslo/listed_count" in known
    assert all(entry.evidence for entry in known.values())
