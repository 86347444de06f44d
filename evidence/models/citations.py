"""The passages of the documents that support each fact of the archive, and
the one rule by which two of them disagree, in SQL."""

import functools
import operator
import string
import uuid

from django.db import models

from core.records import ArchiveRecord

from ..claims import WHITESPACE
from .sources import Inference, SourceDocument


def exactly_one_set(*fields):
    """A condition that holds when exactly one of the foreign keys is set."""
    return functools.reduce(
        operator.or_,
        (
            models.Q(
                **{f"{chosen}__isnull": False},
                **{f"{other}__isnull": True for other in fields if other != chosen},
            )
            for chosen in fields
        ),
    )


class FoldedClaim(models.Func):
    """The SQL twin of evidence.claims.fold: the text with each whitespace
    character a space, each run of spaces one space, none at either end, and the
    letters A-Z in lower case.

    Each pass of REPLACE(text, '  ', ' ') halves the runs of spaces, so the passes
    enough for a text of `max_length` leave each run one space (no regular
    expressions: SQLite has none). Only a claim longer than the column allows,
    which SQLite alone would store, could keep a run of spaces the Python fold
    joins. SQLite's LOWER() folds the letters A-Z only; PostgreSQL's would fold
    other letters too, as the server's locale has it, so there the letters A-Z are
    translated one by one.

    Written out as SQL rather than as nested Replace() expressions, which Django
    takes far longer to build than the database takes to run.
    """

    output_field = models.CharField()

    def __init__(self, expression, max_length):
        super().__init__(expression)
        self.passes = max_length.bit_length()

    def as_sql(self, compiler, connection, lower="LOWER(%s)", **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        params = list(params)
        for space in WHITESPACE.replace(" ", ""):
            sql = f"REPLACE({sql}, %s, ' ')"
            params.append(space)
        for _ in range(self.passes):
            sql = f"REPLACE({sql}, '  ', ' ')"
        return lower.replace("%s", f"TRIM({sql})", 1), params

    def as_postgresql(self, compiler, connection, **extra_context):
        upper, lower = string.ascii_uppercase, string.ascii_lowercase
        return self.as_sql(
            compiler, connection, lower=f"TRANSLATE(%s, '{upper}', '{lower}')"
        )


class CitationQuerySet(models.QuerySet):
    def stating_claims(self):
        """The citations that state a claim (one that does not fold to "") of a
        named field: the only ones that can disagree. Each has its folded claim as
        the alias `folded_claim`."""
        max_length = self.model._meta.get_field("claim").max_length
        # The plain comparisons first: the database skips the fold of a row
        # they rule out.
        return (
            self.exclude(field="")
            .exclude(claim="")
            .alias(folded_claim=FoldedClaim("claim", max_length))
            .exclude(folded_claim="")
        )

    def contradicted(self, record_fields=None):
        """The citations another citation contradicts: the rule of
        evidence.claims.disagreements, in SQL (same record, same named field, both
        state a claim, the folded claims differ).

        `record_fields`, the foreign keys the citations may support records by
        (all of FACT_FIELDS by default): one alone lets the database compare the
        citations of a record by that key's index.
        """
        same_record = functools.reduce(
            operator.or_,
            (
                models.Q(**{name: models.OuterRef(name)})
                for name in record_fields or self.model.FACT_FIELDS
            ),
        )
        # Claims the same as written fold the same: that plain comparison comes
        # first, so that only differently written claims are folded.
        contradicting = (
            self.model.objects.filter(same_record, field=models.OuterRef("field"))
            .exclude(claim=models.OuterRef("claim"))
            .stating_claims()
            .exclude(folded_claim=models.OuterRef("folded_claim"))
        )
        return self.stating_claims().filter(models.Exists(contradicting))

    def disagreeing_on(self, fk_name):
        """Whether the sources of the outer record disagree: an Exists() over the
        citations that `fk_name` ties to it, for annotating that record's model."""
        return models.Exists(
            self.filter(**{fk_name: models.OuterRef("pk")}).contradicted([fk_name])
        )

    def with_contradicted(self):
        """Each citation with `contradicted`: whether another citation contradicts
        it (see `contradicted`)."""
        return self.annotate(
            contradicted=models.Exists(
                self.model.objects.contradicted().filter(pk=models.OuterRef("pk"))
            )
        )

    def with_source(self):
        return self.select_related("source")

    def with_source_line(self):
        """With what a citation's source line shows of its document (title, date,
        link, the original a copy copies), not the document's full text: a list
        citing the same few documents a hundred times would otherwise read each
        text a hundred times."""
        return self.select_related("source__original").defer(
            "source__text", "source__original__text"
        )

    def passages_of(self, field, records):
        """(record pk, source title, passage) of each citation of `records`, the
        records the foreign key `field` (e.g. "membership") points to."""
        return self.filter(**{f"{field}__in": records}).values_list(
            field, "source__title", "passage"
        )


class CitationManager(models.Manager.from_queryset(CitationQuerySet)):
    def get_by_natural_key(self, key):
        return self.get(key=key)


class Citation(ArchiveRecord):
    """A passage of a source document that states a fact of the archive.

    A citation supports exactly one record. `field` names what it supports ("" for
    the record as a whole) and `claim` what the passage says of it, so that two
    sources that disagree on, say, a plenary's dates are both kept and shown.
    """

    FACT_FIELDS = [
        "plenary",
        "chairmanship",
        "event",
        "membership",
        "adherence",
        "annex_revision",
    ]

    key = models.CharField(
        max_length=300, unique=True, default=uuid.uuid4, editable=False
    )
    source = models.ForeignKey(
        SourceDocument, on_delete=models.CASCADE, related_name="citations"
    )
    passage = models.TextField(help_text="The passage quoted exactly from the source.")
    field = models.CharField(
        max_length=50, blank=True, help_text='What the passage supports, e.g. "dates".'
    )
    claim = models.CharField(
        max_length=300, blank=True, help_text="What the passage says of that field."
    )
    note = models.TextField(
        "archivist's note",
        blank=True,
        help_text="The archivist's note on the claim (context, position, caveats).",
    )
    inferred = models.CharField(
        max_length=10,
        blank=True,
        choices=Inference.choices,
        help_text="Set where the passage does not state the claim and the archive "
        "infers it (a host country from the city the passage names).",
    )
    is_followed = models.BooleanField(
        "record follows this source",
        default=True,
        help_text="Off where the record follows another source that disagrees.",
    )
    plenary = models.ForeignKey(
        "plenaries.Plenary",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="citations",
    )
    chairmanship = models.ForeignKey(
        "plenaries.Chairmanship",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="citations",
    )
    event = models.ForeignKey(
        "plenaries.Event",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="citations",
    )
    membership = models.ForeignKey(
        "members.Membership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="citations",
    )
    adherence = models.ForeignKey(
        "members.Adherence",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="citations",
    )
    annex_revision = models.ForeignKey(
        "annex.AnnexRevision",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="citations",
    )

    objects = CitationManager()

    class Meta(ArchiveRecord.Meta):
        ordering = ["source__file_name", "field", "pk"]
        constraints = [
            *ArchiveRecord.Meta.constraints,
            models.CheckConstraint(
                condition=exactly_one_set(
                    "plenary",
                    "chairmanship",
                    "event",
                    "membership",
                    "adherence",
                    "annex_revision",
                ),
                name="citation_supports_one_record",
            ),
        ]

    def __str__(self):
        return f"{self.source}: “{self.passage[:60]}…”"

    def natural_key(self):
        return (self.key,)

    natural_key.dependencies = [
        "evidence.sourcedocument",
        "plenaries.plenary",
        "plenaries.chairmanship",
        "plenaries.event",
        "members.membership",
        "members.adherence",
        "annex.annexrevision",
    ]

    @property
    def record(self):
        for name in self.FACT_FIELDS:
            if getattr(self, f"{name}_id") is not None:
                return getattr(self, name)
        return None
