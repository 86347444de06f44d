"""A generated archive many times the real one, to show that pages run a constant
number of SQL queries however many records there are.

The real archive holds about 35 plenaries, 35 partners, a dozen adherents and as
many chairs, Annex revisions and events; `grow_archive(scale=10)` adds ten times
that, every record with the relations and citations the pages show.

The generated records are written without history (and so without entries in the
change log): the pages these tests count read neither, and writing them was nine
tenths of the time a grown archive took (about 90 of 100 s for scale 10).
"""

import datetime
import itertools
import string

from django.test.utils import CaptureQueriesContext, override_settings

from members.models import Adherence, Country
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

# Two-character codes with a digit in them: never a real country's ISO code.
CODES = [
    a + b
    for a, b in itertools.product(string.digits + string.ascii_uppercase, repeat=2)
    if (a + b).isalpha() is False
]


@override_settings(SIMPLE_HISTORY_ENABLED=False)
def grow_archive(scale=10):
    """Add `scale` times the real archive's records, related as the real ones are
    (without their history: see the module's docstring)."""
    offset = Country.objects.filter(slug__startswith="generated-").count()
    source = SourceDocumentFactory(file_name=f"generated-{offset}.txt")
    region = RegionFactory()
    resolutions = [ResolutionFactory() for _ in range(3)]
    kinds = list(Adherence.Kind)
    previous = None
    for n in range(offset, offset + 35 * scale):
        country = CountryFactory(
            name=f"Generated country {n}",
            iso_code=CODES[n],
            slug=f"generated-{n}",
        )
        plenary = PlenaryFactory(
            number=1000 + n,
            slug=f"generated-{n}",
            country=country,
            start_date=datetime.date(1990, 1, 1) + datetime.timedelta(days=40 * n),
            end_date=datetime.date(1990, 1, 3) + datetime.timedelta(days=40 * n),
            statement=f"The Partners met for the **{n}th** time.",
        )
        plenary.resolutions.set(resolutions[: n % 4])
        plenary.countries_of_concern.set([country])
        plenary.countries_named.set([country])
        plenary.regions_of_concern.set([region])
        term = ChairmanshipFactory(
            slug=f"generated-{n}",
            start_plenary=plenary,
            end_plenary=None,
            countries=[country] if n % 5 else [country, plenary.country],
        )
        if previous is not None:
            previous.end_plenary = plenary
            previous.save()
        previous = term
        ChairPersonFactory(chairmanship=term, name=f"Chair {n}")
        membership = MembershipFactory(
            country=country, since=plenary.start_date, founding=n < 7
        )
        CitationFactory(source=source, plenary=plenary, field="dates", claim="a")
        CitationFactory(
            source=source, plenary=plenary, field="dates", claim="b", is_followed=False
        )
        CitationFactory(source=source, membership=membership)
        CitationFactory(source=source, chairmanship=term)
        if n % 3 == 0:
            add_dated_records(n, country, plenary, source, kinds[n % len(kinds)])


def add_dated_records(n, country, plenary, source, kind):
    """An adherence, an Annex revision and an event dated by the plenary, cited."""
    adherence = AdherenceFactory(country=country, kind=kind, declared=plenary.end_date)
    CitationFactory(source=source, adherence=adherence)
    revision = AnnexRevisionFactory(
        slug=f"generated-annex-{n}",
        date=plenary.end_date,
        adopted_at=plenary,
    )
    CitationFactory(source=source, annex_revision=revision)
    event = EventFactory(
        slug=f"generated-event-{n}",
        date=plenary.end_date,
        countries=[country],
        plenary=plenary,
    )
    CitationFactory(source=source, event=event)


def count_queries(client, url):
    """How many SQL queries the page at `url` runs (it must answer 200)."""
    from django.db import connection

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)
