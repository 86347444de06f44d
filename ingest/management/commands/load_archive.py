"""Load fixtures/ into the database: all or nothing, keeping what staff edited."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from ingest.loader import LoadError, load_archive, refresh_statistics
from search import index as search_index


class Command(BaseCommand):
    help = (
        "Load the archive's fixtures in one transaction. Records edited in admin "
        "since the last load are kept, unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fixtures",
            default=settings.FIXTURES_DIR,
            help="Folder of fixtures to load (default: %(default)s).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Take the documents' version over staff edits (kept in history).",
        )

    def handle(self, *args, fixtures, force, **options):
        try:
            report = load_archive(fixtures, force=force, progress=self.show_progress)
        except LoadError as error:
            raise CommandError(f"{error}. Nothing was changed.") from error
        except DatabaseError as error:
            # A full disk, a read-only database, a lost connection: the transaction
            # rolled back, so say so plainly instead of a traceback.
            reason = " ".join(str(error).split())  # PostgreSQL's HINT on one line
            raise CommandError(
                f"the database refused the load ({reason}). Nothing was changed."
            ) from error
        if report.changed:
            # Search passages are cut from the records: recut them in step.
            search_index.rebuild()
            refresh_statistics()
        kept = deleted = 0
        for model_report in report.models.values():
            for record, loaded_as in model_report.kept:
                kept += 1
                renamed = f" (loaded as “{loaded_as}”)" if loaded_as else ""
                self.stdout.write(
                    f"  kept {model_report.label} “{record}”{renamed}: edited in admin "
                    "since the last load (--force takes the documents' version)"
                )
            for key, reason in model_report.deleted:
                deleted += 1
                self.stdout.write(
                    f"  not re-created {model_report.label} “{key}”: "
                    f"{reason or 'deleted by staff'} (--force re-creates it)"
                )
        if report.changed:
            message = "Archive loaded."
        elif kept or deleted:
            parts = []
            if kept:
                parts.append(f"{kept} edited {plural(kept)} kept as is")
            if deleted:
                parts.append(f"{deleted} deleted {plural(deleted)} not re-created")
            message = f"Nothing else to change: {', '.join(parts)}."
        else:
            message = (
                "Nothing to change: the database already holds the archive as built."
            )
        self.stdout.write(self.style.SUCCESS(message))

    def show_progress(self, model_report, total):
        counts = model_report.counts
        parts = [
            f"{counts[name]} {name}"
            for name in (
                "created",
                "updated",
                "unchanged",
                "kept",
                "removed",
                "not re-created",
            )
            if counts[name] or name in ("created", "updated", "unchanged", "kept")
        ]
        self.stdout.write(
            f"{model_report.label:<28} {total:>5} records: {', '.join(parts)}"
        )


def plural(count):
    return "record" if count == 1 else "records"
