"""The loader refuses fixtures that would drop what editors published in admin."""

from django.dispatch import receiver

from ingest.loader import LoadError, before_load

from .models import Submission


@receiver(before_load)
def refuse_fixtures_without_published_documents(sender, fixtures, **kwargs):
    """Documents published in admin live in the database until export_sources
    writes them to sources/; fixtures built without them would remove their
    records, so such a load is refused, whatever --force says."""
    held = {
        record.data.get("fields", {}).get("file_name")
        for record in fixtures.get("evidence.sourcedocument", [])
    }
    missing = list(Submission.objects.not_in(held).values_list("file_name", flat=True))
    if missing:
        raise LoadError(
            f"these fixtures lack {len(missing)} document(s) published in the admin "
            f"({', '.join(sorted(missing))}); loading them would remove what the "
            "editors published. Run `manage.py export_sources`, then "
            "`manage.py build_fixtures`, and load again"
        )
