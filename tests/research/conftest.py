"""The real archive for the research tools' tests, and their URLs."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(autouse=True)
def research_urls(settings):
    """The research tools' URLs, whether or not the site includes them yet."""
    settings.ROOT_URLCONF = "tests.research.urls"


@pytest.fixture
def research_installed(settings):
    """The research app installed, for its template tags."""
    if "research" not in settings.INSTALLED_APPS:
        settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "research"]


@pytest.fixture(scope="module")
def real_archive(django_db_setup, django_db_blocker):
    """The archive built from sources/ (fixtures/), loaded once for a test module.

    It is loaded outside the per-test transaction, so it is flushed afterwards and
    the page cache emptied, leaving the next module the empty database it expects.
    """
    if not any(settings.FIXTURES_DIR.glob("*.json")):
        pytest.fail(f"No fixtures in {settings.FIXTURES_DIR}: run build_fixtures.")
    with django_db_blocker.unblock():
        call_command("load_archive", verbosity=0)
    cache.clear()
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
    cache.clear()
