"""CITATION.cff, at the root of the repository, says how to cite the archive."""

import datetime
import re
import tomllib

import yaml
from django.conf import settings

ROOT = settings.BASE_DIR


def citation():
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_it_is_a_citation_file_format_1_2_0_file_with_the_required_keys():
    cff = citation()
    assert cff["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors"):
        assert cff[key], key
    assert cff["type"] == "dataset"
    assert all(author.get("name") for author in cff["authors"])  # an entity


def test_it_names_the_version_date_and_address_of_the_project():
    cff = citation()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert str(cff["version"]) == project["version"]
    datetime.date.fromisoformat(str(cff["date-released"]))
    env = (ROOT / ".env.example").read_text()
    site = re.search(r"^DJANGO_SITE_URL=(\S+)$", env, re.MULTILINE).group(1)
    assert cff["url"] == site
    assert f"{site}/data/releases/" in cff["message"]


def test_it_refers_to_the_software_as_well():
    (software,) = citation()["references"]
    assert software["type"] == "software"
    assert software["title"] and software["authors"]
