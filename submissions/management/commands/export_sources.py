"""Write the documents published in admin back into sources/, with the decisions."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ingest.catalogue import CATALOGUE, read_catalogue
from ingest.decisions import decisions_path, render_decisions, toml_string
from ingest.errors import ParseError
from submissions.models import Submission

CATALOGUE_KEYS = ("title", "kind", "publisher", "published", "url", "plenary")


class Command(BaseCommand):
    help = (
        "Write each document published in admin that sources/ does not hold yet: "
        "its text file, its entry in catalogue.toml, and the editors' decisions "
        "in sources/decisions/<file stem>.toml, so that build_fixtures and "
        "load_archive give the same archive."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--sources", type=Path, default=None, help="default: settings.SOURCES_DIR"
        )

    def handle(self, *args, sources=None, **options):
        sources = Path(sources or settings.SOURCES_DIR)
        try:
            held = {entry.file for entry in read_catalogue(sources)}
        except ParseError as error:
            raise CommandError(f"{error}. Nothing was written.") from None
        pending = list(Submission.objects.not_in(held).order_by("published_at", "pk"))
        for submission in pending:
            if (sources / submission.file_name).exists():
                raise CommandError(
                    f"{submission.file_name} is in {sources} but not catalogued: "
                    "move it away or catalogue it. Nothing more was written."
                )
        for submission in pending:
            export(submission, sources)
            self.stdout.write(f"  wrote {submission.file_name}")
        try:
            read_catalogue(sources)
        except ParseError as error:
            raise CommandError(f"the catalogue no longer reads: {error}") from None
        self.stdout.write(
            self.style.SUCCESS(f"Exported {len(pending)} document(s) to {sources}.")
        )


def export(submission, sources):
    """The text file, its decisions, then its catalogue entry (last: a document
    is in sources/ once catalogued)."""
    (sources / submission.file_name).write_text(submission.text, encoding="utf-8")
    decisions = {
        path: decision
        for path, decision in submission.decisions.items()
        if decision.get("action") in ("reject", "correct")
    }
    if decisions:
        path = decisions_path(sources, submission.file_name)
        path.parent.mkdir(exist_ok=True)
        path.write_text(render_decisions(decisions), encoding="utf-8")
    with (sources / CATALOGUE).open("a", encoding="utf-8") as catalogue:
        catalogue.write(catalogue_entry(submission))


def catalogue_entry(submission):
    lines = ["", "[[document]]", f"file = {toml_string(submission.file_name)}"]
    for key in CATALOGUE_KEYS:
        value = getattr(submission, key)
        if value:
            lines.append(f"{key} = {toml_string(value)}")
    return "\n".join(lines) + "\n"
