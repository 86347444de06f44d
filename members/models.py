"""Countries, and their partnership in or adherence to the regime."""

from django.db import models
from django.db.models import Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from core.dates import DatePrecision, format_date
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


class MembershipQuerySet(models.QuerySet):
    def on(self, day):
        """Partners on a given day: joined on or before it (at the precision known)."""
        return self.filter(since__lte=day)

    def countries(self):
        """The countries of these partnerships, by name."""
        return Country.objects.filter(membership__in=self)

    def with_country(self):
        return self.select_related("country")

    def for_export(self):
        """Only the columns an export reads; it reads the evidence apart."""
        return self.with_country().only(
            "since", "since_precision", "since_is_upper_bound", "founding",
            "country__name", "country__iso_code", "country__slug",
        )  # fmt: skip


class MembershipManager(models.Manager.from_queryset(MembershipQuerySet)):
    def get_by_natural_key(self, iso_code):
        return self.get(country__iso_code=iso_code)


class Membership(ArchiveRecord):
    """A country's partnership in the regime: when it began, and the evidence."""

    country = models.OneToOneField(
        Country, on_delete=models.CASCADE, related_name="membership"
    )
    since = models.DateField(
        null=True,
        blank=True,
        help_text="When the partnership began, or the latest date by which it had.",
    )
    since_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    since_is_upper_bound = models.BooleanField(
        "partner by this date",
        default=False,
        help_text="The sources only show the country already a partner on this date.",
    )
    founding = models.BooleanField(
        "founding partner", default=False, help_text="One of the seven of April 1987."
    )
    notes = models.TextField(blank=True)

    objects = MembershipManager()

    class Meta(ArchiveRecord.Meta):
        ordering = ["since", "country__name"]
        constraints = [
            *ArchiveRecord.Meta.constraints,
            models.UniqueConstraint(
                fields=["country"], name="one_membership_per_country"
            ),
        ]
        # The partner list's order, its year and "partners on" filters, the
        # timeline's partner entries.
        indexes = [models.Index(fields=["since"], name="membership_since_idx")]

    def __str__(self):
        return f"{self.country} (partner {self.since_display})"

    def get_absolute_url(self):
        return self.country.get_absolute_url()

    def natural_key(self):
        return self.country.natural_key()

    natural_key.dependencies = ["members.country"]

    @property
    def since_display(self):
        if self.since is None:
            return "date unknown"
        shown = format_date(self.since, self.since_precision)
        return f"by {shown}" if self.since_is_upper_bound else f"since {shown}"


class AdherenceQuerySet(models.QuerySet):
    def on(self, day):
        """Adherents on a given day: declared by then (or undated) and not yet ended."""
        return self.filter(
            models.Q(declared__lte=day) | models.Q(declared__isnull=True)
        ).exclude(ended__lte=day)

    def with_country(self):
        return self.select_related("country")

    def for_export(self):
        """Only the columns an export reads; it reads the evidence apart."""
        return self.with_country().only(
            "kind", "declared", "declared_precision", "declared_is_upper_bound",
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
    declared = models.DateField(null=True, blank=True)
    declared_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    declared_is_upper_bound = models.BooleanField(
        "declared by this date",
        default=False,
        help_text="The sources only show the adherence already declared on this date.",
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
                | models.Q(declared__isnull=True)
                | models.Q(ended__gte=models.F("declared")),
                name="adherence_ends_after_declared",
            ),
        ]
        # The adherent list's kind filter and order; the date of the timeline's
        # adherence entries and of "adherents on" a day.
        indexes = [
            models.Index(fields=["kind"], name="adherence_kind_idx"),
            models.Index(fields=["declared"], name="adherence_declared_idx"),
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
        if self.declared is None:
            return "date not stated"
        shown = format_date(self.declared, self.declared_precision)
        return f"by {shown}" if self.declared_is_upper_bound else shown
