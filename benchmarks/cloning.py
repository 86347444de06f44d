"""Synthetic copies of the real archive's records, for benchmarks/synthetic.py and the
tests that need a large archive.

Copy k clones the real records with `-x<k>` slugs, plenary numbers raised by 100 * k,
dates moved by up to six months either way, the paragraphs of every statement,
summary and document text shuffled (same words, same lengths), and titles of
documents marked as synthetic. Citations are cloned with their records. Countries,
regions, resolutions, partnerships and adherences are not multiplied: there are only
so many states (and one partnership per country), so the synthetic archive is N times
the plenaries, chairs, events, annex revisions, documents and citations of the real
one, on the real set of countries.
"""

import datetime
import random
import re
from collections import defaultdict

from django.db import transaction

from annex.models import AnnexRevision
from evidence.models import Citation, SourceDocument
from plenaries.models import Chairmanship, ChairPerson, Event, Plenary

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


def clone_archive(copies, using="default", seed=0):
    """Add `copies` synthetic copies of the archive now in the database.

    The records cloned are those without a synthetic slug, so calling it again
    adds more copies of the real archive, never copies of copies. Returns a dict
    of how many rows of each kind were created.
    """
    cloner = ArchiveCloner(copies, using, seed)
    with transaction.atomic(using=using):
        cloner.clone_plenaries()
        cloner.clone_sources()
        cloner.clone_chairmanships()
        cloner.clone_chair_people()
        cloner.clone_events()
        cloner.clone_annex_revisions()
        cloner.clone_citations()
    return cloner.created


class ArchiveCloner:
    """One call of clone_archive: the copy numbers it makes, its random order of
    paragraphs, and the clones made so far, by (original pk, copy number).

    The records are cloned in the order of their foreign keys (plenaries before the
    records that point at them); each clone_* method reads the clones made before it.
    """

    def __init__(self, copies, using="default", seed=0):
        self.using = using
        self.rng = random.Random(seed)
        self.created = {}
        # {(original pk, copy number): clone}, filled by the clone_* methods.
        self.plenaries = {}
        self.sources = {}
        self.chairmanships = {}
        self.events = {}
        self.annex_revisions = {}
        self.original_sources = []
        self.original_chairmanships = []
        first = max(self.copies_present(), default=0) + 1
        self.numbers = range(first, first + copies)
        if copies and self.numbers[-1] > MAX_SCALE:
            raise SyntheticError(f"At most {MAX_SCALE} copies of the archive fit.")

    def copies_present(self):
        """The numbers of the copies already in the database."""
        return {
            int(match[0][2:])
            for slug in Plenary.objects.using(self.using).values_list("slug", flat=True)
            if (match := SYNTHETIC_SUFFIX.search(slug))
        }

    def real(self, model):
        """The model's real records (those without a synthetic slug), by pk."""
        return [
            record
            for record in model.objects.using(self.using).order_by("pk")
            if not SYNTHETIC_SUFFIX.search(record.slug)
        ]

    def save(self, model, clones_by_original):
        """Insert {original pk: [its clone in each copy]}; returns the clones by
        (original pk, copy number)."""
        rows = [clone for clones in clones_by_original.values() for clone in clones]
        model.objects.using(self.using).bulk_create(rows, batch_size=500)
        self.created[model._meta.verbose_name_plural] = len(rows)
        return {
            (original_pk, number): clone
            for original_pk, clones in clones_by_original.items()
            for number, clone in zip(self.numbers, clones, strict=True)
        }

    def copy_m2m(self, relation, originals, clones):
        """Give each clone the same related rows as its original."""
        copy_m2m(relation, originals, _group(clones), self.using)

    def plenary_of(self, plenary_id, copy):
        """The clone, in one copy, of the plenary a record points at."""
        return self.plenaries.get((plenary_id, copy)) if plenary_id else None

    def clone_plenaries(self):
        originals = self.real(Plenary)
        self.plenaries = self.save(
            Plenary,
            {
                plenary.pk: [self.plenary_copy(plenary, k) for k in self.numbers]
                for plenary in originals
            },
        )
        for name in (
            "resolutions",
            "countries_of_concern",
            "regions_of_concern",
            "countries_named",
        ):
            self.copy_m2m(getattr(Plenary, name), originals, self.plenaries)

    def plenary_copy(self, plenary, k):
        return Plenary(
            number=plenary.number + 100 * k if plenary.number else None,
            slug=f"{plenary.slug}-x{k}",
            city=plenary.city,
            country_id=plenary.country_id,
            start_date=shifted(plenary.start_date, k),
            end_date=shifted(plenary.end_date, k),
            date_precision=plenary.date_precision,
            opened_by=plenary.opened_by,
            statement=shuffled_paragraphs(plenary.statement, self.rng),
            summary=shuffled_paragraphs(plenary.summary, self.rng),
            next_host_id=plenary.next_host_id,
            next_announcement=plenary.next_announcement,
        )

    def clone_sources(self):
        self.original_sources = self.real(SourceDocument)
        self.sources = self.save(
            SourceDocument,
            {
                source.pk: [self.source_copy(source, k) for k in self.numbers]
                for source in self.original_sources
            },
        )

    def source_copy(self, source, k):
        return SourceDocument(
            file_name=f"synthetic/x{k}/{source.file_name}"[:200],
            slug=f"{source.slug}-x{k}",
            title=f"{source.title} (synthetic copy {k})"[:500],
            kind=source.kind,
            publisher=source.publisher,
            published=shifted(source.published, k),
            published_precision=source.published_precision,
            url=source.url,
            plenary=self.plenary_of(source.plenary_id, k),
            text=shuffled_paragraphs(source.text, self.rng),
        )

    def clone_chairmanships(self):
        self.original_chairmanships = self.real(Chairmanship)
        self.chairmanships = self.save(
            Chairmanship,
            {
                term.pk: [
                    Chairmanship(
                        slug=f"{term.slug}-x{k}",
                        start_plenary=self.plenary_of(term.start_plenary_id, k),
                        end_plenary=self.plenary_of(term.end_plenary_id, k),
                        announced=term.announced,
                        notes=term.notes,
                    )
                    for k in self.numbers
                ]
                for term in self.original_chairmanships
            },
        )
        self.copy_m2m(
            Chairmanship.countries, self.original_chairmanships, self.chairmanships
        )

    def clone_chair_people(self):
        """The people of every real term, in each copy of their term (people have
        no slug: they are found through their terms)."""
        people = ChairPerson.objects.using(self.using).filter(
            chairmanship__in=self.original_chairmanships
        )
        clones = [
            ChairPerson(
                chairmanship=self.chairmanships[(person.chairmanship_id, k)],
                person_id=person.person_id,
                role=person.role,
                title=person.title,
                position=person.position,
                described=person.described,
            )
            for person in people
            for k in self.numbers
        ]
        ChairPerson.objects.using(self.using).bulk_create(clones, batch_size=500)
        self.created["chair people"] = len(clones)

    def clone_events(self):
        originals = self.real(Event)
        self.events = self.save(
            Event,
            {
                event.pk: [
                    Event(
                        slug=f"{event.slug}-x{k}",
                        kind=event.kind,
                        title=event.title,
                        description=shuffled_paragraphs(event.description, self.rng),
                        date=shifted(event.date, k),
                        end_date=shifted(event.end_date, k),
                        date_precision=event.date_precision,
                        plenary=self.plenary_of(event.plenary_id, k),
                    )
                    for k in self.numbers
                ]
                for event in originals
            },
        )
        self.copy_m2m(Event.countries, originals, self.events)

    def clone_annex_revisions(self):
        self.annex_revisions = self.save(
            AnnexRevision,
            {
                revision.pk: [
                    AnnexRevision(
                        slug=f"{revision.slug}-x{k}",
                        date=shifted(revision.date, k),
                        date_precision=revision.date_precision,
                        summary=revision.summary,
                        description=shuffled_paragraphs(revision.description, self.rng),
                        adopted_at=self.plenary_of(revision.adopted_at_id, k),
                        meeting=revision.meeting,
                    )
                    for k in self.numbers
                ]
                for revision in self.real(AnnexRevision)
            },
        )

    def clone_citations(self):
        """The citations of the real documents, each in every copy of its document
        and of the record it supports.

        Citations of partnerships and adherences stay with the real documents: those
        records are not multiplied (see the module's docstring).
        """
        facts = {
            "plenary_id": self.plenaries,
            "chairmanship_id": self.chairmanships,
            "event_id": self.events,
            "annex_revision_id": self.annex_revisions,
        }
        citations = []
        for citation in (
            Citation.objects.using(self.using)
            .filter(source__in=self.original_sources)
            .exclude(membership__isnull=False)
            .exclude(adherence__isnull=False)
        ):
            fact = next(
                (name for name in facts if getattr(citation, name) is not None), None
            )
            if fact is None:
                continue
            citations.extend(
                Citation(
                    key=f"{citation.key}#x{k}"[:300],
                    source=self.sources[(citation.source_id, k)],
                    passage=citation.passage,
                    field=citation.field,
                    claim=citation.claim,
                    is_followed=citation.is_followed,
                    **{fact: facts[fact][(getattr(citation, fact), k)].pk},
                )
                for k in self.numbers
            )
        Citation.objects.using(self.using).bulk_create(citations, batch_size=500)
        self.created["citations"] = len(citations)


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


def _group(clones_by_key):
    """{(original pk, copy number): clone} as {original pk: [clones by copy]}."""
    grouped = defaultdict(list)
    for (original_pk, _number), clone in sorted(
        clones_by_key.items(), key=lambda item: item[0]
    ):
        grouped[original_pk].append(clone)
    return grouped
