"""Countries, and their partnership in or adherence to the regime."""

from django.db import models
from django.db.models import Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from core.dates import DatePrecision, bounds, edtf_day, format_interval
from core.records import ArchiveRecord


def counted(rows):
    """How many of `rows` point to the outer query's country (by their `country`
    key), as a subquery: a count of that key's index."""
    return Coalesce(
        Subquery(
            rows.filter(country=models.OuterRef("pk"))
            .order_by()
            .values("country")
            .annotate(count=models.Count("pk"))
            .values("count")
        ),
        0,
    )


class CountryQuerySet(models.QuerySet):
    def with_record_counts(self):
        """With how many plenaries each hosted (`hosted_count`), chair terms it held
        (`chairs_count`), plenaries whose texts name it (`named_count`) and name it
        as a concern (`concerned_count`): what its page counts but lists in part.

        Each counts one index (the plenaries' host key, the join tables' country
        key) in the country's own query. Counting the listed rows instead (a
        window over the list) read every one of them, joined, to show ten.
        """
        return self.annotate(
            hosted_count=counted(Country.plenaries_hosted.rel.related_model.objects),
            chairs_count=counted(Country.chairmanships.through.objects),
            named_count=counted(Country.plenaries_naming.through.objects),
            concerned_count=counted(Country.plenaries_concerned.through.objects),
        )


class CountryManager(models.Manager.from_queryset(CountryQuerySet)):
    def get_by_natural_key(self, iso_code):
        return self.get(iso_code=iso_code)


class Country(ArchiveRecord):
    """A state as the archive names it, with the other spellings the documents use."""

    name = models.CharField(max_length=100, unique=True)
    iso_code = models.CharField(
        "ISO 3166-1 alpha-2 code", max_length=2, unique=True, help_text="e.g. KR"
    )
    slug = models.SlugField(max_length=100, unique=True)
    other_names = models.JSONField(
        default=list,
        blank=True,
        help_text='Other spellings in the documents, e.g. ["South Korea", "Korea"].',
    )

    objects = CountryManager()

    class Meta(ArchiveRecord.Meta):
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("members:detail", kwargs={"slug": self.slug})

    @staticmethod
    def url_for(slug):
        """The country page's URL, from the slug alone (for rows read as values)."""
        return reverse("members:detail", kwargs={"slug": slug})

    def natural_key(self):
        return (self.iso_code,)


class RegionManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Region(ArchiveRecord):
    """A region the texts name as a concern, such as Northeast Asia."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    objects = RegionManager()

    class Meta(ArchiveRecord.Meta):
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class IntervalQuerySet(models.QuerySet):
    """Records that began on a day known only between two bounds: the fields
    `<interval>_earliest` (None: no evidence it had not yet begun) and
    `<interval>_latest` (None: no evidence it had already begun)."""

    interval = ""

    def _bounds(self):
        return f"{self.interval}_earliest", f"{self.interval}_latest"

    def certain_on(self, day):
        """Begun on or before `day`, whatever the evidence leaves open."""
        _, latest = self._bounds()
        return self.filter(**{f"{latest}__lte": day})

    def possible_on(self, day, last_day=None):
        """Perhaps begun by `day`: its interval spans the day. A day known only
        between `day` and `last_day` (a meeting dated to its month or year): the
        interval reaches into them, neither ended before nor begun after."""
        earliest, latest = self._bounds()
        return self.filter(
            models.Q(**{f"{earliest}__isnull": True})
            | models.Q(**{f"{earliest}__lte": last_day or day}),
            models.Q(**{f"{latest}__isnull": True})
            | models.Q(**{f"{latest}__gt": day}),
        )

    def not_yet_on(self, day):
        """Certainly not begun by `day`: the evidence shows it began later."""
        earliest, _ = self._bounds()
        return self.filter(**{f"{earliest}__gt": day})


class MembershipQuerySet(IntervalQuerySet):
    interval = "since"

    def on(self, day):
        """Partners on a given day, certainly (see certain_on)."""
        return self.certain_on(day)

    def countries(self):
        """The countries of these partnerships, by name."""
        return Country.objects.filter(membership__in=self)

    def with_country(self):
        return self.select_related("country")

    def for_export(self):
        """Only the columns an export reads; it reads the evidence apart."""
        return self.with_country().only(
            "since_earliest", "since_latest", "since_precision", "founding",
            "country__name", "country__iso_code", "country__slug",
        )  # fmt: skip


class MembershipManager(models.Manager.from_queryset(MembershipQuerySet)):
    def get_by_natural_key(self, iso_code):
        return self.get(country__iso_code=iso_code)


def _ordered_bounds(model, prefix, message):
    """The database's check that an interval's earliest day is not after its
    latest, with the `message` an editor reads when a form breaks it."""
    earliest, latest = f"{prefix}_earliest", f"{prefix}_latest"
    return models.CheckConstraint(
        condition=models.Q(**{f"{earliest}__isnull": True})
        | models.Q(**{f"{latest}__isnull": True})
        | models.Q(**{f"{latest}__gte": models.F(earliest)}),
        name=f"{model}_{prefix}_earliest_not_after_latest",
        violation_error_message=message,
    )


class Membership(ArchiveRecord):
    """A country's partnership in the regime: between which days it began, and the
    evidence."""

    country = models.OneToOneField(
        Country, on_delete=models.CASCADE, related_name="membership"
    )
    since_earliest = models.DateField(
        "began on or after",
        null=True,
        blank=True,
        help_text="The day after the latest evidence that it was not yet a partner "
        "(empty: no such evidence).",
    )
    since_latest = models.DateField(
        "began by",
        null=True,
        blank=True,
        help_text="The earliest day the evidence shows it a partner (empty: none).",
    )
    since_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    founding = models.BooleanField(
        "founding partner", default=False, help_text="One of the seven of April 1987."
    )
    notes = models.TextField(blank=True)

    objects = MembershipManager()

    class Meta(ArchiveRecord.Meta):
        ordering = [
            models.F("since_latest").asc(nulls_last=True),
            "since_earliest",
            "country__name",
        ]
        constraints = [
            *ArchiveRecord.Meta.constraints,
            models.UniqueConstraint(
                fields=["country"], name="one_membership_per_country"
            ),
            _ordered_bounds(
                "membership",
                "since",
                "“Began on or after” cannot be later than “began by”.",
            ),
        ]
        # "Partners on" a day (certainly, possibly, not yet), the list's order,
        # its year filters and the timeline's partner entries.
        indexes = [
            models.Index(fields=["since_latest"], name="membership_since_latest_idx"),
            models.Index(
                fields=["since_earliest"], name="membership_since_earliest_idx"
            ),
        ]

    def __str__(self):
        return f"{self.country} (partner {self.since_display})"

    def get_absolute_url(self):
        return self.country.get_absolute_url()

    def natural_key(self):
        return self.country.natural_key()

    natural_key.dependencies = ["members.country"]

    @property
    def since_display(self):
        """When it began, as a person would write it: '1990', 'by 5 October
        1998', 'between 7 November 1997 and 5 October 1998'."""
        return format_interval(
            self.since_earliest, self.since_latest, self.since_precision
        )

    @property
    def since_edtf(self):
        """When it began, in EDTF: '1990', '[1997-11-07..1998-10-05]'."""
        return edtf_day(self.since_earliest, self.since_latest, self.since_precision)

    @property
    def is_uncertain(self):
        """Whether the evidence leaves more than one day (or unit) for its start."""
        exact = bounds(self.since_earliest, self.since_precision)
        return exact != (self.since_earliest, self.since_latest)


class AdherenceQuerySet(IntervalQuerySet):
    interval = "declared"

    def on(self, day):
        """Adherents on a given day: declared by then, certainly, or undated, and
        not yet ended."""
        return self.filter(
            models.Q(declared_latest__lte=day)
            | models.Q(declared_latest__isnull=True, declared_earliest__isnull=True)
        ).exclude(ended__lte=day)

    def with_country(self):
        return self.select_related("country")

    def for_export(self):
        """Only the columns an export reads; it reads the evidence apart."""
        return self.with_country().only(
            "kind", "declared_earliest", "declared_latest", "declared_precision",
            "ended", "country__name", "country__iso_code", "country__slug",
        )  # fmt: skip


class AdherenceManager(models.Manager.from_queryset(AdherenceQuerySet)):
    def get_by_natural_key(self, iso_code, kind):
        return self.get(country__iso_code=iso_code, kind=kind)


class Adherence(ArchiveRecord):
    """A non-partner's commitment to apply the MTCR Guidelines."""

    class Kind(models.TextChoices):
        FORMAL = "formal", "Formal unilateral adherent"
        INFORMAL = "informal", "Adherent on a less formal basis"
        PLEDGED = "pledged", "Agreed or pledged to apply the Guidelines"

    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="adherences"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    declared_earliest = models.DateField("declared on or after", null=True, blank=True)
    declared_latest = models.DateField(
        "declared by",
        null=True,
        blank=True,
        help_text="The earliest day the evidence shows it declared (empty: none).",
    )
    declared_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    ended = models.DateField(
        null=True, blank=True, help_text="When the country became a partner."
    )
    notes = models.TextField(blank=True)

    objects = AdherenceManager()

    class Meta(ArchiveRecord.Meta):
        ordering = ["kind", "country__name"]
        constraints = [
            *ArchiveRecord.Meta.constraints,
            models.UniqueConstraint(
                fields=["country", "kind"], name="one_adherence_per_country_and_kind"
            ),
            models.CheckConstraint(
                condition=models.Q(ended__isnull=True)
                | models.Q(declared_earliest__isnull=True)
                | models.Q(ended__gte=models.F("declared_earliest")),
                name="adherence_ends_after_declared",
                violation_error_message="An adherence cannot end before the day "
                "it was “declared on or after”.",
            ),
            _ordered_bounds(
                "adherence",
                "declared",
                "“Declared on or after” cannot be later than “declared by”.",
            ),
        ]
        # The adherent list's kind filter and order; the date of the timeline's
        # adherence entries and of "adherents on" a day.
        indexes = [
            models.Index(fields=["kind"], name="adherence_kind_idx"),
            models.Index(fields=["declared_latest"], name="adherence_declared_idx"),
        ]

    def __str__(self):
        return f"{self.country}: {self.get_kind_display().lower()}"

    def get_absolute_url(self):
        return self.country.get_absolute_url()

    def natural_key(self):
        return (self.country.iso_code, self.kind)

    natural_key.dependencies = ["members.country"]

    @property
    def declared_display(self):
        if self.declared_earliest is None and self.declared_latest is None:
            return "date not stated"
        return format_interval(
            self.declared_earliest, self.declared_latest, self.declared_precision
        )

    @property
    def declared_edtf(self):
        """When it was declared, in EDTF: '1998', '[..2004-03-15]'."""
        return edtf_day(
            self.declared_earliest, self.declared_latest, self.declared_precision
        )
