"""Search tests run on real text: the documents in sources/, and the overview's
paragraphs on the Rome and Oslo plenaries as those plenaries' summaries."""

import datetime
import tomllib

import pytest
from django.conf import settings

from evidence.models import SourceDocument
from members.models import Country
from plenaries.models import Event, Plenary
from search import index


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    """Every request runs the view: the page cache's version counter outlives a
    test's rolled-back data, so a page cached in one test could answer another."""
    settings.PAGE_CACHE_SECONDS = 0


def source_text(file_name):
    return (settings.SOURCES_DIR / file_name).read_text(encoding="utf-8")


def overview_paragraph(opening):
    """The overview's paragraph that begins with `opening`, exactly as written."""
    for paragraph in source_text("nti-mtcr-overview.txt").split("\n"):
        if paragraph.startswith(opening):
            return paragraph
    raise LookupError(opening)


@pytest.fixture
def documents(db):
    """Every document of sources/ as a SourceDocument, as the catalogue describes it."""
    catalogue = tomllib.loads(source_text("catalogue.toml"))["document"]
    created = {}
    for entry in catalogue:
        published = entry.get("published", "")
        created[entry["file"]] = SourceDocument.objects.create(
            file_name=entry["file"],
            slug=entry["file"].removesuffix(".txt"),
            title=entry["title"],
            kind=entry["kind"],
            publisher=entry.get("publisher", ""),
            published=datetime.date(int(published[:4]), 1, 1) if published else None,
            published_precision="year",
            text=source_text(entry["file"]),
        )
    return created


def host_countries():
    """Italy, Norway, Argentina and Korea, by ISO code."""
    return {
        code: Country.objects.create(name=name, iso_code=code, slug=slug)
        for code, name, slug in [
            ("IT", "Italy", "italy"),
            ("NO", "Norway", "norway"),
            ("AR", "Argentina", "argentina"),
            ("KR", "Republic of Korea", "republic-of-korea"),
        ]
    }


@pytest.fixture
def plenaries_with_real_texts(db):
    """Rome 2013, Oslo 2014 (summaries from the overview), Buenos Aires 2011 and
    Busan 2016 (their public statements), with their host countries."""
    countries = host_countries()

    def plenary(slug, number, city, code, start, end, **texts):
        return Plenary.objects.create(
            slug=slug,
            number=number,
            city=city,
            country=countries[code],
            start_date=start,
            end_date=end,
            **texts,
        )

    return {
        "rome": plenary(
            "2013-rome",
            27,
            "Rome",
            "IT",
            datetime.date(2013, 10, 14),
            datetime.date(2013, 10, 18),
            summary=overview_paragraph("On 14-18 October, the MTCR held its 27th"),
        ),
        "oslo": plenary(
            "2014-oslo",
            28,
            "Oslo",
            "NO",
            datetime.date(2014, 9, 29),
            datetime.date(2014, 10, 3),
            summary=overview_paragraph("From 29 September to 3 October, the MTCR"),
        ),
        "buenos-aires": plenary(
            "2011-buenos-aires",
            25,
            "Buenos Aires",
            "AR",
            datetime.date(2011, 4, 11),
            datetime.date(2011, 4, 15),
            statement=source_text("buenos-aires-2011-statement.txt"),
        ),
        "busan": plenary(
            "2016-busan",
            30,
            "Busan",
            "KR",
            datetime.date(2016, 10, 17),
            datetime.date(2016, 10, 21),
            statement=source_text("busan-2016-statement.txt"),
        ),
    }


@pytest.fixture
def texts(documents, plenaries_with_real_texts):
    """The documents and plenaries above, indexed."""
    index.rebuild()
    return {"documents": documents, "plenaries": plenaries_with_real_texts}


@pytest.fixture
def zeppelin_seminar():
    """An event, not yet saved, whose words are in no source: found only once added."""
    return Event(
        slug="2015-zeppelin-seminar",
        kind=Event.Kind.SEMINAR,
        title="Seminar on zeppelins",
        description="Partners met to discuss airships.",
        date="2015-05-01",
    )
