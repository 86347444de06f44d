"""Who was a partner on a day, in three groups: certainly, possibly (the evidence
dates the start only between two days, and the day lies between them), and not
yet. The partner list, the regime on a day, each plenary and the timeline say it
this way."""

import dataclasses
import datetime

from django.db.models import Prefetch

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


def partners_on(day):
    """Four queries (one per group and the witnesses), whatever the size of the
    archive."""
    partners = Membership.objects.with_country().order_by("country__name")
    possible = list(partners.possible_on(day).prefetch_related(WITNESSES))
    for membership in possible:
        membership.witnesses = deciding_witnesses(membership)
    return PartnersOn(
        day, list(partners.certain_on(day)), possible, list(partners.not_yet_on(day))
    )
