"""manage.py check_archive on hand-made archives: a planted contradiction fails
it, listed with its evidence; the same finding explained in the known-findings
file does not; a known finding that no longer occurs is a warning."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from .planted import listed_count, partners, plenary, stated_count

pytestmark = pytest.mark.django_db

KEY = "list-shorter-than-count:plenary/2030-oslo/listed_count"


def run(known, *args):
    out, err = StringIO(), StringIO()
    call_command("check_archive", "--known", str(known), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing(known, *args):
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as error:
        call_command(
            "check_archive", "--known", str(known), *args, stdout=out, stderr=err
        )
    return out.getvalue(), str(error.value)


@pytest.fixture
def planted():
    """An archive whose Oslo statement counts 3 partners and lists 2."""
    partners(3)
    count = stated_count(plenary(slug="2030-oslo"), 3)
    listed_count(count, 2)
    return count


def explained(tmp_path, key=KEY):
    path = tmp_path / "known.toml"
    path.write_text(
        f'[[finding]]\nkey = "{key}"\nexplanation = "The host is left out."\n'
    )
    return path


def test_a_consistent_archive_passes(tmp_path):
    partners(2)
    stated_count(plenary(), 2)
    out, err = run(tmp_path / "none.toml")
    assert "0 findings: 0 known, 0 new" in out
    assert err == ""


def test_a_planted_contradiction_fails_the_command_with_its_evidence(tmp_path, planted):
    out, error = run_failing(tmp_path / "none.toml")
    assert f"NEW: {KEY}" in out
    assert "a member list shorter than the count it states (lists 2 of 3)" in out
    assert f"  - {planted.source.title}: “claims.csv, row 7”" in out
    assert "1 findings: 0 known, 1 new" in error
    assert "explain it in" in error


def test_the_same_finding_explained_in_the_file_passes(tmp_path, planted):
    out, err = run(explained(tmp_path))
    assert f"known: {KEY}" in out
    assert "explained: The host is left out." in out
    assert "1 findings: 1 known, 0 new" in out
    assert err == ""


def test_a_known_finding_that_no_longer_occurs_is_a_warning(tmp_path):
    out, err = run(explained(tmp_path, "chair-gap:chairmanship/1999-x/end_plenary"))
    assert "1 known no longer occur" in out
    assert "known finding chair-gap:chairmanship/1999-x/end_plenary no longer" in err


def test_entries_prints_what_to_paste_for_each_new_finding(tmp_path, planted):
    out, _ = run_failing(tmp_path / "none.toml", "--entries")
    assert f'[[finding]]\nkey = "{KEY}"\n' in out
    assert 'explanation = ""' in out


def test_a_malformed_known_findings_file_stops_the_command_clearly(tmp_path):
    path = tmp_path / "known.toml"
    path.write_text("[[finding]]\nkey = \n")
    _, error = run_failing(path)
    assert "known.toml is not valid TOML" in error
