"""Plenary meetings and the UN Security Council resolutions their texts cite."""

from django.db import models
from django.urls import reverse

from core.dates import (
    DatePrecision,
    edtf_span,
    format_date,
    format_range,
    iso_date,
)
from core.functions import YearOf
from core.records import ArchiveRecord
from evidence.models import Inference


class ResolutionManager(models.Manager):
    def get_by_natural_key(self, number):
        return self.get(number=number)


class Resolution(ArchiveRecord):
    """A UN Security Council resolution, cited by number."""

    number = models.PositiveIntegerField(unique=True)

    objects = ResolutionManager()

    class Meta(ArchiveRecord.Meta):
        ordering = ["number"]

    def __str__(self):
        return f"UNSCR {self.number}"

    def natural_key(self):
        return (self.number,)


def _has_statement():
    """Whether a plenary has a statement, asked of the database, which then need
    not send the statement, a long text, along."""
    return models.ExpressionWrapper(
        ~models.Q(statement=""), output_field=models.BooleanField()
    )


class PlenaryQuerySet(models.QuerySet):
    def for_export(self):
        """The columns an export reads, the host's beside them (no Country per row),
        and whether there is a statement, not its text, which is long."""
        return self.only(
            "number", "slug", "city", "start_date", "end_date", "date_precision"
        ).annotate(
            country_name=models.F("country__name"),
            country_code=models.F("country__iso_code"),
            has_statement=_has_statement(),
        )

    def on_or_before(self, day):
        return self.filter(start_date__lte=day)

    def possibly_on(self, day):
        """The plenaries that may have been in session on a day: between the
        earliest first day (start_date) and the latest last day (latest_day; an
        open end may run on)."""
        return self.filter(start_date__lte=day).filter(
            models.Q(latest_day__gte=day) | models.Q(latest_day__isnull=True)
        )

    def date_rows(self):
        """(pk, number, start_date) of each plenary, in date order."""
        return list(
            self.order_by("start_date", "slug").values_list(
                "pk", "number", "start_date"
            )
        )

    def with_place(self):
        return self.select_related("country", "next_host")

    def for_links(self):
        """What naming and linking a plenary needs: the host, not the long texts."""
        return self.select_related("country").defer(*Plenary.LONG_TEXTS)

    def around(self, plenary):
        """The plenaries just before and just after one, by opening date (at most
        two), in one query: each side's nearest is a subquery on the date index."""
        before = self.filter(start_date__lt=plenary.start_date).order_by("-start_date")
        after = self.filter(start_date__gt=plenary.start_date).order_by("start_date")
        return self.for_links().filter(
            models.Q(pk=models.Subquery(before.values("pk")[:1]))
            | models.Q(pk=models.Subquery(after.values("pk")[:1]))
        )

    def neighbours(self, plenary):
        """(the plenary before, the plenary after); None at either end."""
        sides = {
            other.start_date > plenary.start_date: other
            for other in self.around(plenary)
        }
        return sides.get(False), sides.get(True)

    def per_year(self):
        """One row per year with plenaries: how many, and the particulars of the
        first, which are the plenary's own when it is the year's only one."""
        return (
            self.order_by()
            .values(year=YearOf("start_date"))
            .annotate(
                plenaries=models.Count("pk"),
                first_date=models.Min("start_date"),
                slug=models.Min("slug"),
                number=models.Min("number"),
                city=models.Min("city"),
                country_name=models.Min("country__name"),
            )
            .order_by("year")
        )

    def for_list(self):
        """What the plenary list shows of each: its host (not the next host, which
        only its own page shows), whether it has a statement (`has_statement`, not
        the statement), `resolution_list`: the resolutions it cites, and
        `chair_terms`: the terms begun at it, each with its `country_list` and
        `person_list`.

        Lists rather than related managers: to hold prefetched rows in a manager,
        Django builds a filtered queryset for every row and relation, which costs
        more than the queries on a page of plenaries.

        The terms are reached through the relation (chairs.py builds on this
        module, so this one does not import it).
        """
        terms = self.model._meta.get_field("chairmanships_begun").related_model.objects
        people = terms.model._meta.get_field("people").related_model.objects
        return (
            self.for_links()
            .annotate(has_statement=_has_statement())
            .prefetch_related(
                models.Prefetch("resolutions", to_attr="resolution_list"),
                models.Prefetch(
                    "chairmanships_begun",
                    queryset=terms.prefetch_related(
                        models.Prefetch("countries", to_attr="country_list"),
                        models.Prefetch(
                            "people",
                            queryset=people.select_related("person"),
                            to_attr="person_list",
                        ),
                    ),
                    to_attr="chair_terms",
                ),
            )
        )


class PlenaryManager(models.Manager.from_queryset(PlenaryQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Plenary(ArchiveRecord):
    """A plenary meeting of the regime, as precise as its sources are."""

    LONG_TEXTS = ("statement", "summary", "next_announcement")

    number = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Blank for the early meetings the sources do not number.",
    )
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="<year>-<city>, or <year>-<country> if no city.",
    )
    city = models.CharField(max_length=100, blank=True)
    country = models.ForeignKey(
        "members.Country",
        on_delete=models.PROTECT,
        related_name="plenaries_hosted",
        verbose_name="host country",
    )
    country_inferred = models.CharField(
        "host country inferred",
        max_length=10,
        blank=True,
        choices=Inference.choices,
        help_text="Set where no witness names the host country: what the archive "
        "infers it from (the city).",
    )
    start_date = models.DateField(
        help_text="The first day; of a month or year, its first day (the earliest)."
    )
    end_date = models.DateField(
        null=True,
        blank=True,
        help_text="The last day; blank where no witness gives one (the opening day "
        "alone is known).",
    )
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    latest_day = models.DateField(
        null=True,
        blank=True,
        help_text="The last day the meeting may have run (31 December of a "
        "year-only meeting); blank where the end is not known.",
    )
    opened_by = models.CharField(
        max_length=300, blank=True, help_text="Who opened or inaugurated the meeting."
    )
    statement = models.TextField(
        "public statement", blank=True, help_text="Markdown. Empty where none is known."
    )
    summary = models.TextField(blank=True, help_text="Markdown.")
    next_host = models.ForeignKey(
        "members.Country",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plenaries_announcing_as_host",
        help_text="The next host as announced at or after this meeting.",
    )
    next_announcement = models.TextField(
        blank=True, help_text="What was announced of the next meeting, as stated."
    )
    resolutions = models.ManyToManyField(
        Resolution,
        blank=True,
        related_name="plenaries",
        verbose_name="UNSC resolutions cited",
    )
    countries_of_concern = models.ManyToManyField(
        "members.Country", blank=True, related_name="plenaries_concerned"
    )
    regions_of_concern = models.ManyToManyField(
        "members.Region", blank=True, related_name="plenaries_concerned"
    )
    countries_named = models.ManyToManyField(
        "members.Country",
        blank=True,
        related_name="plenaries_naming",
        help_text="Every country the meeting's texts name.",
    )

    objects = PlenaryManager()
    _history_m2m_fields = [
        "resolutions",
        "countries_of_concern",
        "regions_of_concern",
        "countries_named",
    ]

    class Meta(ArchiveRecord.Meta):
        ordering = ["start_date"]
        verbose_name_plural = "plenaries"
        constraints = [
            *ArchiveRecord.Meta.constraints,
            models.UniqueConstraint(fields=["number"], name="unique_plenary_number"),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="plenary_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["start_date"], name="plenary_start_idx"),
            # A host's plenaries in date order: its country page shows the latest
            # ten, the plenary list filtered by host sorts them by date.
            models.Index(
                fields=["country", "start_date"], name="plenary_host_start_idx"
            ),
        ]

    def __str__(self):
        return self.name_for(
            self.number, self.city or self.country.name, self.start_date.year
        )

    def get_absolute_url(self):
        return reverse("plenaries:detail", kwargs={"slug": self.slug})

    @staticmethod
    def name_for(number, place, year):
        """A plenary's name, "30th plenary, Busan 2016", from its columns (for rows
        read as values)."""
        if number:
            return f"{ordinal(number)} plenary, {place} {year}"
        return f"Plenary, {place} {year}"

    @staticmethod
    def url_for(slug):
        """The plenary's URL, from the slug alone (for rows read as values)."""
        return reverse("plenaries:detail", kwargs={"slug": slug})

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["members.country"]

    @property
    def dates_display(self):
        """'11–15 October 1999', '1988', 'opened 24 October 2012' (no last day)."""
        if self.end_date is None:
            return f"opened {format_date(self.start_date, self.date_precision)}"
        return format_range(self.start_date, self.end_date, self.date_precision)

    @property
    def start_iso(self):
        """The first day as precise as the witnesses give it, for <time>: '1988',
        '1994-10', '2016-10-17'."""
        return iso_date(self.start_date, self.date_precision)

    @property
    def dates_edtf(self):
        """The dates in EDTF: '1999-10-11/1999-10-15', '1988', '2012-10-24/..'."""
        return edtf_span(self.start_date, self.end_date, self.date_precision)

    @property
    def last_known_day(self):
        """The last day a witness gives: the end, else the opening day."""
        return self.end_date or self.start_date

    @property
    def place_display(self):
        return f"{self.city}, {self.country}" if self.city else str(self.country)


def ordinal(number):
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
