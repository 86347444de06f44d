"""The research tools' URLs and template tags for their tests."""

import pytest


@pytest.fixture(autouse=True)
def research_urls(settings):
    """The research tools' URLs, whether or not the site includes them yet."""
    settings.ROOT_URLCONF = "tests.research.urls"


@pytest.fixture
def research_installed(settings):
    """The research app installed, for its template tags."""
    if "research" not in settings.INSTALLED_APPS:
        settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "research"]
