"""A release of the real archive (fixtures/) is a valid Data Package."""

import frictionless
import pytest
from django.core.management import call_command

from api.data import TABLES
from tests.api.releasing import csv_rows, descriptor

pytestmark = pytest.mark.django_db


def test_a_release_of_the_real_archive_is_valid_and_whole(real_archive, releases_dir):
    call_command("release", "2026.12.06", verbosity=0)
    folder = releases_dir / "2026.12.06"
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])[:20]
    resources = {r["name"]: r for r in descriptor(folder)["resources"]}
    for name, model in TABLES.items():
        rows = csv_rows(folder / resources[name]["path"])
        assert len(rows) - 1 == model.objects.count() > 0, name
        described = [field["name"] for field in resources[name]["schema"]["fields"]]
        assert described == rows[0], name
