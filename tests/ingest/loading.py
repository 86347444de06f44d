"""Running load_archive as staff run it, for the tests of what a load keeps."""

import io

from django.core.management import call_command


def load(*args):
    """Run load_archive with `args`; what it printed."""
    out = io.StringIO()
    call_command("load_archive", *args, stdout=out)
    return out.getvalue()
