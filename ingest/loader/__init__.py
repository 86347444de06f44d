"""Loading fixtures/ into the database without losing what staff changed in admin.

Every record the loader writes carries a digest of the values it wrote. When a row
no longer matches its digest, someone edited it since: the loader keeps that
version (unless forced) and reports it as kept. Records are found by the natural
key they were first loaded with (archive_key), which no edit changes, so a
record whose slug, code or name staff corrected is kept, not loaded again beside
the correction. A record staff deleted (its history says so) is not re-created
unless forced. Everything happens in one transaction, so a bad fixture or an
interrupted load changes nothing.
"""

from .files import LoadError, read_fixtures
from .load import LoadReport, before_load, load_archive, refresh_statistics
from .matching import CHANGE_REASON

__all__ = [
    "CHANGE_REASON",
    "LoadError",
    "LoadReport",
    "before_load",
    "load_archive",
    "read_fixtures",
    "refresh_statistics",
]
