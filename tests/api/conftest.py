"""The API's tests use the research tools' URLs module; the data releases' tests a
releases folder of their own."""

import pytest

from tests.research.conftest import research_urls  # noqa: F401


@pytest.fixture
def releases_dir(settings, tmp_path):
    """An empty folder for the data releases, in place of the project's releases/."""
    settings.RELEASES_DIR = tmp_path / "releases"
    return settings.RELEASES_DIR
