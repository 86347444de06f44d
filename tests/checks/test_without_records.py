"""check_archive with sources/records/ removed: the archive of the five
documents alone."""

import shutil
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from .test_real_archive import SWITZERLAND

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def test_without_the_records_the_five_documents_pass(tmp_path):
    """With sources/records/ removed, the archive of the five documents has none
    of the records' findings: the command passes, and warns that the known ones
    no longer occur."""
    sources = tmp_path / "sources"
    shutil.copytree(settings.SOURCES_DIR, sources)
    shutil.rmtree(sources / "records")
    fixtures = tmp_path / "fixtures"
    call_command("build_fixtures", sources=sources, output=fixtures, verbosity=0)
    call_command("load_archive", fixtures=fixtures, verbosity=0)
    out, err = StringIO(), StringIO()
    call_command("check_archive", stdout=out, stderr=err)
    assert "0 new" in out.getvalue()
    for key in SWITZERLAND:
        assert f"known finding {key} no longer occurs" in err.getvalue()
