"""factory_boy factories for every model of the archive, with realistic defaults.

`build_archive()` makes a small archive that touches every model, every many-to-many
relation and a citation of every kind of fact, including two sources that disagree.
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


def build_archive():
    """A small archive touching every model and relation; returns its main records."""
    countries = small_archive_countries()
    busan, early = small_archive_plenaries(countries)
    statement, overview = small_archive_sources(busan)
    records = small_archive_records(countries, early, busan)
    small_archive_citations(busan, statement, overview, records)
    return {
        "plenary": busan,
        "early_plenary": early,
        **records,
        "source": statement,
    }


def small_archive_countries():
    """Korea, the Netherlands, Luxembourg, India, the DPRK and Northeast Asia."""
    return {
        "korea": CountryFactory(
            name="Korea", iso_code="KR", other_names=["the Republic of Korea"]
        ),
        "netherlands": CountryFactory(name="Netherlands", iso_code="NL"),
        "luxembourg": CountryFactory(name="Luxembourg", iso_code="LU"),
        "india": CountryFactory(name="India", iso_code="IN"),
        "dprk": CountryFactory(name="DPRK", iso_code="KP", other_names=["North Korea"]),
        "northeast_asia": RegionFactory(name="Northeast Asia"),
    }


def small_archive_plenaries(countries):
    """Busan 2016 (every relation set) and Interlaken 1993 (dated to the month)."""
    korea, dprk, india = countries["korea"], countries["dprk"], countries["india"]
    busan = PlenaryFactory(
        number=30,
        slug="2016-busan",
        city="Busan",
        country=korea,
        start_date=datetime.date(2016, 10, 17),
        end_date=datetime.date(2016, 10, 21),
        opened_by="Yun Byung-se, Minister of Foreign Affairs",
        statement="The MTCR Partners held their **30th** Plenary Meeting in Busan.",
        summary="India joined the regime that year.",
        next_host=countries["luxembourg"],
        next_announcement="The next plenary will take place in Dublin.",
    )
    busan.resolutions.set(
        [ResolutionFactory(number=2270), ResolutionFactory(number=2321)]
    )
    busan.countries_of_concern.set([dprk])
    busan.regions_of_concern.set([countries["northeast_asia"]])
    busan.countries_named.set([dprk, india, korea])
    early = PlenaryFactory(
        number=None,
        slug="1993-interlaken",
        city="Interlaken",
        country=CountryFactory(name="Switzerland", iso_code="CH"),
        start_date=datetime.date(1993, 11, 1),
        end_date=datetime.date(1993, 12, 31),
        date_precision=DatePrecision.MONTH,
    )
    return busan, early


def small_archive_sources(busan):
    """Busan's statement, and the real overview (its text read from sources/)."""
    statement = SourceDocumentFactory(
        file_name="busan-2016-statement.txt",
        slug="busan-2016-statement",
        title="Public Statement from the Plenary Meeting of the MTCR, Busan",
        plenary=busan,
    )
    overview = SourceDocumentFactory(
        file_name="nti-mtcr-overview.txt",
        slug="nti-mtcr-overview",
        title="MTCR: overview and developments",
        kind=SourceDocument.Kind.OVERVIEW,
        publisher="Nuclear Threat Initiative",
        published=datetime.date(2023, 1, 1),
        published_precision=DatePrecision.YEAR,
        text=(settings.SOURCES_DIR / "nti-mtcr-overview.txt").read_text(),
    )
    return statement, overview


def small_archive_records(countries, early, busan):
    """A joint chair term, two memberships, an adherence, an event, a revision."""
    korea, india = countries["korea"], countries["india"]
    chair = ChairmanshipFactory(
        slug="2015-netherlands-luxembourg",
        start_plenary=early,
        end_plenary=busan,
        countries=[countries["netherlands"], countries["luxembourg"]],
        announced="Joint chairmanship announced at the previous plenary.",
    )
    ChairPersonFactory(chairmanship=chair, name="Piet de Klerk", title="Ambassador")
    ChairPersonFactory(chairmanship=chair, name="Jean-Louis Wolzfeld", title="")
    membership = MembershipFactory(
        country=india, since=datetime.date(2016, 6, 27), since_precision="day"
    )
    founding = MembershipFactory(
        country=korea, since=datetime.date(2001, 3, 26), founding=False
    )
    adherence = AdherenceFactory(
        country=india,
        declared=datetime.date(2005, 7, 18),
        ended=membership.since_latest,
    )
    event = EventFactory(
        slug="2017-outreach-asia",
        title="Outreach to Asian states",
        countries=[countries["dprk"], korea],
        plenary=busan,
    )
    revision = AnnexRevisionFactory(
        slug="2016-10-annex", date=datetime.date(2016, 10, 21), adopted_at=busan
    )
    return {
        "chairmanship": chair,
        "membership": membership,
        "founding_membership": founding,
        "adherence": adherence,
        "event": event,
        "annex_revision": revision,
    }


def small_archive_citations(busan, statement, overview, records):
    """Busan's dates from both sources (they disagree); one citation of each other
    record, from the statement."""
    CitationFactory(
        key="busan-dates-statement",
        source=statement,
        plenary=busan,
        passage="Busan, 17-21 October 2016",
        field="dates",
        claim="17-21 October 2016",
    )
    CitationFactory(
        key="busan-dates-overview",
        source=overview,
        plenary=busan,
        passage="in October 2016 in Busan",
        field="dates",
        claim="October 2016",
        is_followed=False,
    )
    for key, name in [
        ("chair", "chairmanship"),
        ("event", "event"),
        ("membership", "membership"),
        ("adherence", "adherence"),
        ("annex", "annex_revision"),
    ]:
        CitationFactory(key=f"busan-{key}", source=statement, **{name: records[name]})


def add_records(count):
    """`count` more records of every model, related and cited like the archive's."""
    for _ in range(count):
        host, partner, adherent = CountryFactory(), CountryFactory(), CountryFactory()
        plenary = PlenaryFactory(country=host, next_host=partner)
        plenary.resolutions.add(ResolutionFactory())
        plenary.countries_named.add(host, partner)
        plenary.regions_of_concern.add(RegionFactory())
        source = SourceDocumentFactory(plenary=plenary)
        chair = ChairmanshipFactory(
            start_plenary=plenary, end_plenary=plenary, countries=[host, partner]
        )
        ChairPersonFactory(chairmanship=chair)
        records = {
            "plenary": plenary,
            "chairmanship": chair,
            "event": EventFactory(countries=[host], plenary=plenary),
            "membership": MembershipFactory(country=partner),
            "adherence": AdherenceFactory(country=adherent),
            "annex_revision": AnnexRevisionFactory(adopted_at=plenary),
        }
        for name, record in records.items():
            CitationFactory(
                source=source, field="date", claim="1 March", **{name: record}
            )
            CitationFactory(
                source=source, field="date", claim="March", **{name: record}
            )
