"""The site's settings with a SQLite database that cannot grow: a full disk."""

from mtcr_site.settings import *  # noqa: F403
from mtcr_site.settings import DATABASES

# The database may not grow past its current size, as on a disk with no room.
DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
    "PRAGMA max_page_count = 200;"
)
