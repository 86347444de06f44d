"""The rows of the source list, as the API gives them."""

import pytest

from evidence.rows import SOURCE_FIELDS, SOURCE_ROWS
from tests.small_archive import build_archive

pytestmark = pytest.mark.django_db


def absolute(path):
    return f"https://example.org{path}"


def test_a_source_row_holds_the_declared_fields_and_its_plenary():
    build_archive()
    rows = {row["slug"]: row for row in SOURCE_ROWS.where(absolute)}
    statement = rows["busan-2016-statement"]
    assert tuple(statement) == SOURCE_FIELDS
    assert statement["plenary"] == "2016-busan"
    assert statement["url"] == "https://example.org/sources/busan-2016-statement/"
    assert rows["nti-mtcr-overview"]["plenary"] is None
    assert rows["nti-mtcr-overview"]["publisher"] == "Nuclear Threat Initiative"


def test_source_rows_read_neither_texts_nor_a_query_per_row(
    django_assert_num_queries,
):
    build_archive()
    with django_assert_num_queries(1) as context:
        SOURCE_ROWS.where(absolute)
    assert '"text"' not in context.captured_queries[0]["sql"]
