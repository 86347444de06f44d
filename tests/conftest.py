"""What the whole suite shares: the three archives to test against, admin form data,
the markers, and whether the browser tests can run.

The archives, one name for each meaning:

- `small_archive`: a small archive built by the factories (tests.factories), a
  record of every model; per test, rolled back after it.
- `real_archive`: the real archive, fixtures/ (built from sources/) loaded by
  load_archive and indexed for search, once per test module, outside the test's
  transaction; flushed at the end of the module. A test using it is marked `slow`.
- `parsed_archive`: the real archive as ingest parses and merges sources/ (its
  dataclasses, no database), once per session.

The environment a test run needs (DJANGO_DEBUG for the settings to import) is set
in tests/settings.py: pytest-django imports the settings before any conftest.

Browser tests (marked `browser`, everything under tests/browser/) need Chromium at
/usr/bin/chromium and Playwright. Without them they are skipped, and the run says
so in its header and its summary; with MTCR_REQUIRE_BROWSER=1 (as in CI) they fail
instead.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.forms import CheckboxInput

from tests.small_archive import build_archive

CHROMIUM = Path("/usr/bin/chromium")
BROWSER_DIR = Path(__file__).parent / "browser"


def browser_required():
    return os.environ.get("MTCR_REQUIRE_BROWSER", "") in {"1", "true", "yes"}


def browser_missing():
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"chromium not found at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


def pytest_report_header(config):
    missing = browser_missing()
    if missing is None:
        return [f"browser tests: chromium at {CHROMIUM}"]
    if browser_required():
        return [f"browser tests REQUIRED (MTCR_REQUIRE_BROWSER=1) but {missing}"]
    return [f"browser tests SKIPPED: {missing}"]


# Whole modules that are slow by what they do: migrate a database back and forth,
# start Redis servers, load and reload the archive, write data releases, send
# Hypothesis examples or many hostile requests, open every admin page of every
# model. `make test-fast` leaves them out.
SLOW_MODULES = {
    "annex/test_admin.py",
    "members/test_admin.py",
    "plenaries/test_admin.py",
    "api/test_release_command.py",
    "api/test_release_pages.py",
    "changes/test_admin_edits.py",
    "core/test_m2m_history.py",
    "evidence/test_disagreements.py",
    "evidence/test_migrations.py",
    "ingest/test_corrupt_fixtures.py",
    "ingest/test_corrupt_sources.py",
    "ingest/test_stable_identity.py",
    "site/test_hardening_admin.py",
    "site/test_hardening_requests.py",
    "site/test_login_throttle.py",
    "site/test_page_cache_bounds.py",
    "site/test_redis_outage.py",
    "site/test_site_address.py",
}


def pytest_collection_modifyitems(config, items):
    missing = browser_missing()
    tests_dir = Path(__file__).parent
    for item in items:
        if BROWSER_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
        if "real_archive" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
        if Path(item.path).relative_to(tests_dir).as_posix() in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
        if missing and item.get_closest_marker("browser"):
            # Where they are required, the `browser` fixture fails them instead.
            if not browser_required():
                item.add_marker(pytest.mark.skip(f"browser tests SKIPPED: {missing}"))


def pytest_terminal_summary(terminalreporter):
    missing = browser_missing()
    if missing and not browser_required():
        terminalreporter.write_line(f"browser tests SKIPPED: {missing}", yellow=True)


@pytest.fixture
def small_archive(db):
    """A small archive touching every model: see tests.small_archive.build_archive."""
    return build_archive()


@pytest.fixture(scope="module")
def real_archive(django_db_setup, django_db_blocker):
    """The real archive: fixtures/ (built from sources/) loaded by load_archive and
    indexed, once for a test module.

    It is loaded outside the per-test transaction (a test's changes are rolled back
    as usual), so it is flushed afterwards and the page cache emptied, leaving the
    next module the empty database it expects. A module that uses it should not
    also build `small_archive`: the real records would be there too.
    """
    from search import index

    if not any(settings.FIXTURES_DIR.glob("*.json")):
        pytest.fail(f"No fixtures in {settings.FIXTURES_DIR}: run build_fixtures.")
    with django_db_blocker.unblock():
        call_command("load_archive", verbosity=0)
        index.rebuild()
    cache.clear()
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
    cache.clear()


@pytest.fixture(scope="session")
def sources_dir():
    """The folder of the real documents, sources/."""
    return Path(settings.SOURCES_DIR)


@pytest.fixture(scope="session")
def parsed_archive(sources_dir):
    """The archive ingest parses and merges from sources/: dataclasses, no ORM."""
    from ingest.build import build_archive as parse_and_merge

    return parse_and_merge(sources_dir)


@pytest.fixture
def no_page_cache(settings):
    """Every request reaches the view: the page cache would hide its queries."""
    settings.PAGE_CACHE_SECONDS = 0


def registered_models(app_label):
    """The models of one app that the admin shows, in name order."""
    from django.contrib import admin

    return sorted(
        (model for model in admin.site._registry if model._meta.app_label == app_label),
        key=lambda model: model._meta.model_name,
    )


def admin_url(model, view, *args):
    """An admin URL of a model: admin_url(Plenary, "change", pk)."""
    from django.urls import reverse

    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)


def admin_form_data(response):
    """The POST data of the admin form a response shows, as its fields now hold it.

    Includes the inline formsets and their management forms, so that posting it
    back unchanged saves the record as it is.
    """
    context = response.context
    forms = [context["adminform"].form]
    data = {}
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        forms.extend(formset.forms)
    for form in forms:
        for name, field in form.fields.items():
            value = form[name].value()
            key = form.add_prefix(name)
            if isinstance(field.widget, CheckboxInput):
                if value:
                    data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(item) for item in value]
            else:
                data[key] = "" if value is None else str(value)
    # The reason every change form asks for (core.admin), unless a test gives one.
    if "change_reason" in forms[0].fields and not data.get("change_reason"):
        data["change_reason"] = "Checked against the sources"
    return data


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    """Each test starts with an empty cache: a page cached by one test (whose data
    was rolled back) must never answer another."""
    from django.core.cache import caches

    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()
