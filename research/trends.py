"""A word or phrase through the plenaries' texts: where, how often, first and last.

A phrase matches case-insensitively, from the start of a word, with any run of
spaces between its words and an optional plural ending: "intangible technology
transfer" also finds "Intangible Technology Transfers (ITT)" (`pattern`).

The database counts the uses, in the paragraphs of the plenaries' statements and
summaries stored folded (PlenaryText), so that plain substring functions match
exactly as `pattern` does (research.phrases). One aggregate query gives the uses per
year and picks the plenaries the page quotes: the first PER_YEAR of each year and
the latest. Only their passages (the search index's, Markdown already rendered) are
read and cut into quotes here, so a page costs the same few queries and rows
however many plenaries the archive holds.
"""

import re
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import CharField, Count, Func, Max, Min, Sum
from django.db.models.functions import Concat

from plenaries.models import Plenary
from search.models import SearchEntry

from . import phrases
from .models import PlenaryText, TermUse

MAX_PHRASE = 100
# Plenaries quoted in full per year (and the latest); the real archive has at most
# two plenaries a year, so it is quoted whole.
PER_YEAR = 2
CONTEXT = 90
ISO_DATE = len("YYYY-MM-DD")
# What the plenaries' records name, listed with the notable terms.
NAMED = {
    "resolutions": Plenary.resolutions,
    "countries": Plenary.countries_named,
    "regions": Plenary.regions_of_concern,
}

# Terms a reader of MTCR history looks for, as written in the texts. Their uses
# are counted at each rebuild of the search index (research.index).
NOTABLE_TERMS = [
    "intangible technology transfer",
    "intangible transfer of technology",
    "catch-all",
    "additive manufacturing",
    "unmanned aerial vehicle",
    "unmanned air vehicle",
    "unmanned delivery systems",
    "brokering",
    "transshipment",
    "terrorism",
    "outreach",
    "space programs",
    "Code of Conduct",
    "weapons of mass destruction",
]


@dataclass
class Use:
    """A plenary whose texts use the phrase: how often, and where."""

    plenary: object
    count: int = 0
    passages: list = field(default_factory=list)


@dataclass
class Passage:
    field: str
    anchor: str
    number: int | None
    before: str
    match: str
    after: str


@dataclass
class Year:
    """A year's uses: how many, in how many plenaries, and the plenaries quoted."""

    year: int
    count: int
    plenaries: int
    uses: list = field(default_factory=list)

    @property
    def unquoted(self):
        """Plenaries of the year that use the phrase but are not quoted."""
        return self.plenaries - len(self.uses)

    @property
    def unquoted_count(self):
        return self.count - sum(use.count for use in self.uses)


@dataclass
class Archive:
    """What the uses are counted out of: the plenaries, and their years."""

    plenaries: int = 0
    first_year: int | None = None
    last_year: int | None = None


@dataclass
class Trend:
    phrase: str
    years: list = field(default_factory=list)
    latest: Use | None = None
    archive: Archive = field(default_factory=Archive)

    @property
    def uses(self):
        """The quoted uses, oldest first."""
        return [use for year in self.years for use in year.uses]

    @property
    def total(self):
        return sum(year.count for year in self.years)

    @property
    def plenaries(self):
        """How many plenaries use the phrase."""
        return sum(year.plenaries for year in self.years)

    @property
    def first(self):
        return self.years[0].uses[0] if self.years else None

    @property
    def by_year(self):
        return {year.year: year.count for year in self.years}


def clean_phrase(phrase):
    """The phrase with its spaces tidied, or "" when it has no word in it."""
    phrase = " ".join((phrase or "").split())[:MAX_PHRASE]
    return phrase if re.search(r"\w", phrase) else ""


def pattern(phrase):
    words = [re.escape(word) for word in phrase.split()]
    body = r"\s+".join(words)
    start = r"\b" if re.match(r"\w", phrase) else ""
    end = r"(?:e?s)?\b" if re.search(r"\w$", phrase) else ""
    return re.compile(start + body + end, re.IGNORECASE)


def trend(phrase, per_year=PER_YEAR):
    """The Trend of a phrase: its uses by year, and the plenaries quoted."""
    phrase = clean_phrase(phrase)
    if not phrase:
        return Trend(phrase)
    span = Plenary.objects.aggregate(
        plenaries=Count("pk"), first=Min("start_date"), last=Max("start_date")
    )
    archive = Archive(
        span["plenaries"],
        span["first"] and span["first"].year,
        span["last"] and span["last"].year,
    )
    rows = quoted_plenaries(phrase, per_year)
    plenaries = Plenary.objects.for_links().in_bulk([row[0] for row in rows])
    quotes = passages(phrase, [plenary.slug for plenary in plenaries.values()])
    years, latest = {}, None
    for plenary_id, year, count, year_count, year_plenaries, from_end in rows:
        plenary = plenaries[plenary_id]
        use = Use(plenary, count, quotes.get(plenary.slug, []))
        years.setdefault(year, Year(year, year_count, year_plenaries)).uses.append(use)
        if from_end == 1:
            latest = use
    return Trend(phrase, list(years.values()), latest, archive)


def quoted_plenaries(phrase, per_year):
    """[(plenary id, year, uses, the year's uses, the year's plenaries using it,
    place from the latest)] for the first `per_year` plenaries of each year that
    use the phrase, and the latest, oldest first: one aggregate query."""
    per_plenary = (
        PlenaryText.objects.filter(phrases.used(phrase))
        .order_by()
        .values("plenary_id", "date", "year")
        .annotate(uses=Sum(phrases.uses(phrase)))
    )
    inner, params = per_plenary.query.sql_with_params()
    sql = (
        "SELECT plenary_id, year, uses, year_uses, year_plenaries, from_end FROM ("
        " SELECT plenary_id, date, year, uses,"
        "  SUM(uses) OVER (PARTITION BY year) AS year_uses,"
        "  COUNT(*) OVER (PARTITION BY year) AS year_plenaries,"
        "  ROW_NUMBER() OVER (PARTITION BY year ORDER BY date, plenary_id) AS place,"
        "  ROW_NUMBER() OVER (ORDER BY date DESC, plenary_id DESC) AS from_end"
        f" FROM ({inner}) AS per_plenary) AS ranked"
        " WHERE place <= %s OR from_end = 1"
        " ORDER BY date, plenary_id"
    )
    with connections[per_plenary.db].cursor() as cursor:
        cursor.execute(sql, (*params, per_year))
        # PostgreSQL sums integers as numeric: Decimal, not int, in Python.
        return [
            (plenary_id, year, int(uses), int(year_uses), plenaries, from_end)
            for plenary_id, year, uses, year_uses, plenaries, from_end in cursor
        ]


def passages(phrase, slugs, context=CONTEXT):
    """{slug: [Passage]} for every use of the phrase in these plenaries' texts,
    the statement's before the summary's, in reading order."""
    regex = pattern(phrase)
    entries = (
        SearchEntry.objects.plenary_texts()
        .filter(key__in=slugs)
        .order_by("key", "field", "position")  # "statement" before "summary"
        .values_list("key", "field", "anchor", "text")
    )
    found = {}
    for key, field_name, anchor, text in entries:
        for match in regex.finditer(text):
            found.setdefault(key, []).append(
                Passage(
                    field=field_name,
                    anchor=anchor,
                    number=int(anchor.removeprefix("p-")) if anchor else None,
                    before=_clip_left(text[: match.start()], context),
                    match=match.group(0),
                    after=_clip_right(text[match.end() :], context),
                )
            )
    return found


def first_uses():
    """The notable terms, and the resolutions, countries and regions the plenaries
    name, each as (item, the plenary that used it first, how many plenaries did):
    {"terms": [...], "resolutions": [...], "countries": [...], "regions": [...]}.

    One aggregate query each (the terms' uses were counted at the last rebuild),
    and one for the plenaries they name.
    """
    terms = (
        TermUse.objects.filter(term__in=NOTABLE_TERMS)
        .order_by()
        .values("term")
        .annotate(**_first_and_count("plenary"))
    )
    found = {"terms": [(t["term"], t["first_use"], t["plenary_count"]) for t in terms]}
    for name, relation in NAMED.items():
        items = relation.field.related_model.objects.annotate(
            **_first_and_count(relation.field.related_query_name())
        )
        found[name] = [
            (item, item.first_use, item.plenary_count)
            for item in items.filter(plenary_count__gt=0)
        ]
    slugs = {first[ISO_DATE:] for rows in found.values() for _, first, _ in rows}
    plenaries = Plenary.objects.for_links().in_bulk(slugs, field_name="slug")
    for rows in found.values():
        rows[:] = [(item, plenaries[first[ISO_DATE:]], n) for item, first, n in rows]
    order = {term: place for place, term in enumerate(NOTABLE_TERMS)}
    found["terms"].sort(key=lambda row: (row[1].start_date, order[row[0]]))
    found["resolutions"].sort(key=lambda row: row[0].number)
    found["countries"].sort(key=lambda row: (row[1].start_date, row[0].name))
    found["regions"].sort(key=lambda row: (row[1].start_date, row[0].name))
    return found


def _first_and_count(plenary):
    """Aggregates over the plenaries at the end of the path `plenary`: how many,
    and the first by date (then slug), as "YYYY-MM-DD<slug>"."""
    first = Concat(
        IsoDate(f"{plenary}__start_date"), f"{plenary}__slug", output_field=CharField()
    )
    return {"plenary_count": Count(plenary), "first_use": Min(first)}


class IsoDate(Func):
    """A date as YYYY-MM-DD text, whatever the database's date style."""

    function = "TO_CHAR"
    template = "%(function)s(%(expressions)s, 'YYYY-MM-DD')"
    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite stores a date as this very text.
        return self.as_sql(compiler, connection, template="%(expressions)s")


def _clip_left(text, length):
    if len(text) <= length:
        return text
    cut = text[-length:]
    return "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut


def _clip_right(text, length):
    if len(text) <= length:
        return text
    cut = text[:length]
    return cut[: cut.rfind(" ")] + "…" if " " in cut else cut + "…"
