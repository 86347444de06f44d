"""Revisions of the Equipment, Software and Technology Annex."""

from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.http import urlencode

from core.dates import DatePrecision, edtf_day, format_interval
from core.records import ArchiveRecord


class AnnexRevisionQuerySet(models.QuerySet):
    def in_force_on(self, day):
        return self.filter(date__lte=day).order_by("-date")

    def with_plenary(self):
        return self.select_related("adopted_at__country")

    def for_list(self):
        """What the Annex list shows: each revision with its adopting plenary
        (without the plenary's long texts) and its `citation_list` (the passages
        with their documents' titles, not their texts)."""
        from evidence.models import Citation
        from plenaries.models import Plenary

        long_texts = [f"adopted_at__{name}" for name in Plenary.LONG_TEXTS]
        return (
            self.with_plenary()
            .defer(*long_texts)
            .prefetch_related(
                models.Prefetch(
                    "citations",
                    queryset=Citation.objects.with_source_line(),
                    to_attr="citation_list",
                )
            )
        )

    def listed_before(self, slug):
        """These revisions that the Annex list shows before the one with `slug`
        (Meta.ordering: by earliest day, latest day, slug); none if it is not
        among them."""
        latest_or_date = Coalesce("latest_day", "date")
        found = (
            self.filter(slug=slug)
            .annotate(latest=latest_or_date)
            .values_list("date", "latest")[:1]
        )
        if not found:
            return self.none()
        day, latest = found[0]
        return self.alias(latest=latest_or_date).filter(
            models.Q(date__lt=day)
            | models.Q(date=day, latest__lt=latest)
            | models.Q(date=day, latest=latest, slug__lt=slug)
        )

    def for_export(self):
        """The columns an export reads, the plenary's slug beside them (no Plenary
        per row); the export reads the evidence apart."""
        return self.only(
            "slug",
            "date",
            "date_precision",
            "latest_day",
            "adopted_at_inferred",
            "summary",
            "description",
            "meeting",
        ).annotate(adopted_at_slug=models.F("adopted_at__slug"))


class AnnexRevisionManager(models.Manager.from_queryset(AnnexRevisionQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class AnnexRevision(ArchiveRecord):
    """A dated revision, update or amendment of the Annex."""

    slug = models.SlugField(max_length=120, unique=True)
    date = models.DateField(help_text="The earliest day it may have been made.")
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    latest_day = models.DateField(
        null=True,
        blank=True,
        help_text="The latest day it may have been made: the last day of its "
        "plenary, month or year; `date` itself where the day is known.",
    )
    summary = models.CharField(max_length=300, help_text="What changed, in a line.")
    description = models.TextField(blank=True)
    adopted_at = models.ForeignKey(
        "plenaries.Plenary",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="annex_revisions",
        help_text="The plenary that adopted it, where one did.",
    )
    adopted_at_inferred = models.BooleanField(
        "adoption inferred",
        default=False,
        help_text="On where no witness says the plenary adopted it: it is inferred "
        "from its date falling in the meeting.",
    )
    meeting = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where no plenary adopted it: the body that did, e.g. the TEM.",
    )

    objects = AnnexRevisionManager()

    class Meta(ArchiveRecord.Meta):
        ordering = ["date", "latest_day", "slug"]
        indexes = [models.Index(fields=["date"], name="annex_date_idx")]

    def __str__(self):
        return f"Annex revision, {self.date_display}"

    def get_absolute_url(self):
        return self.url_for(self.slug)

    @staticmethod
    def url_for(slug):
        """The revision's place in the Annex list, from the slug alone (for rows
        read as values): ?entry= opens the list at the page holding it, and the
        fragment scrolls to it."""
        return f"{reverse('annex:list')}?{urlencode({'entry': slug})}#{slug}"

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["plenaries.plenary"]

    @property
    def date_display(self):
        """'18 November 2011', 'November 1991', 'between 29 November 1993 and
        2 December 1993' (during a plenary)."""
        return format_interval(
            self.date, self.latest_day or self.date, self.date_precision
        )

    @property
    def date_edtf(self):
        """The day it was made in EDTF: '2011-11-18', '1991-11',
        '[1993-11-29..1993-12-02]' (during a plenary)."""
        return edtf_day(self.date, self.latest_day or self.date, self.date_precision)
