"""Fill a separate database with N times the real archive, for benchmarks and tests.

    export DATABASE_URL=sqlite:////tmp/mtcr-x100.sqlite3
    python benchmarks/synthetic.py --scale 100
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/mtcr_x100  # created first
    python benchmarks/synthetic.py --scale 100 --flush

The database is the one DATABASE_URL names, and it must be named: without
DATABASE_URL (the project's own db.sqlite3) it refuses. It migrates that
database, loads the real archive with load_archive, then adds N - 1 synthetic copies
of it (benchmarks/cloning.py says what a copy holds). A database that already holds
an archive is refused unless --flush is given, and --flush is refused unless what
the database holds is itself synthetic: the real archive can never be wiped by it.
The tests use clone_archive on their own database.
"""

import argparse
import os
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connections

if __name__ == "__main__":  # run as a script: the project's Django first
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mtcr_site.settings")
    import django

    django.setup()

from benchmarks.cloning import MAX_SCALE, SyntheticError, clone_archive
from ingest.loader import refresh_statistics
from plenaries.models import Plenary
from search import index as search_index


def project_database_file():
    return Path(settings.BASE_DIR / "db.sqlite3").resolve()


def generate(scale, flush=False, seed=0, using="default"):
    """Migrate the DATABASE_URL database, load the real archive, add scale - 1
    copies of it; returns the line to print."""
    if not 1 <= scale <= MAX_SCALE:
        raise SyntheticError(f"--scale must be between 1 and {MAX_SCALE}.")
    check_target(using)
    started = time.perf_counter()
    tables = connections[using].introspection.table_names()
    if Plenary._meta.db_table in tables:
        # Looked at before migrating: a database that is not ours stays as it is.
        clear_synthetic(using, flush)
    call_command("migrate", database=using, verbosity=0, interactive=False)
    call_command("load_archive", verbosity=0)
    created = clone_archive(scale - 1, using=using, seed=seed)
    entries = search_index.rebuild(using)
    refresh_statistics(using)
    elapsed = time.perf_counter() - started
    summary = ", ".join(f"{count} {name}" for name, count in created.items())
    return (
        f"Synthetic archive at scale {scale} in {elapsed:.1f} s: the real "
        f"archive plus {summary or 'nothing'}; {entries} search passages."
    )


def clear_synthetic(using, flush):
    """Empty a database that holds a synthetic archive, if asked; refuse others."""
    if not Plenary.objects.using(using).exists():
        return
    if not flush:
        raise SyntheticError(
            "The database already holds an archive; pass --flush to replace "
            "a synthetic one."
        )
    if not Plenary.objects.using(using).filter(slug__regex=r"-x\d+$").exists():
        raise SyntheticError(
            "The database holds the real archive and nothing synthetic: "
            "the generator will not flush it."
        )
    call_command("flush", database=using, interactive=False, verbosity=0)


def check_target(using):
    if not os.environ.get("DATABASE_URL"):
        raise SyntheticError(
            "DATABASE_URL is not set, so the target would be the project's own "
            "database: name a separate one, e.g. "
            "DATABASE_URL=sqlite:////tmp/mtcr-synthetic.sqlite3"
        )
    database = connections[using].settings_dict
    if connections[using].vendor == "sqlite":
        name = str(database["NAME"])
        if name == ":memory:" or "mode=memory" in name:
            return
        if Path(name).resolve() == project_database_file():
            raise SyntheticError(
                "DATABASE_URL points at the project's own db.sqlite3: name a "
                "separate database."
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scale",
        type=int,
        required=True,
        help="How many times the real archive (1 = the real archive alone).",
    )
    parser.add_argument(
        "--flush",
        action="store_true",
        help="Empty the database first; only allowed if it holds a synthetic archive.",
    )
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    try:
        print(generate(args.scale, flush=args.flush, seed=args.seed))
    except SyntheticError as error:
        sys.exit(f"synthetic: {error}")


if __name__ == "__main__":
    main()
