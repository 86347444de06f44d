"""Run every consistency rule over the loaded archive (see checks.rules)."""

from django.core.management.base import BaseCommand, CommandError

from checks import rules
from checks.findings import (
    KnownFindingsError,
    compare,
    entry_for,
    known_findings_path,
    read_known,
)


class Command(BaseCommand):
    help = (
        "Run every consistency rule over the loaded archive and print each finding "
        "with its evidence. Fails when a finding is not in the known-findings file."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--known",
            default=None,
            help="The known-findings file (default: sources/known-findings.toml).",
        )
        parser.add_argument(
            "--entries",
            action="store_true",
            help="Also print, for each new finding, the entry to paste into the "
            "known-findings file (its explanation left to write).",
        )

    def handle(self, *args, known, entries, **options):
        path = known or known_findings_path()
        try:
            explained = read_known(path)
        except KnownFindingsError as error:
            raise CommandError(str(error)) from error
        result = compare(rules.run_all(), explained)
        for finding, entry in result.known:
            self.stdout.write(f"known: {finding.key}\n  {finding.message}")
            self.stdout.write(f"  explained: {entry.explanation}")
            for evidence in finding.evidence:
                self.stdout.write(f"  - {evidence}")
        for entry in result.gone:
            self.stderr.write(
                self.style.WARNING(
                    f"warning: known finding {entry.key} no longer occurs: remove it "
                    f"from {path}"
                )
            )
        for finding in result.new:
            self.stdout.write(self.style.ERROR(f"NEW: {finding.key}"))
            self.stdout.write(f"  {finding.message}")
            for evidence in finding.evidence:
                self.stdout.write(f"  - {evidence}")
        if entries and result.new:
            self.stdout.write(f"\nEntries for {path} (write each explanation):\n")
            for finding in result.new:
                self.stdout.write(entry_for(finding))
        total = len(result.new) + len(result.known)
        summary = (
            f"{total} findings: {len(result.known)} known, {len(result.new)} new; "
            f"{len(result.gone)} known no longer occur"
        )
        if result.new:
            raise CommandError(
                f"{summary}. Each new finding is a contradiction in the archive: "
                f"correct it, or explain it in {path} (--entries prints the entry)."
            )
        self.stdout.write(self.style.SUCCESS(summary))
