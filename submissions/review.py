"""What the parser read in a document added in admin, beside what the archive holds.

The review reads the document with the parser build_fixtures uses
(ingest.build.parse_document), lists every fact with its passage, finds each
passage in the text (to highlight it), and says of each fact whether the archive
has nothing of it yet (new), the same, or something else (different: a
disagreement, with the source the archive follows now). A constant number of
queries, whatever the document says.
"""

import re
from dataclasses import dataclass, field

from annex.models import AnnexRevision
from evidence.models import Citation, SourceDocument
from ingest.build import parse_document
from ingest.dates import DateRange
from ingest.decisions import fact_items
from ingest.errors import ParseError
from members.models import Adherence, Membership
from plenaries.models import ChairPerson, Event, Plenary

NEW, SAME, DIFFERENT = "new", "same", "different"


@dataclass
class Row:
    """One fact read, its passage's anchor in the text, and what the archive has."""

    item: object  # ingest.decisions.FactItem
    status: str = ""
    held: str = ""
    held_source: str = ""
    anchor: str = ""


@dataclass
class Segment:
    text: str
    anchor: str = ""
    marked: bool = False


@dataclass
class Review:
    rows: list = field(default_factory=list)
    segments: list = field(default_factory=list)
    error: str = ""
    plenary: Plenary | None = None  # the meeting the archive holds, if any
    witness_of: Plenary | None = None  # another primary source already holds it
    same_text: SourceDocument | None = None
    source: SourceDocument | None = None  # the document, once published

    @property
    def counts(self):
        return {
            status: sum(row.status == status for row in self.rows)
            for status in (NEW, SAME, DIFFERENT)
        }


def review(submission):
    """The review of a Submission: its facts, rows, highlighted text, witnesses."""
    result = Review()
    result.source = (
        SourceDocument.objects.filter(file_name=submission.file_name)
        .only("title", "slug", "file_name")
        .first()
    )
    entry = submission.entry()
    try:
        facts = parse_document(
            entry.kind,
            submission.text,
            title=entry.title,
            published=entry.published,
            plenary=entry.plenary,
        )
    except ParseError as error:
        result.error = str(error)
        result.segments = [Segment(submission.text)]
        result.same_text = same_text(submission)
        return result
    items = fact_items(facts)
    result.rows = [Row(item) for item in items]
    result.segments = highlight(submission.text, result.rows)
    report = facts.plenaries[0] if facts.plenaries else None
    result.plenary = held_plenary(report) if report else None
    compare(result.rows, result.plenary)
    if result.plenary is not None and report.is_primary:
        others = result.plenary.reported_by.filter(
            kind__in=[SourceDocument.Kind.STATEMENT, SourceDocument.Kind.CHAIR_REPORT]
        ).exclude(file_name=submission.file_name)
        if others.exists():
            result.witness_of = result.plenary
    result.same_text = same_text(submission)
    return result


def same_text(submission):
    """A document the archive holds with exactly this text, if any."""
    return (
        SourceDocument.objects.filter(text=submission.text)
        .exclude(file_name=submission.file_name)
        .only("title", "file_name", "slug")
        .first()
    )


def highlight(text, rows):
    """The text cut into segments, those a fact's passage covers marked; each
    row gets the anchor of its passage (rows sharing a passage share it)."""
    spans = {}
    for row in rows:
        passage = row.item.passage
        if passage not in spans:
            words = passage.split()
            match = (
                re.search(r"\s+".join(map(re.escape, words)), text) if words else None
            )
            spans[passage] = (
                (match.start(), match.end(), f"passage-{len(spans) + 1}")
                if match
                else None
            )
        if spans[passage]:
            row.anchor = spans[passage][2]
    found = sorted(span for span in spans.values() if span)
    cuts = sorted({0, len(text), *(s for s, _, _ in found), *(e for _, e, _ in found)})
    starts = {}
    for start, _, anchor in found:
        starts.setdefault(start, anchor)
    segments = []
    for begin, end in zip(cuts, cuts[1:], strict=False):
        marked = any(start <= begin and end <= stop for start, stop, _ in found)
        segments.append(Segment(text[begin:end], starts.get(begin, ""), marked))
    return segments


def held_plenary(report):
    """The archive's record of the meeting a report is of, if it has one."""
    plenaries = Plenary.objects.select_related("country").prefetch_related(
        "resolutions", "countries_of_concern", "regions_of_concern"
    )
    if report.slug:
        return plenaries.filter(slug=report.slug).first()
    if not report.year:
        return None
    same_year = plenaries.filter(start_date__year=report.year)
    if report.number:
        return same_year.filter(number=report.number.value).first()
    if report.city:
        return same_year.filter(city=report.city.value).first()
    return None


def plenary_values(plenary):
    """What the archive holds of a meeting, as the review shows a fact's value."""
    dates = DateRange(plenary.start_date, plenary.end_date, plenary.date_precision)
    return {
        "number": str(plenary.number or ""),
        "city": plenary.city,
        "country": plenary.country.name if plenary.country else "",
        "dates": dates.claim,
        "opened_by": plenary.opened_by,
        "resolutions": {str(r.number) for r in plenary.resolutions.all()},
        "countries_of_concern": {c.name for c in plenary.countries_of_concern.all()},
        "regions": {r.name for r in plenary.regions_of_concern.all()},
    }


def compare(rows, plenary):
    """Set each row's status, and what the archive holds where it differs."""
    if plenary is None:
        for row in rows:
            row.status = NEW if row.item.path.startswith("plenary") else ""
        _compare_document_facts(rows, None)
        return
    held = plenary_values(plenary)
    followed = followed_sources(plenary)
    chairs = set(
        ChairPerson.objects.filter(chairmanship__start_plenary=plenary).values_list(
            "person__name", flat=True
        )
    )
    for row in rows:
        path = row.item.path
        if not path.startswith("plenary."):
            continue
        name = re.sub(r"\[\d+\]$", "", path.split(".", 1)[1])
        if name == "chairs":
            row.status = SAME if row.item.value.split(",")[0] in chairs else NEW
        elif isinstance(held.get(name), set):
            values = {value.strip() for value in row.item.value.split(",")}
            row.status = SAME if values <= held[name] else NEW
        elif name in held:
            row.held = held[name]
            row.held_source = followed.get(name, "")
            row.status = (
                NEW
                if not row.held
                else SAME
                if row.held == row.item.value
                else DIFFERENT
            )
    _compare_document_facts(rows, plenary)


def followed_sources(plenary):
    """{field: the title of the source the record follows for it}, a meeting's
    own statement or chair's report before any other."""
    followed = {}
    primary = {SourceDocument.Kind.STATEMENT, SourceDocument.Kind.CHAIR_REPORT}
    citations = (
        Citation.objects.filter(plenary=plenary, is_followed=True)
        .exclude(field="")
        .values_list("field", "source__title", "source__kind")
        .order_by("source__file_name")
    )
    for name, title, kind in citations:
        rank = 0 if kind in primary else 1
        if name not in followed or rank < followed[name][0]:
            followed[name] = (rank, title)
    return {name: title for name, (_, title) in followed.items()}


def _compare_document_facts(rows, plenary):
    """Partners, adherents, Annex decisions and announcements: held or new."""
    members = set(Membership.objects.values_list("country__name", flat=True))
    adherents = set(Adherence.objects.values_list("country__name", "kind"))
    events = set(Event.objects.values_list("title", flat=True))
    annex = (
        plenary is not None
        and AnnexRevision.objects.filter(adopted_at=plenary).exists()
    )
    for row in rows:
        kind, value = row.item.path.split("[", 1)[0], row.item.value
        if kind == "members":
            row.status = SAME if value.split(" (")[0] in members else NEW
        elif kind == "adherences":
            row.status = SAME if tuple(value.split(", ", 1)) in adherents else NEW
        elif kind == "events":
            row.status = SAME if value.split(" (")[0] in events else NEW
        elif kind == "annex":
            row.status = SAME if annex else NEW
