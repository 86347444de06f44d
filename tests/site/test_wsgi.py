"""The WSGI entry point: what it loads lives as long as the process, and is frozen
out of the garbage collector's passes (see mtcr_site/wsgi.py)."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = [pytest.mark.slow]

PROBE = """
import gc, json, sys
import mtcr_site.wsgi
from plenaries.views import PlenaryListView

class MadeAfterwards:
    pass

def collected(obj):
    # The collector's generations hold what it still walks; frozen objects are
    # in none of them.
    return any(other is obj for other in gc.get_objects())

print(json.dumps({
    "views_imported": "plenaries.views" in sys.modules,
    "view_collected": collected(PlenaryListView),
    "later_collected": collected(MadeAfterwards),
    "frozen": gc.get_freeze_count(),
}))
"""


def test_the_entry_point_loads_the_views_and_freezes_them_out_of_collection():
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SECRET_KEY": "x", "DJANGO_DEBUG": "0"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = json.loads(result.stdout.splitlines()[-1])
    assert found["views_imported"]
    assert not found["view_collected"]
    assert found["later_collected"]
    assert found["frozen"] > 10_000
