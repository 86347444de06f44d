"""The other dated developments a timeline shows."""

from django.db import models
from django.urls import reverse

from core.dates import DatePrecision, edtf_span, format_range
from core.records import ArchiveRecord


class EventQuerySet(models.QuerySet):
    def with_countries(self):
        return self.prefetch_related("countries")


class EventManager(models.Manager.from_queryset(EventQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Event(ArchiveRecord):
    """A dated development: an outreach mission, a seminar, a statement, ..."""

    class Kind(models.TextChoices):
        OUTREACH = "outreach", "Outreach mission"
        SEMINAR = "seminar", "Seminar or conference"
        STATEMENT = "statement", "Statement"
        ANNIVERSARY = "anniversary", "Anniversary"
        ANNOUNCEMENT = "announcement", "Announcement"
        DEVELOPMENT = "development", "Other development"

    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    countries = models.ManyToManyField(
        "members.Country", blank=True, related_name="events"
    )
    plenary = models.ForeignKey(
        "plenaries.Plenary",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        help_text="The plenary the event belongs to or follows up, if any.",
    )

    objects = EventManager()
    _history_m2m_fields = ["countries"]

    class Meta(ArchiveRecord.Meta):
        ordering = ["date", "slug"]
        constraints = [
            *ArchiveRecord.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("date")),
                name="event_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["date"], name="event_date_idx")]

    def __str__(self):
        return f"{self.title} ({self.dates_display})"

    def get_absolute_url(self):
        # The timeline pages, so the link narrows it to the event's year and kind:
        # a short list, whose first page holds the anchor.
        year = self.date.year
        query = f"kind=event&year_from={year}&year_to={year}"
        return f"{reverse('timeline:home')}?{query}#event-{self.slug}"

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["members.country", "plenaries.plenary"]

    @property
    def dates_display(self):
        return format_range(self.date, self.end_date, self.date_precision)

    @property
    def dates_edtf(self):
        """The days it took in EDTF: '2003-05-12/2003-05-14', '1994-10'; an event
        without an end date took one day."""
        return edtf_span(self.date, self.end_date or self.date, self.date_precision)
