"""The consistency rules: each reads the loaded archive and returns its findings.

One function per rule, each returning a list of checks.findings.Finding whose key
is the rule, the record's natural key and the field ("list-shorter-than-count:
plenary/1992-oslo/listed_count"): keys name records as the fixtures do, so the
known-findings file stays valid when the archive is rebuilt.

Where a rule reads something the data model states in more than one way over
time (the partners on a day, a citation's note, a document's weight as a
witness), it reads it through one small function below, so that the rule itself
does not change when the model does.
"""

import itertools
import re

from core.dates import bounds, format_date
from core.records import archive_key_of
from evidence.claims import fold
from evidence.models import Citation
from members.models import Membership
from plenaries.models import Chairmanship, Plenary

from .findings import Evidence, Finding

# The witnesses the written rule ranks first (the meeting's own statement) and
# last (overviews and encyclopedias).
STATEMENT_KINDS = {"statement", "chair-report"}
OVERVIEW_KINDS = {"overview", "encyclopedia"}
# The fields of a plenary whose claims are dates.
DATE_FIELDS = {"dates", "start", "end", "start_date", "end_date", "date"}
YEAR = re.compile(r"\b(\d{4})\b")
LISTED = re.compile(r"\bnames (\d+)\b")


# What the rules read, each in one place.


def partners_on(day):
    """(certain, possible): how many partners the archive counts on a day for
    certain, and how many more may have been partners by then."""
    memberships = Membership.objects.all()
    if hasattr(memberships, "certain_on"):
        return memberships.certain_on(day).count(), memberships.possible_on(day).count()
    certain = possible = 0
    rows = memberships.values_list("since", "since_precision", "since_is_upper_bound")
    for since, precision, is_upper_bound in rows:
        earliest, latest = bounds(since, precision)
        if since is None:
            possible += 1
        elif latest <= day:
            certain += 1
        elif is_upper_bound or earliest <= day:
            possible += 1
    return certain, possible


def note_of(citation):
    """The archivist's note on a citation of the records ("" where none)."""
    return getattr(citation, "note", "") or ""


def evidence_of(citation):
    return Evidence(citation.source.title, citation.passage, note_of(citation))


def number_of(claim):
    try:
        return int(claim.strip())
    except ValueError:
        return None


def record_key(citation):
    """'plenary/2016-busan': the record a citation supports, by natural key."""
    for name in Citation.FACT_FIELDS:
        if getattr(citation, f"{name}_id") is not None:
            record = getattr(citation, name)
            return f"{name}/{archive_key_of(record.natural_key())}"
    return "record/none"


def plenary_citations(field):
    return (
        Citation.objects.filter(field=field, plenary__isnull=False)
        .select_related("source", "plenary")
        .order_by("plenary__start_date", "source__file_name", "pk")
    )


def listed_counts():
    """[(plenary, number, citation)]: how many partners a document's list names,
    where the archivist counted it: a citation of field "listed_count", or the
    note on its member count ("the list that follows names 21")."""
    found = [
        (citation.plenary, number_of(citation.claim), citation)
        for citation in plenary_citations("listed_count")
    ]
    counted = {(plenary.pk, citation.source_id) for plenary, _, citation in found}
    for citation in plenary_citations("member_count"):
        listed = LISTED.search(note_of(citation))
        if listed and (citation.plenary_id, citation.source_id) not in counted:
            found.append((citation.plenary, int(listed.group(1)), citation))
    return [row for row in found if row[1] is not None]


# The rules.


def member_count_against_roster():
    """A member count a document states against the partners the archive counts
    on the plenary's first day: consistent from the certain partners up to the
    certain and possible ones together; outside that, a finding. One finding per
    plenary and stated number."""
    stated = {}
    for citation in plenary_citations("member_count"):
        number = number_of(citation.claim)
        if number is not None:
            stated.setdefault((citation.plenary, number), []).append(citation)
    findings = []
    for (plenary, number), citations in stated.items():
        earliest, latest = bounds(plenary.start_date, plenary.date_precision)
        certain, _ = partners_on(earliest)
        at_latest, possible = partners_on(latest)
        most = at_latest + possible
        if certain <= number <= most:
            continue
        counted = f"{certain}" if certain == most else f"{certain} to {most}"
        findings.append(
            Finding(
                key=f"member-count:plenary/{plenary.slug}/member_count/{number}",
                rule="member-count",
                message=(
                    f"{plenary}: a document states {number} members; the archive "
                    f"counts {counted} partners on {format_date(earliest)}"
                ),
                evidence=[evidence_of(citation) for citation in citations],
            )
        )
    return findings


def list_shorter_than_count():
    """A member list shorter than the count the same document states."""
    stated = {}
    for citation in plenary_citations("member_count"):
        number = number_of(citation.claim)
        if number is not None:
            stated[(citation.plenary_id, citation.source_id)] = (number, citation)
    shorter = {}
    for plenary, listed, citation in listed_counts():
        number, count_citation = stated.get(
            (plenary.pk, citation.source_id), (None, None)
        )
        if number is not None and listed < number:
            shorter.setdefault(plenary, []).append(
                (listed, number, count_citation, citation)
            )
    findings = []
    for plenary, rows in shorter.items():
        said = "; ".join(f"lists {listed} of {number}" for listed, number, *_ in rows)
        evidence = []
        for *_, count_citation, listed_citation in rows:
            evidence.append(evidence_of(count_citation))
            if listed_citation != count_citation:
                evidence.append(evidence_of(listed_citation))
        findings.append(
            Finding(
                key=f"list-shorter-than-count:plenary/{plenary.slug}/listed_count",
                rule="list-shorter-than-count",
                message=f"{plenary}: a member list shorter than the count it states "
                f"({said})",
                evidence=evidence,
            )
        )
    return findings


def chair_terms_overlap_or_gap():
    """Consecutive chair terms (by their first plenary's date): the one should end
    at the plenary at which the next begins. Ending later, or never while another
    begins, is an overlap; ending earlier leaves a gap."""
    terms = (
        Chairmanship.objects.exclude(start_plenary=None)
        .select_related("start_plenary", "end_plenary")
        .prefetch_related("citations__source")
        .order_by("start_plenary__start_date", "slug")
    )
    findings = []
    for term, following in itertools.pairwise(terms):
        end, begins = term.end_plenary, following.start_plenary
        if end is not None and end.start_date == begins.start_date:
            continue
        if end is None or end.start_date > begins.start_date:
            rule, what = "chair-overlap", "overlaps"
        else:
            rule, what = "chair-gap", "leaves a gap before"
        ends = f"ends at {end.slug}" if end else "has no end"
        findings.append(
            Finding(
                key=f"{rule}:chairmanship/{term.slug}/end_plenary",
                rule=rule,
                message=(
                    f"Chair term {term.slug} ({term.start_plenary.slug}, {ends}) "
                    f"{what} term {following.slug}, begun at {begins.slug}"
                ),
                evidence=[
                    evidence_of(citation)
                    for each in (term, following)
                    for citation in each.citations.all()
                    if not citation.field
                ],
            )
        )
    return findings


def meeting_of(citation):
    """The plenary whose own statement speaks for a citation's record: the
    plenary itself, or the one a chair term began at (None for other records)."""
    if citation.plenary_id is not None:
        return citation.plenary_id
    if citation.chairmanship_id is not None:
        return citation.chairmanship.start_plenary_id
    return None


def is_own_statement(citation, meeting):
    """Whether a citation's document is the meeting's own statement: a statement
    or chair's report reporting on that meeting (any, for a record of no one
    meeting)."""
    source = citation.source
    return source.kind in STATEMENT_KINDS and meeting in (None, source.plenary_id)


def overview_followed_over_statement():
    """A record that follows an overview or encyclopedia on a field where the
    meeting's own statement says otherwise (the merge did not follow it), and no
    such statement agrees. Claims that differ in wording but agree (a partner
    "by 2011-04-15" and one since 1987) are not a finding: the merge followed
    both."""
    citations = (
        Citation.objects.exclude(field="")
        .exclude(claim="")
        .filter(source__kind__in=STATEMENT_KINDS | OVERVIEW_KINDS)
        .select_related("source", *Citation.FACT_FIELDS)
        .order_by("pk")
    )
    groups = {}
    for citation in citations:
        record = tuple(getattr(citation, f"{name}_id") for name in Citation.FACT_FIELDS)
        groups.setdefault((record, citation.field), []).append(citation)
    findings = []
    for (_, field), group in groups.items():
        meeting = meeting_of(group[0])
        statements = [c for c in group if is_own_statement(c, meeting)]
        for followed in group:
            if not (followed.is_followed and followed.source.kind in OVERVIEW_KINDS):
                continue
            claim = fold(followed.claim)
            against = [
                c for c in statements if not c.is_followed and fold(c.claim) != claim
            ]
            if not against or any(c.is_followed for c in statements):
                continue
            findings.append(_overview_finding(followed, field, against))
    return findings


def _overview_finding(followed, field, against):
    key = record_key(followed)
    return Finding(
        key=f"overview-over-statement:{key}/{field}/{followed.source.slug}",
        rule="overview-over-statement",
        message=(
            f"{key}: the record follows {followed.source.title} on {field} "
            f"(“{followed.claim}”) against the meeting's statement "
            f"(“{against[0].claim}”)"
        ),
        evidence=[evidence_of(c) for c in (followed, *against)],
    )


def slug_year(plenary):
    year = re.match(r"(\d{4})-", plenary.slug)
    return int(year.group(1)) if year else None


def dates_outside_year():
    """A plenary's dates, or a date a document claims for it, outside the year
    its slug names."""
    findings = []
    for plenary in Plenary.objects.select_related("country").order_by("start_date"):
        year = slug_year(plenary)
        days = (plenary.start_date, plenary.end_date)  # no end: the opening day
        if year is not None and {day.year for day in days if day} != {year}:
            findings.append(
                Finding(
                    key=f"date-outside-year:plenary/{plenary.slug}/dates",
                    rule="date-outside-year",
                    message=f"{plenary.slug}: its dates ({plenary.dates_display}) "
                    f"are not in {year}",
                    evidence=[
                        evidence_of(c)
                        for c in plenary.citations.filter(field__in=DATE_FIELDS)
                    ],
                )
            )
    claims = Citation.objects.filter(
        plenary__isnull=False, field__in=DATE_FIELDS
    ).select_related("source", "plenary")
    for citation in claims.order_by("plenary__start_date", "source__file_name", "pk"):
        year = slug_year(citation.plenary)
        years = {int(found) for found in YEAR.findall(citation.claim)}
        if year is None or not years - {year}:
            continue
        slug = citation.plenary.slug
        findings.append(
            Finding(
                key=(
                    f"date-outside-year:plenary/{slug}/{citation.field}/"
                    f"{citation.source.slug}"
                ),
                rule="date-outside-year",
                message=f"{slug}: {citation.source.title} claims {citation.field} "
                f"“{citation.claim}”, not in {year}",
                evidence=[evidence_of(citation)],
            )
        )
    return findings


RULES = [
    member_count_against_roster,
    list_shorter_than_count,
    chair_terms_overlap_or_gap,
    overview_followed_over_statement,
    dates_outside_year,
]


def run_all():
    """Every rule's findings, by key; findings that share a key are reported as
    one, with the evidence of each."""
    found = {}
    for rule in RULES:
        for finding in rule():
            if finding.key in found:
                kept = found[finding.key]
                kept.evidence += [e for e in finding.evidence if e not in kept.evidence]
            else:
                found[finding.key] = finding
    return [found[key] for key in sorted(found)]
