"""The change that fixed a report, once an address in the change log, becomes a
foreign key to the entry that address names, if it exists."""

from importlib import import_module
from types import SimpleNamespace

import pytest

from changes.models import Change

pytestmark = pytest.mark.django_db

migration = import_module("reports.migrations.0002_fixed_by_change")


def old_report(pk, fixed_by):
    """A report as the migration reads it: its id and the old text field."""
    return SimpleNamespace(pk=pk, fixed_by=fixed_by, fixed_by_change_id=None)


@pytest.mark.parametrize(
    ("address", "number"),
    [
        ("/changes/?entry=change-12#change-12", 12),
        ("http://testserver/changes/?entry=change-7#change-7", 7),
        ("/changes/#change-3", 3),
        ("/changes/42/", None),
        ("/changes/plenaries.plenary/2016-busan/", None),
        ("", None),
        ("/changes/?entry=change-99999999999999999999", None),
    ],
)
def test_the_entry_number_is_read_from_change_n_in_the_address(address, number):
    assert migration.entry_number(address) == number


def test_an_address_of_an_existing_entry_becomes_the_link_to_it():
    fix = Change.objects.record_load(updated=1)
    linked = old_report(1, f"/changes/?entry=change-{fix.pk}#change-{fix.pk}")
    assert fix.get_absolute_url() == linked.fixed_by
    missing = old_report(2, f"/changes/?entry=change-{fix.pk + 1000}")
    not_an_entry = old_report(3, "/changes/42/")
    reports = [linked, missing, not_an_entry]

    assert migration.link_fixing_changes(reports, Change.objects.all()) == [linked]
    assert [report.fixed_by_change_id for report in reports] == [fix.pk, None, None]
