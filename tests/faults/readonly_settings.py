"""The site's settings with its SQLite database opened read-only."""

from mtcr_site.settings import *  # noqa: F403
from mtcr_site.settings import DATABASES

DATABASES["default"]["NAME"] = f"file:{DATABASES['default']['NAME']}?mode=ro"
