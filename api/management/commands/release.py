"""Publish a data release: the whole archive as a citable, unchanging package."""

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from api.publish import publish
from api.releases import VERSION_FORMATS, ReleaseError, releases_dir


class Command(BaseCommand):
    help = (
        "Write release VERSION of the archive, as the database holds it, to "
        "RELEASES_DIR/VERSION: a Frictionless Data Package (datapackage.json, a "
        "CSV per table, the fixture archive.json), its zip and SHA256SUMS. A "
        "release is never rewritten: a version that exists is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "version", help=f"The release's version: {VERSION_FORMATS}."
        )

    def handle(self, *args, version, **options):
        try:
            release = publish(version)
        except ReleaseError as error:
            raise CommandError(
                f"{error} Nothing was written to {releases_dir()}."
            ) from error
        if options["verbosity"] < 1:
            return
        self.stdout.write(
            f"Released {release.version} to {release.folder}: "
            f"{len(release.files)} files, {filesizeformat(release.size)} "
            f"(zip {filesizeformat(release.zip.size)})."
        )
        for each in release.files:
            self.stdout.write(f"  {each.sha256}  {each.name}")
