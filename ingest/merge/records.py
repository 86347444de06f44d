"""The archive's records as the merge builds them, before they become fixtures."""

import datetime
from dataclasses import dataclass, field

from ingest.dates import DAY, MONTH, YEAR, DateRange

PRECISION_RANK = {DAY: 0, MONTH: 1, YEAR: 2}


@dataclass
class Source:
    file_name: str
    slug: str
    title: str
    kind: str
    publisher: str
    published: DateRange | None
    url: str
    text: str
    plenary: str = ""  # slug
    facts: object = None
    held: bool = True  # False: a document of the archivist's records, not held
    note: str = ""  # the archivist's note on the document
    original: str = ""  # a copy's official original (file name), where known
    # Why no meeting could be read from it ("no meeting date, no place"); the
    # source is kept, with empty facts.
    unread_reason: str = ""

    @property
    def is_primary(self):
        return self.kind in ("statement", "chair-report")


@dataclass
class Citation:
    source: str  # file name
    model: str  # the record's model: plenary, chairmanship, ...
    record: str  # the record's natural key, as text
    field: str
    claim: str
    passage: str
    is_followed: bool = True
    key: str = ""
    note: str = ""  # the archivist's note, for a claim of the records
    inferred: str = ""  # what the claim is inferred from, not stated (Fact.inferred)


@dataclass
class Plenary:
    slug: str
    number: int | None
    city: str
    country: str
    dates: DateRange
    country_inferred: str = ""  # no witness names the host: inferred (Fact.inferred)
    open_end: bool = False  # the opening day is known, the last day is not
    opened_by: str = ""
    statement: str = ""
    statement_source: str = ""
    statement_kind: str = ""  # the kind of the document it comes from
    summary: str = ""
    next_host: str = ""
    next_announcement: str = ""
    resolutions: list = field(default_factory=list)
    countries_of_concern: list = field(default_factory=list)
    regions_of_concern: list = field(default_factory=list)
    countries_named: list = field(default_factory=list)
    reports: list = field(default_factory=list)  # (Source, PlenaryReport)


@dataclass
class Person:
    """A person in a chair's role: one human being (key), however spelt."""

    name: str
    title: str = ""
    position: str = ""
    role: str = "chair"  # chair | co-chair | session-chair
    key: str = ""  # people.person_identity: one per human being
    variants: list = field(default_factory=list)  # other spellings, as written
    described: str = ""  # how the witnesses describe the role, as they put it


@dataclass
class Chairmanship:
    slug: str
    countries: list
    start_plenary: str
    end_plenary: str = ""
    announced: str = ""
    notes: str = ""
    people: list = field(default_factory=list)
    countries_inferred: bool = False  # no witness names the chair: the host


@dataclass
class Membership:
    country: str
    # The first and last day the partnership may have begun (None: open).
    since_earliest: datetime.date | None = None
    since_latest: datetime.date | None = None
    since_precision: str = DAY
    founding: bool = False
    notes: str = ""


@dataclass
class Adherence:
    country: str
    kind: str
    declared_earliest: datetime.date | None = None
    declared_latest: datetime.date | None = None
    declared_precision: str = DAY
    ended: datetime.date | None = None
    notes: str = ""


@dataclass
class AnnexRevision:
    slug: str
    date: DateRange
    summary: str
    description: str = ""
    adopted_at: str = ""
    meeting: str = ""
    adopted_at_inferred: bool = False  # from its date alone, no witness says so


@dataclass
class Event:
    slug: str
    kind: str
    title: str
    description: str
    dates: DateRange
    countries: list = field(default_factory=list)
    plenary: str = ""


@dataclass
class Archive:
    sources: list = field(default_factory=list)
    plenaries: list = field(default_factory=list)
    chairmanships: list = field(default_factory=list)
    memberships: list = field(default_factory=list)
    adherences: list = field(default_factory=list)
    annex_revisions: list = field(default_factory=list)
    events: list = field(default_factory=list)
    citations: list = field(default_factory=list)
    member_counts: list = field(default_factory=list)  # (file, count, passage)
    # {locator: note}: a records claim is cited by its locator, which the
    # citation replaces with the archivist's note (records.read_records).
    record_notes: dict = field(default_factory=dict)

    def cite(
        self,
        source,
        model,
        record,
        field_name,
        claim,
        passage,
        followed=True,
        inferred="",
    ):
        if not passage:
            return
        citation = Citation(
            source.file_name, model, record, field_name, str(claim), passage, followed
        )
        citation.inferred = inferred
        if passage in self.record_notes:
            citation.note = self.record_notes[passage]
        self.citations.append(citation)

    def plenary(self, slug):
        return next((p for p in self.plenaries if p.slug == slug), None)
