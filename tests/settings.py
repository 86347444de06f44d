"""Settings for the test run: the site's own, with the defaults a test run needs.

pytest-django imports the settings before any conftest, so the environment
defaults the suite relies on are set here, ahead of mtcr_site.settings.
Debug stays on only for the static files storage (no collectstatic manifest
is needed); pytest-django still runs every test with DEBUG = False.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")
# The test client's own host, on which the tests expect absolute links.
os.environ.setdefault("DJANGO_SITE_URL", "http://testserver")

from mtcr_site.settings import *  # noqa: E402,F403

# The test client never asks for static files (the browser tests run their own
# server): do not look for a collected STATIC_ROOT the test run has no need of.
WHITENOISE_AUTOREFRESH = True

# Staff users are made by the hundred (admin_client, the admin tests): a fast hash
# keeps each from costing a third of a second. The site's own hashers are unchanged.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
