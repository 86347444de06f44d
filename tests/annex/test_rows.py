"""The rows of the Annex revision list, as its export and the API give them."""

import pytest

from annex.rows import REVISION_FIELDS, REVISION_ROWS
from tests.small_archive import build_archive

pytestmark = pytest.mark.django_db


def test_a_revision_row_holds_the_declared_fields_and_its_evidence():
    build_archive()
    (row,) = REVISION_ROWS.where(lambda path: f"https://example.org{path}")
    assert tuple(row) == REVISION_FIELDS
    assert row["slug"] == "2016-10-annex"
    assert row["adopted_at"] == "2016-busan"
    assert len(row["evidence"]) == 1
    assert row["url"].startswith("https://example.org/annex/")
