"""Fill a separate database with N times the real archive, for benchmarks and tests.

    export DATABASE_URL=sqlite:////tmp/mtcr-x100.sqlite3
    python benchmarks/synthetic.py --scale 100
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/mtcr_x100  # created first
    python benchmarks/synthetic.py --scale 100 --flush

The database is the one DATABASE_URL names, and it must be named: without
DATABASE_URL (the project's own db.sqlite3) it refuses. It migrates that
database, loads the real archive with load_archive, then adds N - 1 synthetic copies
of it. A database that already holds an archive is refused unless --flush is given,
and --flush is refused unless what the database holds is itself synthetic: the real
archive can never be wiped by it. The tests use clone_archive on their own
database.

Each copy clones the real records with `-x<k>` slugs, plenary numbers raised by
100 * k, dates moved by up to six months either way, the paragraphs of every
statement, summary and document text shuffled (same words, same lengths), and
titles of documents marked as synthetic. Citations are cloned with their records.
Countries, regions, resolutions, partnerships and adherences are not multiplied:
there are only so many states (and one partnership per country), so the synthetic
archive is N times the plenaries, chairs, events, annex revisions, documents and
citations of the real one, on the real set of countries.
"""

import argparse
import datetime
import os
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connections, transaction

if __name__ == "__main__":  # run as a script: the project's Django first
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mtcr_site.settings")
    import django

    django.setup()

from annex.models import AnnexRevision
from evidence.models import Citation, SourceDocument
from ingest.loader import refresh_statistics
from plenaries.models import Chairmanship, ChairPerson, Event, Plenary
from search import index as search_index

MAX_SCALE = 300  # plenary numbers are raised by 100 per copy: a small integer field
SYNTHETIC_SUFFIX = re.compile(r"-x\d+$")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class SyntheticError(Exception):
    """A target or scale this generator refuses, said in a line."""


def shuffled_paragraphs(text, rng):
    """The same paragraphs in another order, the first one (a heading) kept first."""
    paragraphs = PARAGRAPH_BREAK.split(text)
    if len(paragraphs) < 3:
        return text
    rest = paragraphs[1:]
    rng.shuffle(rest)
    return "\n\n".join([paragraphs[0], *rest])


def day_shift(copy):
    """How far copy k moves its dates: spread over a year, -180 to +180 days."""
    return datetime.timedelta(days=(copy * 53) % 361 - 180)


def shifted(day, copy):
    return None if day is None else day + day_shift(copy)


def copy_m2m(relation, originals, clones_by_original, using):
    """Give each clone the same related rows as its original (one bulk insert)."""
    through = relation.through
    source_column = relation.field.m2m_field_name() + "_id"
    target_column = relation.field.m2m_reverse_field_name() + "_id"
    links = defaultdict(list)
    for row in (
        through.objects.using(using)
        .filter(**{f"{source_column}__in": [original.pk for original in originals]})
        .values_list(source_column, target_column)
    ):
        links[row[0]].append(row[1])
    rows = [
        through(**{source_column: clone.pk, target_column: target})
        for original_pk, clones in clones_by_original.items()
        for clone in clones
        for target in links.get(original_pk, [])
    ]
    through.objects.using(using).bulk_create(rows, batch_size=1000)


def clone_archive(copies, using="default", seed=0):
    """Add `copies` synthetic copies of the archive now in the database.

    The records cloned are those without a synthetic slug, so calling it again
    adds more copies of the real archive, never copies of copies. Returns a dict
    of how many rows of each kind were created.
    """
    rng = random.Random(seed)
    created = {}

    def real(model):
        return [
            record
            for record in model.objects.using(using).order_by("pk")
            if not SYNTHETIC_SUFFIX.search(record.slug)
        ]

    def already(model):
        return {
            int(match[0][2:])
            for slug in model.objects.using(using).values_list("slug", flat=True)
            if (match := SYNTHETIC_SUFFIX.search(slug))
        }

    first = max(already(Plenary), default=0) + 1
    numbers = range(first, first + copies)
    if copies and numbers[-1] > MAX_SCALE:
        raise SyntheticError(f"At most {MAX_SCALE} copies of the archive fit.")

    def save(model, clones_by_original):
        rows = [clone for clones in clones_by_original.values() for clone in clones]
        model.objects.using(using).bulk_create(rows, batch_size=500)
        created[model._meta.verbose_name_plural] = len(rows)
        return {
            (original_pk, number): clone
            for original_pk, clones in clones_by_original.items()
            for number, clone in zip(numbers, clones, strict=True)
        }

    with transaction.atomic(using=using):
        plenaries = real(Plenary)
        plenary_clones = save(
            Plenary,
            {
                plenary.pk: [
                    Plenary(
                        number=plenary.number + 100 * k if plenary.number else None,
                        slug=f"{plenary.slug}-x{k}",
                        city=plenary.city,
                        country_id=plenary.country_id,
                        start_date=shifted(plenary.start_date, k),
                        end_date=shifted(plenary.end_date, k),
                        date_precision=plenary.date_precision,
                        opened_by=plenary.opened_by,
                        statement=shuffled_paragraphs(plenary.statement, rng),
                        summary=shuffled_paragraphs(plenary.summary, rng),
                        next_host_id=plenary.next_host_id,
                        next_announcement=plenary.next_announcement,
                    )
                    for k in numbers
                ]
                for plenary in plenaries
            },
        )
        for name in (
            "resolutions",
            "countries_of_concern",
            "regions_of_concern",
            "countries_named",
        ):
            copy_m2m(
                getattr(Plenary, name),
                plenaries,
                _group(plenary_clones),
                using,
            )

        def plenary_of(plenary_id, k):
            return plenary_clones.get((plenary_id, k)) if plenary_id else None

        sources = real(SourceDocument)
        source_clones = save(
            SourceDocument,
            {
                source.pk: [
                    SourceDocument(
                        file_name=f"synthetic/x{k}/{source.file_name}"[:200],
                        slug=f"{source.slug}-x{k}",
                        title=f"{source.title} (synthetic copy {k})"[:500],
                        kind=source.kind,
                        publisher=source.publisher,
                        published=shifted(source.published, k),
                        published_precision=source.published_precision,
                        url=source.url,
                        plenary=plenary_of(source.plenary_id, k),
                        text=shuffled_paragraphs(source.text, rng),
                    )
                    for k in numbers
                ]
                for source in sources
            },
        )

        chairmanships = real(Chairmanship)
        chair_clones = save(
            Chairmanship,
            {
                term.pk: [
                    Chairmanship(
                        slug=f"{term.slug}-x{k}",
                        start_plenary=plenary_of(term.start_plenary_id, k),
                        end_plenary=plenary_of(term.end_plenary_id, k),
                        announced=term.announced,
                        notes=term.notes,
                    )
                    for k in numbers
                ]
                for term in chairmanships
            },
        )
        copy_m2m(Chairmanship.countries, chairmanships, _group(chair_clones), using)
        people = defaultdict(list)
        for person in ChairPerson.objects.using(using).filter(
            chairmanship__in=chairmanships
        ):
            people[person.pk] = [
                ChairPerson(
                    chairmanship=chair_clones[(person.chairmanship_id, k)],
                    title=person.title,
                    name=person.name,
                    position=person.position,
                    role=person.role,
                )
                for k in numbers
            ]
        ChairPerson.objects.using(using).bulk_create(
            [clone for clones in people.values() for clone in clones], batch_size=500
        )
        created["chair people"] = sum(len(clones) for clones in people.values())

        events = real(Event)
        event_clones = save(
            Event,
            {
                event.pk: [
                    Event(
                        slug=f"{event.slug}-x{k}",
                        kind=event.kind,
                        title=event.title,
                        description=shuffled_paragraphs(event.description, rng),
                        date=shifted(event.date, k),
                        end_date=shifted(event.end_date, k),
                        date_precision=event.date_precision,
                        plenary=plenary_of(event.plenary_id, k),
                    )
                    for k in numbers
                ]
                for event in events
            },
        )
        copy_m2m(Event.countries, events, _group(event_clones), using)

        revisions = real(AnnexRevision)
        revision_clones = save(
            AnnexRevision,
            {
                revision.pk: [
                    AnnexRevision(
                        slug=f"{revision.slug}-x{k}",
                        date=shifted(revision.date, k),
                        date_precision=revision.date_precision,
                        summary=revision.summary,
                        description=shuffled_paragraphs(revision.description, rng),
                        adopted_at=plenary_of(revision.adopted_at_id, k),
                        meeting=revision.meeting,
                    )
                    for k in numbers
                ]
                for revision in revisions
            },
        )

        # Citations of partnerships and adherences stay with the real documents:
        # those records are not multiplied (see the module's docstring).
        facts = {
            "plenary_id": plenary_clones,
            "chairmanship_id": chair_clones,
            "event_id": event_clones,
            "annex_revision_id": revision_clones,
        }
        citations = []
        for citation in (
            Citation.objects.using(using)
            .filter(source__in=sources)
            .exclude(membership__isnull=False)
            .exclude(adherence__isnull=False)
        ):
            fact = next(
                (name for name in facts if getattr(citation, name) is not None), None
            )
            if fact is None:
                continue
            for k in numbers:
                citations.append(
                    Citation(
                        key=f"{citation.key}#x{k}"[:300],
                        source=source_clones[(citation.source_id, k)],
                        passage=citation.passage,
                        field=citation.field,
                        claim=citation.claim,
                        is_followed=citation.is_followed,
                        **{fact: facts[fact][(getattr(citation, fact), k)].pk},
                    )
                )
        Citation.objects.using(using).bulk_create(citations, batch_size=500)
        created["citations"] = len(citations)
    return created


def _group(clones_by_key):
    grouped = defaultdict(list)
    for (original_pk, _number), clone in sorted(
        clones_by_key.items(), key=lambda item: item[0]
    ):
        grouped[original_pk].append(clone)
    return grouped


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
