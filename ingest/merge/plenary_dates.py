"""A plenary's dates from its witnesses: the record follows the rule of
`witnesses`, and every claim is kept as a citation.

The first day comes from the best witness that gives one (a less precise witness
is refined by a more precise one it contains: "in October" by "8-10 October").
The last day comes from the same witness; where that witness gives the opening
day alone, from the best witness that gives a last day and the same first day (a
witness wrong on the first day is not taken for the last: Sochi 2021 opened on
6 October, not the overview's 4th, so the overview's 8th is not its end), and
where none does, no last day is claimed (`Plenary.open_end`). A year stays a
year: no witness, no day.

Citations: a witness of the whole span is cited on "dates" ("1999-10-11/
1999-10-15", "1988"); a witness of the opening day alone on "start", of the last
day alone on "end". Where the record's first and last days come from different
witnesses, or some witness gives one of them alone, every witness of days is
also cited on "start" and "end", so that a disagreement on either shows.
"""

from dataclasses import dataclass

from ingest.dates import DAY, DateRange
from ingest.merge.records import PRECISION_RANK
from ingest.merge.witnesses import witness_rank


@dataclass
class DateWitness:
    source: object
    report: object
    rank: tuple
    index: int

    @property
    def value(self):
        return self.report.dates.value

    @property
    def passage(self):
        return self.report.dates.passage

    @property
    def opening_only(self):
        return self.report.opening_only

    @property
    def end_only(self):
        return self.report.end_only

    def order(self):
        return (self.rank, PRECISION_RANK[self.value.precision], self.index)


def date_witnesses(archive, group):
    """Every report of the group that dates the meeting, with its rank."""
    found = []
    for index, (source, report) in enumerate(group):
        if report.dates is None:
            continue
        start = getattr(report, "start_claim", None)
        note = start[1].note if start else ""
        rank = witness_rank(source, report, note)
        found.append(DateWitness(source, report, rank, index))
    return found


def followed_dates(witnesses):
    """(DateRange, open_end, the witness of the first day, of the last day), or
    None if no witness gives a first day."""
    starts = [w for w in witnesses if not w.end_only]
    if not starts:
        return None
    best = min(starts, key=DateWitness.order)
    finer = [
        w
        for w in starts
        if PRECISION_RANK[w.value.precision] < PRECISION_RANK[best.value.precision]
        and best.value.contains(w.value)
    ]
    if finer:
        best = min(finer, key=DateWitness.order)
    if not best.opening_only:
        return best.value, False, best, best
    start = best.value.start
    ends = [
        w
        for w in witnesses
        if not w.opening_only
        and w.value.precision == DAY
        and w.value.end >= start
        and (w.end_only or w.value.start == start)
    ]
    if not ends:
        return DateRange(start, start, DAY), True, best, None
    last = min(ends, key=lambda w: (w.rank, w.index))
    return DateRange(start, last.value.end, DAY), False, best, last


def span_claim(dates, open_end):
    """The record's dates as a claim: "2012-10-24/.." where the end is unknown."""
    return f"{dates.start.isoformat()}/.." if open_end else dates.claim


def cite_dates(archive, plenary, witnesses, first, last):
    """Cite every witness's days of the plenary, followed or not."""
    record = plenary.dates
    split = (
        plenary.open_end
        or first is not last
        or any(w.opening_only or w.end_only for w in witnesses)
    )
    for witness in witnesses:
        value, source, passage = witness.value, witness.source, witness.passage
        if not (witness.opening_only or witness.end_only):
            _cite_span(archive, plenary, source, value, passage)
        if value.precision != DAY or not split:
            continue
        if not witness.end_only:
            archive.cite(
                source,
                "plenary",
                plenary.slug,
                "start",
                value.start.isoformat(),
                passage,
                value.start == record.start,
            )
        if not witness.opening_only:
            archive.cite(
                source,
                "plenary",
                plenary.slug,
                "end",
                value.end.isoformat(),
                passage,
                not plenary.open_end and value.end == record.end,
            )


def _cite_span(archive, plenary, source, value, passage):
    """A witness of the whole span: followed, consistent (less precise, such as
    "in October": cited for the record as a whole) or different (not followed)."""
    slug = plenary.slug
    if value == plenary.dates and not plenary.open_end:
        archive.cite(source, "plenary", slug, "dates", value.claim, passage)
    elif consistent(value, plenary.dates):
        archive.cite(source, "plenary", slug, "", "", passage)
    else:
        archive.cite(source, "plenary", slug, "dates", value.claim, passage, False)


def consistent(claimed, followed):
    """A less precise claim that the followed dates fall within ("in October")."""
    return PRECISION_RANK[claimed.precision] > PRECISION_RANK[
        followed.precision
    ] and claimed.contains(followed)
