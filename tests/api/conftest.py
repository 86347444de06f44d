"""The API's tests use the research tools' URLs module."""

from tests.research.conftest import research_urls  # noqa: F401
