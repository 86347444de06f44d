"""A word or phrase through the plenaries' texts: where, how often, first and last.

A phrase matches case-insensitively, from the start of a word, with any run of
spaces between its words and an optional plural ending: "intangible technology
transfer" also finds "Intangible Technology Transfers (ITT)" (`pattern`).

The uses are found in the search index's passages of the plenaries' statements and
summaries (Markdown already rendered), read in one query and scanned in Python.
A year's first PER_YEAR plenaries and the latest are quoted; the others of a year
are counted and linked to.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import CharField, Count, Func, Min
from django.db.models.functions import Concat

from plenaries.models import Plenary
from search.models import SearchEntry

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

# The letters other than A-Z that re.IGNORECASE lets match an ASCII letter (the
# re module's documentation), as that letter.
ASCII_LOOKALIKES = str.maketrans("İıſK", "iisk")
# Terms a reader of MTCR history looks for, as written in the texts (ASCII).
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
    regex = pattern(phrase)
    # Every plenary's slug, id and date: the archive's span, and the order of uses.
    plenaries = {
        slug: (start_date, pk)
        for slug, pk, start_date in Plenary.objects.values_list(
            "slug", "pk", "start_date"
        )
    }
    dates = [start_date for start_date, _ in plenaries.values()]
    archive = Archive(len(dates))
    if dates:
        archive.first_year, archive.last_year = min(dates).year, max(dates).year
    counts, found = _uses(regex)
    using = sorted(counts.keys() & plenaries.keys(), key=plenaries.__getitem__)
    by_year = defaultdict(list)
    for slug in using:
        by_year[plenaries[slug][0].year].append(slug)
    quoted = {slug for slugs in by_year.values() for slug in slugs[:per_year]}
    quoted.update(using[-1:])
    records = Plenary.objects.for_links().in_bulk(quoted, field_name="slug")
    years, latest = [], None
    for year, slugs in by_year.items():
        entry = Year(year, sum(counts[s] for s in slugs), len(slugs))
        for slug in slugs:
            if slug in quoted:
                use = Use(records[slug], counts[slug], _passages(regex, found[slug]))
                entry.uses.append(use)
                latest = use
        years.append(entry)
    return Trend(phrase, years, latest, archive)


def _uses(regex):
    """({slug: uses}, {slug: [(field, anchor, text)]}) over the passages of the
    plenaries' texts that use the phrase, the statement's before the summary's."""
    entries = (
        SearchEntry.objects.plenary_texts()
        .order_by("key", "field", "position")  # "statement" before "summary"
        .values_list("key", "field", "anchor", "text")
    )
    counts, found = defaultdict(int), defaultdict(list)
    for key, field_name, anchor, text in entries:
        uses = len(regex.findall(text))
        if uses:
            counts[key] += uses
            found[key].append((field_name, anchor, text))
    return counts, found


def _passages(regex, texts, context=CONTEXT):
    """[Passage] for every use of the phrase in these texts, in reading order."""
    return [
        Passage(
            field=field_name,
            anchor=anchor,
            number=int(anchor.removeprefix("p-")) if anchor else None,
            before=_clip_left(text[: match.start()], context),
            match=match.group(0),
            after=_clip_right(text[match.end() :], context),
        )
        for field_name, anchor, text in texts
        for match in regex.finditer(text)
    ]


def first_uses():
    """The notable terms, and the resolutions, countries and regions the plenaries
    name, each as (item, the plenary that used it first, how many plenaries did):
    {"terms": [...], "resolutions": [...], "countries": [...], "regions": [...]}.

    The terms are found in the plenaries' passages (one query); the others come
    from one aggregate query each, and one more reads the plenaries they name.
    """
    found = {"terms": _first_term_uses()}
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


def _first_term_uses():
    """[(term, "YYYY-MM-DD<slug>" of its first plenary, plenaries using it)] for
    the notable terms the plenaries' texts use."""
    terms = [(term, pattern(term), _longest_word(term)) for term in NOTABLE_TERMS]
    using = defaultdict(set)
    entries = SearchEntry.objects.plenary_texts().values_list("key", "date", "text")
    for key, date, text in entries:
        lowered = text.translate(ASCII_LOOKALIKES).lower()
        for term, regex, word in terms:
            # A plain substring test first: an expression costs far more.
            if word in lowered and regex.search(text):
                using[term].add(date.isoformat() + key)
    return [(term, min(firsts), len(firsts)) for term, firsts in using.items()]


def _longest_word(term):
    """The term's longest word in lower case: in the text, lowered with
    ASCII_LOOKALIKES replaced, wherever pattern(term) matches."""
    return max(re.findall(r"\w+", term), key=len).lower()


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
