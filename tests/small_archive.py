"""A small archive that touches every model, every many-to-many relation and a
citation of every kind of fact, including two sources that disagree
(`build_archive`), and more records of each kind (`add_records`)."""

import datetime

from django.conf import settings

from core.dates import DatePrecision
from evidence.models import SourceDocument
from tests.factories import (
    AdherenceFactory,
    AnnexRevisionFactory,
    ChairmanshipFactory,
    ChairPersonFactory,
    CitationFactory,
    CountryFactory,
    EventFactory,
    MembershipFactory,
    PlenaryFactory,
    RegionFactory,
    ResolutionFactory,
    SourceDocumentFactory,
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
