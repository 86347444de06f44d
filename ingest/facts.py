"""What the parsers read from a document: facts, each with the passage stating it.

Every document parser returns a DocumentFacts; archive.py merges them into records.
"""

from dataclasses import dataclass, field

from ingest.dates import DateRange

# What a host country is inferred from, where no passage names it (Fact.inferred;
# the values of evidence.models.Inference).
FROM_CITY = "city"
FROM_CHAIR = "chair"


@dataclass
class Fact:
    """A value and the passage (exact, whitespace normalised) that states it.

    `inferred` says what the value is inferred from where the passage does not
    state it (FROM_CITY: the host country the gazetteer gives for the city the
    passage names); empty for a value the passage states.
    """

    value: object
    passage: str
    inferred: str = ""


@dataclass
class Person:
    name: str
    title: str = ""
    position: str = ""
    role: str = ""
    passage: str = ""


@dataclass
class PlenaryReport:
    """What one document says of one plenary meeting."""

    year: int
    number: Fact | None = None
    city: Fact | None = None
    country: Fact | None = None
    dates: Fact | None = None  # a DateRange
    # The dates are an announcement of the start only ("opens tomorrow"): the end
    # is not known, and `dates` is the one day it opens.
    announced: bool = False
    opened_by: Fact | None = None
    chairs: list = field(default_factory=list)  # Person
    summary: str = ""  # Markdown, from an overview
    summary_passage: str = ""  # its first paragraph, exactly as the overview has it
    statement: str = ""  # Markdown, from the meeting's own text
    resolutions: list = field(default_factory=list)  # Fact(list of numbers)
    countries_of_concern: list = field(default_factory=list)  # Fact(list of codes)
    regions: list = field(default_factory=list)  # Fact(list of slugs)
    countries_named: list = field(default_factory=list)  # codes
    member_list: Fact | None = None  # Fact(list of codes)
    member_count: Fact | None = None  # Fact(int)
    listed_count: Fact | None = None  # Fact(int): how many the list names
    slug: str = ""  # given by the catalogue where the text never names the meeting
    is_primary: bool = False  # the meeting's own statement or chair's report
    is_mention: bool = False  # a passing mention, not a report of the meeting
    # The archivist's records: each date claim as read, and what is not known.
    start_claim: tuple | None = None  # (DateRange, records.Claim)
    end_claim: tuple | None = None
    opening_only: bool = False  # the opening day is known, the last day is not
    end_only: bool = False  # the last day is known, the first is not
    end_locator: str = ""  # the claim that gives the last day, where another

    @property
    def place(self):
        if self.city:
            return self.city.value
        return self.country.value if self.country else ""


@dataclass
class ChairEvidence:
    """A passage that says who held (or will hold) the chair.

    `term` says which term, relative to `plenary` (the meeting the text reports on):
    "current" begins at it, "previous" ends at it, "next" begins at the next one;
    "on-date" is the term running on `date`; "in-year" began at a plenary in `year`.
    """

    term: str
    passage: str
    countries: list = field(default_factory=list)  # codes
    person: Person | None = None
    plenary: PlenaryReport | None = None
    date: DateRange | None = None
    year: int | None = None
    announcement: bool = False  # said before the term began
    hosts_next: bool = False  # the announcement also names the next host
    next_dates: Fact | None = None  # dates announced for the next plenary
    next_slug: str = ""  # the next plenary as the records name it
    session_chair: bool = False  # chaired the meeting itself, not the regime
    note: str = ""  # the archivist's note, for a records claim


@dataclass
class MemberEvidence:
    """A passage that shows a country a partner (or partner from a date)."""

    code: str
    passage: str
    date: DateRange | None = None
    upper_bound: bool = True  # only shows it already a partner by then
    founding: bool = False
    plenary: PlenaryReport | None = None  # a partner by this meeting's start
    at_plenary_month: bool = False  # joined at the plenary: its month, exactly
    by_start: bool = False  # a partner by the meeting's first day (else its last)
    # What the evidence is: "joined" (a date it became a partner), "attending",
    # "first_attended", "admitted", "invited" (not yet a partner), "listed".
    kind: str = "listed"


@dataclass
class AdherenceEvidence:
    code: str
    kind: str  # formal | informal | pledged
    passage: str
    date: DateRange | None = None
    upper_bound: bool = True
    plenary: PlenaryReport | None = None  # declared by (or during) this meeting
    during_plenary: bool = False
    applied: bool = False  # applied for membership (not a pledge)


@dataclass
class AnnexEvidence:
    """A passage that states a revision of the Annex."""

    passage: str
    summary: str
    description: str = ""
    date: DateRange | None = None
    plenary: PlenaryReport | None = None
    weekday: str = ""  # "on Friday" of the plenary week
    meeting: str = ""
    kind: str = "annex"  # or "guidelines": a decision on the Guidelines


@dataclass
class EventReport:
    kind: str
    title: str
    description: str
    date: DateRange | None  # None: during `plenary`, dated by the merged record
    passage: str
    countries: list = field(default_factory=list)
    plenary_hint: tuple | None = None  # (year, place) or ("number", n)
    plenary: PlenaryReport | None = None
    slug: str = ""  # given by the archivist's records


@dataclass
class DocumentFacts:
    plenaries: list = field(default_factory=list)
    chairs: list = field(default_factory=list)
    members: list = field(default_factory=list)
    adherences: list = field(default_factory=list)
    annex: list = field(default_factory=list)
    events: list = field(default_factory=list)
    member_count: Fact | None = None
