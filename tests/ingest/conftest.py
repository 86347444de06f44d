"""Fixtures for the parser tests: the real documents, and the golden statements.

The parsed archive itself is the suite's `parsed_archive` (tests/conftest.py).
"""

import shutil
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="session")
def real_sources(sources_dir):
    """{file name: text} of the documents in sources/."""
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(sources_dir.glob("*.txt"))
    }


@pytest.fixture(scope="session")
def documents_dir(sources_dir, tmp_path_factory):
    """A copy of sources/ without the archivist's records: the five documents."""
    folder = tmp_path_factory.mktemp("documents") / "sources"
    shutil.copytree(sources_dir, folder, ignore=shutil.ignore_patterns("records"))
    return folder


@pytest.fixture(scope="session")
def documents_archive(documents_dir):
    """The archive of the five documents alone (sources/records/ removed): what
    the parsers read, merged, as the build makes it without the records."""
    from ingest.build import build_archive

    return build_archive(documents_dir)
