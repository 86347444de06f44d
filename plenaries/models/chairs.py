"""The chair of the regime: terms, joint chairmanships and the people who served."""

from django.db import connections, models
from django.urls import reverse
from django.utils.http import urlencode

from core.records import ArchiveRecord
from evidence.models import Citation

from .plenaries import Plenary


class ChairmanshipQuerySet(models.QuerySet):
    def with_people(self):
        return self.select_related(
            "start_plenary__country", "end_plenary__country"
        ).prefetch_related(
            "countries",
            models.Prefetch("people", queryset=ChairPerson.objects.with_person()),
        )

    def for_list(self):
        """What the chair list shows of each term, as lists: `country_list`,
        `person_list` and `citation_list` (the passages with their documents'
        titles, not their texts).

        Lists rather than related managers: to hold prefetched rows in a manager,
        Django builds a queryset for every row and relation. The plenaries come
        without their long texts: a page of 50 is sorted out of every term, each
        row carrying what was selected with it.
        """
        long_texts = [
            f"{end}_plenary__{name}"
            for end in ("start", "end")
            for name in Plenary.LONG_TEXTS
        ]
        return (
            self.select_related("start_plenary__country", "end_plenary__country")
            .defer(*long_texts)
            .prefetch_related(
                models.Prefetch("countries", to_attr="country_list"),
                models.Prefetch(
                    "people",
                    queryset=ChairPerson.objects.with_person(),
                    to_attr="person_list",
                ),
                models.Prefetch(
                    "citations",
                    queryset=Citation.objects.with_source_line(),
                    to_attr="citation_list",
                ),
            )
        )

    def for_links(self):
        """What naming a term and linking to it needs: its first plenary, without
        the long texts, and its `country_list` and `person_list` (lists, as in
        for_list)."""
        long_texts = [f"start_plenary__{name}" for name in Plenary.LONG_TEXTS]
        return (
            self.select_related("start_plenary__country")
            .defer("announced", "notes", *long_texts)
            .prefetch_related(
                models.Prefetch("countries", to_attr="country_list"),
                models.Prefetch(
                    "people",
                    queryset=ChairPerson.objects.with_person(),
                    to_attr="person_list",
                ),
            )
        )

    def for_export(self):
        """The columns an export reads, the plenaries' beside them (no Plenary per
        row); the export reads countries and people apart."""
        return self.only("slug").annotate(
            start_plenary_slug=models.F("start_plenary__slug"),
            start_plenary_date=models.F("start_plenary__start_date"),
            start_plenary_end=models.F("start_plenary__end_date"),
            start_plenary_precision=models.F("start_plenary__date_precision"),
            end_plenary_slug=models.F("end_plenary__slug"),
            end_plenary_date=models.F("end_plenary__start_date"),
            end_plenary_end=models.F("end_plenary__end_date"),
            end_plenary_precision=models.F("end_plenary__date_precision"),
        )

    def begun_or_ended_at(self, plenary):
        """The terms that began or ended at a plenary, with countries and people.

        One query for both (and one each for countries and people), where a
        prefetch per direction would take twice as many.
        """
        return self.filter(
            models.Q(start_plenary=plenary) | models.Q(end_plenary=plenary)
        ).prefetch_related(
            "countries",
            models.Prefetch("people", queryset=ChairPerson.objects.with_person()),
        )

    def listed_before(self, slug):
        """These terms that the chair list shows before the one with `slug` (none
        if it is not among them).

        The list's order is Meta.ordering: by first plenary's date, then slug. A
        term with no first plenary (its plenary deleted) has no date, and sorts
        where the database puts NULLs: last on PostgreSQL, first on SQLite.
        """
        found = self.filter(slug=slug).values_list("start_plenary__start_date")[:1]
        if not found:
            return self.none()
        day = found[0][0]
        undated = models.Q(start_plenary__start_date__isnull=True)
        nulls_last = connections[self.db].features.nulls_order_largest
        if day is None:
            before = undated & models.Q(slug__lt=slug)
            if nulls_last:
                before |= ~undated
        else:
            before = models.Q(start_plenary__start_date__lt=day) | models.Q(
                start_plenary__start_date=day, slug__lt=slug
            )
            if not nulls_last:
                before |= undated
        return self.filter(before)

    def held_on(self, day):
        """The term running on a day: begun at a plenary on or before it, not ended."""
        return self.filter(start_plenary__start_date__lte=day).exclude(
            end_plenary__start_date__lte=day
        )


class ChairmanshipManager(models.Manager.from_queryset(ChairmanshipQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Chairmanship(ArchiveRecord):
    """A term of the chair, held by one country or jointly by several."""

    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="<first year>-<countries>, e.g. 2016-korea",
    )
    countries = models.ManyToManyField("members.Country", related_name="chairmanships")
    start_plenary = models.ForeignKey(
        "plenaries.Plenary",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chairmanships_begun",
        help_text="The plenary at which the term began.",
    )
    end_plenary = models.ForeignKey(
        "plenaries.Plenary",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chairmanships_ended",
        help_text="The plenary at which the term ended.",
    )
    announced = models.TextField(
        blank=True, help_text="How the term was announced before it began, as stated."
    )
    countries_inferred = models.BooleanField(
        "chair inferred from the host",
        default=False,
        help_text="On where no witness names the chair: the plenary's host is "
        "taken to chair until the next plenary, as the regime's practice is.",
    )
    notes = models.TextField(blank=True)

    objects = ChairmanshipManager()
    _history_m2m_fields = ["countries"]

    class Meta(ArchiveRecord.Meta):
        ordering = ["start_plenary__start_date", "slug"]

    def __str__(self):
        countries = " and ".join(country.name for country in self.countries.all())
        return f"Chair: {countries or self.slug}"

    def get_absolute_url(self):
        return self.url_for(self.slug)

    @staticmethod
    def url_for(slug):
        """The term's place in the chair list, from the slug alone (for rows read
        as values): ?entry= opens the list at the page holding it, and the
        fragment scrolls to it."""
        return f"{reverse('plenaries:chairs')}?{urlencode({'entry': slug})}#{slug}"

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["members.country", "plenaries.plenary"]

    @property
    def is_joint(self):
        return len(self.countries.all()) > 1

    # A term begins and ends at a plenary: its dates are the meetings' (read with
    # the term, as /data/ reads its plenaries).
    @property
    def start_edtf(self):
        """The dates of the plenary it began at, in EDTF ('1999-10-11/1999-10-15',
        '1988'); blank where none is recorded."""
        return self.start_plenary.dates_edtf if self.start_plenary else ""

    @property
    def end_edtf(self):
        """The dates of the plenary it ended at, in EDTF; blank while it runs or
        where no end is recorded."""
        return self.end_plenary.dates_edtf if self.end_plenary else ""


class PersonManager(models.Manager):
    def get_by_natural_key(self, key):
        return self.get(key=key)


class Person(ArchiveRecord):
    """One human being who chaired the regime or one of its meetings."""

    key = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The name as one key, however spelt, e.g. per-fisher.",
    )
    name = models.CharField(max_length=200, help_text="As the archive writes it.")
    variants = models.JSONField(
        default=list,
        blank=True,
        help_text='Other spellings the sources use, e.g. ["Per Fischer"].',
    )
    notes = models.TextField(blank=True)

    objects = PersonManager()

    class Meta(ArchiveRecord.Meta):
        ordering = ["name", "key"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('plenaries:chairs')}?{urlencode({'person': self.key})}"

    def natural_key(self):
        return (self.key,)


class ChairPersonQuerySet(models.QuerySet):
    def with_person(self):
        return self.select_related("person")


class ChairPersonManager(models.Manager.from_queryset(ChairPersonQuerySet)):
    def get_by_natural_key(self, chairmanship_slug, person_key):
        return self.get(chairmanship__slug=chairmanship_slug, person__key=person_key)


class ChairPerson(ArchiveRecord):
    """A person's role in a chairmanship: its chair, a co-chair, or who chaired
    one of its meetings; the witnesses are the chairmanship's citations on
    "person:<key>"."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        CO_CHAIR = "co-chair", "Co-chair"
        SESSION_CHAIR = "session-chair", "Chaired the meeting"

    chairmanship = models.ForeignKey(
        Chairmanship, on_delete=models.CASCADE, related_name="people"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=20, choices=Role, default=Role.CHAIR)
    title = models.CharField(
        max_length=100, blank=True, help_text="As held then, e.g. Ambassador"
    )
    position = models.CharField(max_length=300, blank=True)
    described = models.CharField(
        max_length=300,
        blank=True,
        help_text="How the sources describe the role, e.g. outgoing Chair; "
        "Chair of the MTCR until the next plenary",
    )

    objects = ChairPersonManager()

    class Meta(ArchiveRecord.Meta):
        ordering = ["chairmanship", "pk"]
        verbose_name = "chair (person)"
        verbose_name_plural = "chairs (people)"
        constraints = [
            *ArchiveRecord.Meta.constraints,
            models.UniqueConstraint(
                fields=["chairmanship", "person"], name="one_role_per_person_and_term"
            ),
        ]

    def __str__(self):
        return self.name_for(self.title, self.person.name)

    @staticmethod
    def name_for(title, name):
        """The title and name as one, from the columns (for rows read as values)."""
        return f"{title} {name}".strip()

    def get_absolute_url(self):
        return self.chairmanship.get_absolute_url()

    def natural_key(self):
        return (self.chairmanship.slug, self.person.key)

    natural_key.dependencies = ["plenaries.chairmanship", "plenaries.person"]

    @property
    def citation_field(self):
        """The field of the chairmanship's citations that witness this role."""
        return f"person:{self.person.key}"[:50]
