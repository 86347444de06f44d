"""Fixtures for the parser tests: the real documents, and the golden statements."""

from pathlib import Path

import pytest
from django.conf import settings

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="session")
def sources_dir():
    return Path(settings.SOURCES_DIR)


@pytest.fixture(scope="session")
def real_sources(sources_dir):
    """{file name: text} of the documents in sources/."""
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(sources_dir.glob("*.txt"))
    }


@pytest.fixture(scope="session")
def archive(sources_dir):
    """The archive merged from the real documents (parsed once per session)."""
    from ingest.merge import build_archive

    return build_archive(sources_dir)
