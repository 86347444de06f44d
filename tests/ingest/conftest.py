"""Fixtures for the parser tests: the real documents, and the golden statements.

The parsed archive itself is the suite's `parsed_archive` (tests/conftest.py).
"""

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
