"""factory_boy factories for every model of the archive, with realistic defaults.

tests/small_archive.py builds a small archive of them.
"""

import datetime

import factory
from django.conf import settings
from django.utils.text import slugify

from annex.models import AnnexRevision
from core.dates import DatePrecision, bounds
from evidence.models import Citation, SourceDocument
from members.models import Adherence, Country, Membership, Region
from plenaries.models import (
    Chairmanship,
    ChairPerson,
    Event,
    Person,
    Plenary,
    Resolution,
)

# Real partners and their codes, handed out in turn so that records look like the
# archive's own; past the end of the list the names are made up.
COUNTRIES = [
    ("Argentina", "AR"),
    ("Switzerland", "CH"),
    ("Korea", "KR"),
    ("Norway", "NO"),
    ("Brazil", "BR"),
    ("Netherlands", "NL"),
    ("Luxembourg", "LU"),
    ("Ireland", "IE"),
    ("Iceland", "IS"),
    ("India", "IN"),
    ("New Zealand", "NZ"),
    ("Greece", "GR"),
]
CITIES = ["Busan", "Montreux", "Buenos Aires", "Oslo", "Rio de Janeiro", "Dublin"]


def _country(n):
    if n < len(COUNTRIES):
        return COUNTRIES[n]
    # Codes XA-XZ are user-assigned in ISO 3166-1, never a real country's.
    return f"Country {n}", "X" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[n % 26]


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ["iso_code"]

    name = factory.Sequence(lambda n: _country(n)[0])
    iso_code = factory.Sequence(lambda n: _country(n)[1])
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    other_names = factory.LazyAttribute(lambda o: [f"the Republic of {o.name}"])


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


def _interval(kwargs, name):
    """A single date `name` (and `<name>_is_upper_bound`) as the interval fields."""
    upper = kwargs.pop(f"{name}_is_upper_bound", False)
    if name in kwargs:
        value = kwargs.pop(name)
        precision = kwargs.get(f"{name}_precision", DatePrecision.DAY)
        earliest, latest = bounds(value, precision)
        kwargs[f"{name}_earliest"] = None if upper else earliest
        kwargs[f"{name}_latest"] = latest
    return kwargs


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    country = factory.SubFactory(CountryFactory)
    since_earliest = datetime.date(1993, 3, 1)
    since_latest = datetime.date(1993, 3, 31)
    since_precision = DatePrecision.MONTH

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        """`since=` (with `since_is_upper_bound=`) sets both bounds, as a date of
        the precision given stands for (by that date: the latest alone)."""
        return _interval(kwargs, "since")


class AdherenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Adherence

    country = factory.SubFactory(CountryFactory)
    kind = Adherence.Kind.PLEDGED
    declared_earliest = datetime.date(2005, 7, 18)
    declared_latest = datetime.date(2005, 7, 18)
    declared_precision = DatePrecision.DAY

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        return _interval(kwargs, "declared")


class ResolutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resolution
        django_get_or_create = ["number"]

    number = factory.Sequence(lambda n: 1540 + n)


class PlenaryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plenary

    # Past the real meetings, so that a test's own plenaries never collide with
    # the numbers and years build_archive() gives.
    number = factory.Sequence(lambda n: 40 + n)
    city = factory.Sequence(lambda n: CITIES[n % len(CITIES)])
    country = factory.SubFactory(CountryFactory)
    start_date = factory.Sequence(lambda n: datetime.date(2030 + n, 10, 17))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(4))
    date_precision = DatePrecision.DAY
    slug = factory.LazyAttribute(
        lambda o: f"{o.start_date.year}-{slugify(o.city or o.country.name)}"
    )


class SourceDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceDocument

    file_name = factory.Sequence(lambda n: f"statement-{n}.txt")
    slug = factory.LazyAttribute(lambda o: slugify(o.file_name.removesuffix(".txt")))
    title = factory.Sequence(lambda n: f"Public Statement from the Plenary Meeting {n}")
    kind = SourceDocument.Kind.STATEMENT
    publisher = "MTCR"
    published = datetime.date(2016, 10, 21)
    url = "https://mtcr.info/"
    # The text of a real statement, so that passages are quoted from a real document.
    text = factory.LazyFunction(
        lambda: (settings.SOURCES_DIR / "busan-2016-statement.txt").read_text()
    )


class ChairmanshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chairmanship
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"{2000 + n}-chair-{n}")
    start_plenary = factory.SubFactory(PlenaryFactory)

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create:
            self.countries.set(extracted or [self.start_plenary.country])


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        django_get_or_create = ("key",)

    name = factory.Sequence(lambda n: f"Chair Person {n}")
    key = factory.LazyAttribute(lambda person: slugify(person.name))


class ChairPersonFactory(factory.django.DjangoModelFactory):
    """A person's role in a term; `name` names the person (one per name)."""

    class Meta:
        model = ChairPerson

    class Params:
        name = factory.Sequence(lambda n: f"Chair Person {n}")

    chairmanship = factory.SubFactory(ChairmanshipFactory)
    person = factory.SubFactory(PersonFactory, name=factory.SelfAttribute("..name"))
    title = "Ambassador"
    position = "Director-General"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    kind = Event.Kind.OUTREACH
    title = factory.Sequence(lambda n: f"Outreach mission {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    date = factory.Sequence(lambda n: datetime.date(2000 + n % 20, 3, 1))
    date_precision = DatePrecision.MONTH

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)


class AnnexRevisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnexRevision

    slug = factory.Sequence(lambda n: f"annex-{2000 + n}")
    date = factory.Sequence(lambda n: datetime.date(2000 + n % 20, 10, 1))
    date_precision = DatePrecision.MONTH
    summary = "Annex updated"


class CitationFactory(factory.django.DjangoModelFactory):
    """A citation of a plenary unless another record is given."""

    class Meta:
        model = Citation

    source = factory.SubFactory(SourceDocumentFactory)
    passage = factory.LazyAttribute(lambda o: o.source.text[:200])
    plenary = factory.Maybe(
        factory.LazyAttribute(
            lambda o: (
                not any(
                    getattr(o, name, None)
                    for name in Citation.FACT_FIELDS
                    if name != "plenary"
                )
            )
        ),
        yes_declaration=factory.SubFactory(PlenaryFactory),
        no_declaration=None,
    )
