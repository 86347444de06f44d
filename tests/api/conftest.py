"""The API's tests use the research tools' URLs module and real archive."""

from tests.research.conftest import real_archive, research_urls  # noqa: F401
