"""Partners: between which days each partnership began, from all its evidence.

Every witness gives a bound. "Already" evidence (founding; joined on a date, per
a list or an answer; admitted at a plenary; attended a plenary, or was listed or
hosted one, as a partner) shows the country a partner by some day; "not yet"
evidence (a complete list of the partners at a plenary that does not name it;
invited to join at one; a member count equal to the partners already certain
then; the start of the period a `joined` date stands for) shows it not yet one
on some day. The partnership began after the latest "not yet" and by the
earliest "already". An encyclopedia's or an overview's bound counts only on a
side where no better witness (the regime's statements, a government's document,
a parliamentary answer) gives one; every piece is cited, and the ones the
interval contradicts are not followed.
"""

import datetime
import re
from typing import NamedTuple

from core.dates import format_date
from ingest import names
from ingest.dates import DAY, MONTH, YEAR, DateRange, ordinal
from ingest.merge.adherences import merge_adherences
from ingest.merge.plenaries import plenary_of
from ingest.merge.records import Membership

__all__ = ["merge_adherences", "merge_memberships", "month_of", "weigh"]

# Witnesses whose bounds count only where no other witness gives one.
OVERVIEWS = {"overview", "encyclopedia"}
ONE_DAY = datetime.timedelta(days=1)


class Bound(NamedTuple):
    """One piece of evidence on when a partnership began."""

    code: str
    source: object
    passage: str
    not_yet: datetime.date | None  # not yet a partner on this day
    already: datetime.date | None  # already a partner on this day
    claim: str  # what the witness says: "1997", "by 1998-10-05"
    basis: str  # what the evidence is, for the membership's notes
    founding: bool = False

    @property
    def lesser(self):
        return self.source.kind in OVERVIEWS


def label(plenary):
    place = plenary.city or names.COUNTRY_BY_ISO[plenary.country].name
    year = plenary.dates.start.year
    if plenary.number:
        return f"the {ordinal(plenary.number)} plenary ({place}, {year})"
    return f"the plenary in {place} ({year})"


def month_of(plenary):
    """The month a plenary began in (the Annex merge dates decisions by it)."""
    start = plenary.dates.start.replace(day=1)
    return DateRange(start, start, MONTH)


def first_day(plenary):
    """The plenary's first day (or, at a coarser precision, the last day its
    start may stand for): a partner there was one by then."""
    if plenary.dates.precision == DAY:
        return plenary.dates.start
    return _period(plenary.dates.start, plenary.dates.precision)[1]


def last_day(plenary):
    """The plenary's last day (at a coarser precision, its period's end)."""
    return plenary.dates.period_end


def not_yet_day(plenary):
    """The last day a country not yet a partner at the plenary was surely not
    one: its last day (at a coarser precision, the first its start may be)."""
    if plenary.dates.precision == DAY:
        return plenary.dates.end
    return _period(plenary.dates.start, plenary.dates.precision)[0] - ONE_DAY


def _period(value, precision):
    if precision == YEAR:
        return datetime.date(value.year, 1, 1), datetime.date(value.year, 12, 31)
    if precision == MONTH:
        following = (value.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return value.replace(day=1), following - ONE_DAY
    return value, value


def _plenary_bound(evidence, source, plenary):
    key = (evidence.code, source, evidence.passage)
    where = label(plenary)
    if evidence.kind == "invited":
        day = not_yet_day(plenary)
        return Bound(*key, day, None, f"not yet on {day}", f"Invited at {where}.")
    if evidence.at_plenary_month or evidence.kind == "admitted":
        begin, end = plenary.dates.start, last_day(plenary)
        return Bound(
            *key, begin - ONE_DAY, end, f"{begin}/{end}", f"Admitted at {where}."
        )
    if evidence.by_start:
        day = first_day(plenary)
        return Bound(*key, None, day, f"by {day}", f"Attended {where} as a partner.")
    day = last_day(plenary)
    return Bound(*key, None, day, f"by {day}", f"Listed as a partner at {where}.")


def _evidence_bound(archive, source, evidence):
    key = (evidence.code, source, evidence.passage)
    founding = evidence.founding
    if evidence.plenary is not None:
        plenary = plenary_of(archive, evidence.plenary)
        return None if plenary is None else _plenary_bound(evidence, source, plenary)
    if evidence.date is None:
        return Bound(*key, None, None, "", "", founding)
    begin, end = evidence.date.start, evidence.date.period_end
    basis = "One of the founding partners." if founding else ""
    if evidence.upper_bound:
        return Bound(*key, None, end, f"by {evidence.date.claim}", basis, founding)
    when = format_date(evidence.date.start, evidence.date.precision)
    on = "on" if evidence.date.precision == DAY else "in"
    basis = basis or f"Became a partner {on} {when}."
    return Bound(*key, begin - ONE_DAY, end, evidence.date.claim, basis, founding)


def already_bounds(archive):
    """The evidence of the documents and records, each as a bound, and the
    hosts of plenaries (partners by their first day)."""
    found = []
    for source in archive.sources:
        for evidence in source.facts.members if source.facts else []:
            bound = _evidence_bound(archive, source, evidence)
            if bound is not None:
                found.append(bound)
    for plenary in archive.plenaries:
        for source, report in plenary.reports:
            if report.country and report.country.passage and not report.is_mention:
                day = first_day(plenary)
                found.append(
                    Bound(
                        plenary.country,
                        source,
                        report.country.passage,
                        None,
                        day,
                        f"by {day}",
                        f"Hosted {label(plenary)}.",
                    )
                )
    return found


def _is_complete(archive, report):
    """A list of partners is complete when it is as long as the count the same
    witness states, or its note says how many it lists."""
    listed = len(report.member_list.value)
    if report.member_count and report.member_count.value == listed:
        return True
    note = archive.record_notes.get(report.member_list.passage, "")
    stated = re.match(r"(\d+) partner", note)
    return bool(stated) and int(stated.group(1)) == listed


def _reports(archive):
    for plenary in archive.plenaries:
        for source, report in plenary.reports:
            if source.kind not in OVERVIEWS:
                yield plenary, source, report


def not_yet_bounds(archive, codes, latest):
    """ "Not yet" evidence of the lists and counts at plenaries: who was absent
    from a complete list, or beyond a count the partners certain then fill."""
    found = []
    for plenary, source, report in _reports(archive):
        day = not_yet_day(plenary)
        if report.member_list and _is_complete(archive, report):
            absent = codes - set(report.member_list.value)
            basis = f"Not in the complete list of partners at {label(plenary)}."
            passage = report.member_list.passage
        elif report.member_count:
            certain = {code for code in codes if (latest[code] or day + ONE_DAY) <= day}
            if len(certain) != report.member_count.value:
                continue
            absent = codes - certain
            basis = (
                f"Not among the {report.member_count.value} partners at "
                f"{label(plenary)}."
            )
            passage = report.member_count.passage
        else:
            continue
        found.extend(
            Bound(code, source, passage, day, None, f"not yet on {day}", basis)
            for code in sorted(absent)
        )
    return found


def weigh(bounds):
    """(earliest, latest, the bounds that set them) for one country: the day
    after the latest "not yet", and the earliest "already", each from the better
    witnesses where they give one; then narrowed by each lesser witness (an
    overview, an encyclopedia) that lies wholly within them, such as the
    overview's founding day within the parliamentary answer's 1987. A lesser
    witness that overlaps them only in part (the encyclopedia's 1997 for Poland,
    against the statements' November 1997 to October 1998) narrows nothing."""
    deciding = []

    def pick(values, choose):
        better = [b for b in values if not b.lesser] or values
        if not better:
            return None
        best = choose(better)
        deciding.append(best)
        return best

    latest = pick([b for b in bounds if b.already], lambda bs: min(bs, key=_already))
    before = pick([b for b in bounds if b.not_yet], lambda bs: max(bs, key=_not_yet))
    earliest = before.not_yet + ONE_DAY if before else None
    latest_day = latest.already if latest else None
    if earliest and latest_day and earliest > latest_day:
        # The witnesses contradict each other: what was seen (a partner by a
        # day) over what was not, and the start left open.
        deciding.remove(before)
        earliest = None
    for bound in bounds:
        low = bound.not_yet + ONE_DAY if bound.not_yet else None
        if not bound.lesser or (low, bound.already) == (None, None):
            continue
        if _within(low, bound.already, earliest, latest_day):
            earliest = max(filter(None, (earliest, low)), default=None)
            latest_day = min(filter(None, (latest_day, bound.already)), default=None)
            deciding.append(bound)
    return earliest, latest_day, deciding


def _already(bound):
    return bound.already


def _not_yet(bound):
    return bound.not_yet


def precision_of(earliest, latest):
    """The unit both bounds fall on: a year ("1990"), a month, or a day."""
    present = [day for day in (earliest, latest) if day]
    starts = [earliest] if earliest else []
    ends = [latest] if latest else []
    if (
        present
        and all(d.month == 1 and d.day == 1 for d in starts)
        and all(d.month == 12 and d.day == 31 for d in ends)
    ):
        return YEAR
    if (
        present
        and all(d.day == 1 for d in starts)
        and all((d + ONE_DAY).day == 1 for d in ends)
    ):
        return MONTH
    return DAY


def is_followed(bound, earliest, latest):
    """Whether the interval and what the witness says agree: one lies within
    the other (a witness more precise than the interval, or less, is followed;
    one that overlaps it only in part, or not at all, is not)."""
    low = bound.not_yet + ONE_DAY if bound.not_yet else None
    high = bound.already
    return _within(earliest, latest, low, high) or _within(low, high, earliest, latest)


def _within(low, high, outer_low, outer_high):
    """[low, high] within [outer_low, outer_high] (None: unbounded)."""
    above = outer_low is None or (low is not None and low >= outer_low)
    below = outer_high is None or (high is not None and high <= outer_high)
    return above and below


def merge_memberships(archive):
    """One membership per country any evidence shows a partner, begun between
    the bounds its evidence gives, each piece cited."""
    found = already_bounds(archive)
    codes = {b.code for b in found if b.already or b.founding or b.claim == ""}
    latest = {}
    for code in codes:
        _, latest[code], _ = weigh([b for b in found if b.code == code])
    found += not_yet_bounds(archive, codes, latest)
    for code in sorted(codes):
        mine = [b for b in found if b.code == code]
        earliest, latest_day, deciding = weigh(mine)
        notes = []
        for bound in deciding:
            if bound.basis and bound.basis not in notes:
                notes.append(bound.basis)
        archive.memberships.append(
            Membership(
                country=code,
                since_earliest=earliest,
                since_latest=latest_day,
                since_precision=precision_of(earliest, latest_day),
                founding=any(b.founding for b in mine),
                notes=" ".join(notes),
            )
        )
        _cite(archive, code, mine, earliest, latest_day)


def _cite(archive, code, mine, earliest, latest):
    for bound in mine:
        if bound.claim:
            followed = is_followed(bound, earliest, latest)
            archive.cite(
                bound.source, "membership", code, "since", bound.claim,
                bound.passage, followed,
            )  # fmt: skip
        elif bound.founding:
            archive.cite(
                bound.source, "membership", code, "founding", "founding partner",
                bound.passage,
            )  # fmt: skip
        else:
            archive.cite(bound.source, "membership", code, "", "", bound.passage)
