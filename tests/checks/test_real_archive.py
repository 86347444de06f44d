"""check_archive over the real archive, as CI runs it after load_archive: it
passes, and lists the Switzerland findings (a list of partners that leaves out
Switzerland, 1992-1993) as known."""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

SWITZERLAND = [
    "list-shorter-than-count:plenary/1992-oslo/listed_count",
    "list-shorter-than-count:plenary/1993-canberra/listed_count",
    "list-shorter-than-count:plenary/1993-interlaken/listed_count",
]


def test_the_real_archive_passes_with_the_switzerland_findings_known(real_archive):
    out, err = StringIO(), StringIO()
    call_command("check_archive", stdout=out, stderr=err)  # no CommandError
    for key in SWITZERLAND:
        assert f"known: {key}" in out.getvalue()
    assert "0 new" in out.getvalue()
    assert "no longer occurs" not in err.getvalue()
