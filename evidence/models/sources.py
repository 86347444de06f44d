"""The documents the archive cites: their bibliographic records, their original
addresses and, where the archive holds them, their full texts."""

from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse

from core.dates import DatePrecision, bounds, edtf_day, format_date
from core.records import ArchiveRecord


class Inference(models.TextChoices):
    """What a value no witness states is inferred from (a citation's claim, a
    plenary's host country)."""

    NONE = "", "stated"
    CITY = "city", "inferred from the city"
    CHAIR = "chair", "inferred from the chair's country"


class SourceDocumentQuerySet(models.QuerySet):
    def with_fact_count(self):
        """Each document's number of citations, as `fact_count`.

        A subquery rather than Count(): Count() groups the whole query, a grouped
        query drops the default ordering (the list came unordered), and a page of
        50 then still joined every citation before the sort. COUNT(*) of the rows
        with that source can be read off the citations' source index alone.
        """
        citations = self.model._meta.get_field("citations").related_model.objects
        counted = (
            citations.filter(source=models.OuterRef("pk"))
            .order_by()
            .values("source")
            .annotate(count=models.Count("*"))
            .values("count")
        )
        return self.annotate(fact_count=Coalesce(models.Subquery(counted), 0))


class SourceDocumentManager(models.Manager.from_queryset(SourceDocumentQuerySet)):
    def get_by_natural_key(self, file_name):
        return self.get(file_name=file_name)


class SourceDocument(ArchiveRecord):
    """A document the archive cites: its bibliographic record, its original
    address and, where the archive holds it, its full text."""

    class Kind(models.TextChoices):
        STATEMENT = "statement", "Plenary public statement"
        CHAIR_REPORT = "chair-report", "Chair's report"
        OVERVIEW = "overview", "Overview"
        PRESENTATION = "presentation", "Presentation"
        FACT_SHEET = "fact-sheet", "Fact sheet"
        CABLE = "cable", "Diplomatic cable"
        PRESS_RELEASE = "press-release", "Press release"
        SPEECH = "speech", "Speech"
        ENCYCLOPEDIA = "encyclopedia", "Encyclopedia article"
        PARLIAMENTARY_RECORD = "parliamentary-record", "Parliamentary record"

    file_name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    title = models.CharField(max_length=500)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    publisher = models.CharField(max_length=200, blank=True)
    published = models.DateField(null=True, blank=True)
    published_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    url = models.URLField("original address", max_length=500, blank=True)
    plenary = models.ForeignKey(
        "plenaries.Plenary",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reported_by",
        help_text="The plenary the document reports on, where it reports on one.",
    )
    text = models.TextField("full text", blank=True)
    held = models.BooleanField(
        "held in full text",
        default=True,
        help_text="Off for a document the archive does not hold: its facts are "
        "cited from the original, at its address.",
    )
    note = models.TextField(
        "archivist's note", blank=True, help_text="What the archivist notes of it."
    )
    unread_reason = models.TextField(
        blank=True,
        help_text="Why no meeting could be read from it, where none could.",
    )
    original = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name="official original",
        help_text="For a copy of a meeting's statement (a government's copy, a "
        "cable carrying it), the statement it copies, where the archive knows it.",
    )

    objects = SourceDocumentManager()

    class Meta(ArchiveRecord.Meta):
        ordering = ["published", "title"]
        # The source list's order: a page of 50 read off the index, its kind
        # filter too (a kind is too large a share of the documents for an index).
        indexes = [
            models.Index(fields=["published", "title"], name="source_published_idx")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("evidence:detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.file_name,)

    @property
    def is_primary(self):
        """Statements and chair's reports speak for the meeting; overviews report."""
        return self.kind in {self.Kind.STATEMENT, self.Kind.CHAIR_REPORT}

    @property
    def published_display(self):
        return format_date(self.published, self.published_precision)

    @property
    def published_edtf(self):
        """The day of publication in EDTF, as precise as it is known: '2016-10-21',
        '1994-10', '1987'; blank where unknown."""
        earliest, latest = bounds(self.published, self.published_precision)
        return edtf_day(earliest, latest, self.published_precision)

    @property
    def is_copy(self):
        """A statement published by someone other than the regime: a host
        government's copy of it."""
        return self.kind == self.Kind.STATEMENT and not self.publisher.startswith(
            "MTCR"
        )

    @property
    def kind_label(self):
        """What the document is: 'Chair's report', 'Diplomatic cable', or for a
        host government's copy, 'Government of the Netherlands's copy of the
        plenary public statement'."""
        if self.is_copy:
            return f"{self.publisher}'s copy of the plenary public statement"
        return self.get_kind_display()
