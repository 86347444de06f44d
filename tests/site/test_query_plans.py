"""Every filter, sort and lookup the public pages run can use an index (PostgreSQL).

The archive is grown to COPIES + 1 times the real one (load_archive, then
generate_synthetic's clone_archive) and ANALYZEd. For each page's main queries,
the test asks PostgreSQL for its plan (EXPLAIN, as JSON) and asserts that the plan
reads the index named in the table below, and never a Seq Scan on that index's
table. The querysets come from the views themselves: a list view's FilterSet
filtered as a URL would filter it, a detail view's queryset looked up by slug, and
the very query prefetch_related runs for a page's rows. The timeline's come from
its Chronology, and a page's context queries are written out here with the same
QuerySet methods and filters the pages use.

The plans are made with `SET LOCAL enable_seqscan = off`. Some tables stay small
however much the archive grows (one partnership per country; the search index
here holds the real archive's passages only), and whether a sequential scan or an
index wins on a table of a few hundred rows depends on the sizes and the server's
cost settings (at 20 times the archive, about a third of these queries would
still scan small tables sequentially). With sequential scans priced out, the
planner still falls back to one wherever no index serves the query; so a pass
means: an index this query can use exists, and it is the one named here.

Not indexed, on purpose: the free text filters (`q`) are substring matches
(icontains), which no B-tree index serves (/search/ is the indexed text search,
with a GIN index on its tsvectors); "has a public statement" compares a text
column with ''; "founding partner" is a boolean true of seven rows. Nor is the
order of the partner and adherent lists checked: it sorts by country name too, on
a table of one row per country.
"""

import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction

from benchmarks.synthetic import clone_archive
from search import index as search_index
from tests.site.query_plan_checks import CHECKS, index_names, index_table

pytestmark = [
    pytest.mark.slow,
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="query plans are PostgreSQL's: run with a postgres:// DATABASE_URL",
    ),
    pytest.mark.django_db,
]

COPIES = 19  # 20 times the real archive: some 560 plenaries, 6,500 citations


@pytest.fixture(scope="module", autouse=True)
def large_archive(django_db_setup, django_db_blocker):
    """The real archive and COPIES synthetic copies of it, analysed, for the module.

    Built in one transaction that is rolled back at the end. The search index holds
    the real archive's passages only: indexing the copies too would take seconds.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_archive", verbosity=0)
        search_index.rebuild()
        clone_archive(COPIES)
        # Check the deferred foreign keys of the new rows once, here: left pending,
        # each test's teardown would check them all again.
        connection.check_constraints()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        yield
        transaction.set_rollback(True)


def plan_nodes(queryset):
    """Every node of the plan PostgreSQL makes for `queryset`, sequential scans
    priced out (see the module's docstring)."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        [explained] = json.loads(queryset.explain(format="json"))
        transaction.set_rollback(True)

    def walk(node):
        yield node
        for child in node.get("Plans", []):
            yield from walk(child)

    return list(walk(explained["Plan"]))


def describe(node):
    parts = [node["Node Type"]]
    if "Index Name" in node:
        parts.append(f"using {node['Index Name']}")
    if "Relation Name" in node:
        parts.append(f"on {node['Relation Name']}")
    return " ".join(parts)


@pytest.mark.parametrize(
    ("page", "query", "queryset", "expected"),
    CHECKS,
    ids=[f"{page} {query}" for page, query, _, _ in CHECKS],
)
def test_the_query_reads_its_index(page, query, queryset, expected):
    """The page's query reads the index that serves it, not the whole table."""
    wanted = index_names(expected)
    assert wanted, f"no index on {expected} in the database"
    table = index_table(sorted(wanted)[0])
    nodes = plan_nodes(queryset())
    plan = "\n".join(describe(node) for node in nodes)
    used = {node.get("Index Name") for node in nodes}
    assert used & wanted, f"{page} {query}: no scan of {expected}; the plan:\n{plan}"
    assert not any(
        node["Node Type"] == "Seq Scan" and node.get("Relation Name") == table
        for node in nodes
    ), f"{page} {query}: a sequential scan of {table}; the plan:\n{plan}"


def test_every_index_the_models_name_is_checked():
    """An index a model names that no check above reads is either a check missing
    from the table or an index nothing needs."""
    named = {
        index.name
        for label in ("plenaries", "members", "annex", "search")
        for model in apps.get_app_config(label).get_models()
        for index in model._meta.indexes
    }
    checked = {
        name
        for *_, expected in CHECKS
        for name in (expected if isinstance(expected, tuple) else (expected,))
        if isinstance(name, str)
    }
    assert named <= checked, sorted(named - checked)
