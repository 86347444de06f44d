"""Parse every catalogued document in sources/ and write the fixtures/ folder."""

import shutil
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ingest.errors import ParseError
from ingest.fixtures import build_fixtures


class Command(BaseCommand):
    help = (
        "Parse the documents catalogued in sources/catalogue.toml into Django JSON "
        "fixtures (natural keys, byte-stable). Never touches the database."
    )
    # Pure parsing: the system checks (models, URLs, admin) have nothing to say
    # about it, and would only delay it.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, default=None, help="default: settings.FIXTURES_DIR"
        )
        parser.add_argument(
            "--sources", type=Path, default=None, help="default: settings.SOURCES_DIR"
        )

    def handle(self, *args, output=None, sources=None, **options):
        output = Path(output or settings.FIXTURES_DIR)
        sources = Path(sources or settings.SOURCES_DIR)
        started = time.perf_counter()
        try:
            files = build_fixtures(sources)
        except ParseError as error:
            raise CommandError(str(error)) from None
        write_atomically(output, files)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {len(files)} fixture files to {output} in {elapsed:.2f}s."
            )
        )


def write_atomically(output, files):
    """Write into a temporary folder beside `output`, then swap it in whole."""
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-", dir=output.parent))
    staging.chmod(0o755)
    try:
        for name, content in files.items():
            (staging / name).write_text(content, encoding="utf-8")
        if output.exists():
            previous = output.with_name(f".{output.name}-previous")
            shutil.rmtree(previous, ignore_errors=True)
            output.rename(previous)
            try:
                staging.rename(output)
            except OSError:
                previous.rename(output)  # put the old fixtures back
                raise
            shutil.rmtree(previous, ignore_errors=True)
        else:
            staging.rename(output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
