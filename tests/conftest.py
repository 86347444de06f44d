"""What the whole suite shares: the archive to test against, admin form data, and
whether the browser tests can run.

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
from django.forms import CheckboxInput

from tests.factories import build_archive

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


def pytest_collection_modifyitems(config, items):
    missing = browser_missing()
    for item in items:
        if BROWSER_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
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
    """A small archive touching every model: see tests.factories.build_archive."""
    return build_archive()


@pytest.fixture
def archive(small_archive):
    """The same small archive (a folder's conftest may mean another archive)."""
    return small_archive


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
    return data


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    """Each test starts with an empty cache: a page cached by one test (whose data
    was rolled back) must never answer another."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()
