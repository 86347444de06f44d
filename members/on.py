"""Who was a partner on a day, in three groups: certainly, possibly (the evidence
dates the start only between two days, and the day lies between them), and not
yet. The partner list, the regime on a day, each plenary and the timeline say it
this way."""

import dataclasses
import datetime

from django.db.models import Prefetch

from core.dates import DatePrecision, format_date
from evidence.models import Citation

from .models import Membership

# The witnesses of a possible partner: what each says of when it began, the one
# the record follows first.
WITNESSES = Prefetch(
    "citations",
    queryset=Citation.objects.with_source_line()
    .filter(field="since")
    .order_by("-is_followed", "pk"),
    to_attr="witnesses",
)


@dataclasses.dataclass
class PartnersOn:
    """The partnerships on `day`, in three groups, each by country name."""

    day: datetime.date
    certain: list
    possible: list  # each with `witnesses`: its "since" citations
    not_yet: list
    # A day known only to its month or year: its last possible day, and the
    # precision it is written at ("1988", not "1 January 1988").
    last_day: datetime.date | None = None
    precision: str = DatePrecision.DAY

    @property
    def uncertain(self):
        """Whether the day is known only between `day` and `last_day`."""
        return self.last_day is not None and self.last_day != self.day

    @property
    def day_display(self):
        return format_date(self.day, self.precision)

    @property
    def countries(self):
        """The countries certainly partners (what "partners on" used to mean)."""
        return [membership.country for membership in self.certain]


def bound_claims(membership):
    """The claims that set a partnership's bounds: "by <latest>" and "not yet
    on <the day before earliest>"."""
    claims = set()
    if membership.since_latest:
        claims.add(f"by {membership.since_latest.isoformat()}")
    if membership.since_earliest:
        before = membership.since_earliest - datetime.timedelta(days=1)
        claims.add(f"not yet on {before.isoformat()}")
    return claims


def deciding_witnesses(membership):
    """Of its witnesses, the ones that set its bounds and the ones that
    disagree with them (the rest only agree)."""
    claims = bound_claims(membership)
    return [
        citation
        for citation in membership.witnesses
        if citation.claim in claims or not citation.is_followed
    ]


def partners_on(day, last_day=None, precision=DatePrecision.DAY):
    """Four queries (one per group and the witnesses), whatever the size of the
    archive. A day known only between `day` and `last_day` (at `precision`):
    certainly partners by the first of them, not yet by the last."""
    partners = Membership.objects.with_country().order_by("country__name")
    possible = list(partners.possible_on(day, last_day).prefetch_related(WITNESSES))
    for membership in possible:
        membership.witnesses = deciding_witnesses(membership)
    not_yet = list(partners.not_yet_on(last_day or day))
    certain = list(partners.certain_on(day))
    return PartnersOn(day, certain, possible, not_yet, last_day, precision)
