"""WSGI entry point for gunicorn."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mtcr_site.settings")

application = get_wsgi_application()

# What is loaded now (Django, the apps, and through the URLconf every view) lives
# as long as the process. Frozen, it is left out of the collector's full passes,
# which would otherwise walk all of it, none of it garbage, in the middle of
# whichever request triggers one.
get_resolver().url_patterns  # noqa: B018 - imported for the freeze, not used
gc.collect()
gc.freeze()
