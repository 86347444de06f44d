"""The regime on a given day, and what changed between two days.

Each part is one query (two more for the chair's countries and people), so the
page costs the same whatever the size of the archive. The lists that grow with
the archive (the plenaries and Annex revisions between two days, the chairs of a
day) are cut at a length the real archive never reaches, with their full count.
"""

import datetime
from dataclasses import dataclass

from annex.models import AnnexRevision
from core.listing import listed
from members.models import Adherence
from members.on import partners_on
from plenaries.models import Chairmanship, Plenary

# More than the real archive's plenaries and Annex revisions: it lists them all.
LISTED = 50
# A term is held by one chair, or two together: more at once is never real.
CHAIRS_LISTED = 10


@dataclass
class Regime:
    """Who was in the regime on `day`, who chaired it, and what it had adopted."""

    day: datetime.date
    partners: list  # certainly partners on `day`
    adherents: list
    chairs: list
    annex_revision: object
    last_plenary: object
    next_plenary: object
    partners_on: object = None  # members.on.PartnersOn: certainly, possibly, not yet

    @property
    def partner_countries(self):
        return {membership.country for membership in self.partners}

    @property
    def adherent_countries(self):
        return {(adherence.country, adherence.kind) for adherence in self.adherents}


def regime_on(day):
    on = partners_on(day)
    adherents = list(
        Adherence.objects.on(day).with_country().order_by("country__name", "kind")
    )
    chairs = listed(
        Chairmanship.objects.held_on(day)
        .with_people()
        .defer(
            *(
                f"{end}__{text}"
                for end in ("start_plenary", "end_plenary")
                for text in Plenary.LONG_TEXTS
            )
        ),
        CHAIRS_LISTED,
    )
    annex_revision = (
        AnnexRevision.objects.in_force_on(day)
        .select_related("adopted_at")
        .defer(*(f"adopted_at__{text}" for text in Plenary.LONG_TEXTS))
        .first()
    )
    last_plenary = (
        Plenary.objects.for_links().on_or_before(day).order_by("-start_date").first()
    )
    next_plenary = (
        Plenary.objects.for_links()
        .filter(start_date__gt=day)
        .order_by("start_date")
        .first()
    )
    return Regime(
        day, on.certain, adherents, chairs, annex_revision, last_plenary,
        next_plenary, on,
    )  # fmt: skip


@dataclass
class Changes:
    """What differs between the regime on `earlier.day` and on `later.day`."""

    earlier: Regime
    later: Regime
    plenaries: list
    annex_revisions: list

    @property
    def joined(self):
        before = self.earlier.partner_countries
        return [m for m in self.later.partners if m.country not in before]

    @property
    def left(self):
        after = self.later.partner_countries
        return [m for m in self.earlier.partners if m.country not in after]

    @property
    def adhered(self):
        before = self.earlier.adherent_countries
        return [a for a in self.later.adherents if (a.country, a.kind) not in before]

    @property
    def no_longer_adherents(self):
        after = self.later.adherent_countries
        return [a for a in self.earlier.adherents if (a.country, a.kind) not in after]

    @property
    def chair_changed(self):
        return {c.pk for c in self.earlier.chairs} != {c.pk for c in self.later.chairs}

    @property
    def annex_changed(self):
        return self.earlier.annex_revision != self.later.annex_revision

    @property
    def anything(self):
        return bool(
            self.joined
            or self.left
            or self.adhered
            or self.no_longer_adherents
            or self.chair_changed
            or self.plenaries
            or self.annex_revisions
        )


def changes_between(first, second):
    """Changes from the earlier of two days to the later."""
    earlier_day, later_day = sorted([first, second])
    plenaries = listed(
        Plenary.objects.for_links()
        .filter(start_date__gt=earlier_day, start_date__lte=later_day)
        .order_by("start_date"),
        LISTED,
    )
    annex_revisions = listed(
        AnnexRevision.objects.filter(date__gt=earlier_day, date__lte=later_day)
        .select_related("adopted_at")
        .defer(*(f"adopted_at__{text}" for text in Plenary.LONG_TEXTS))
        .order_by("date"),
        LISTED,
    )
    return Changes(
        regime_on(earlier_day), regime_on(later_day), plenaries, annex_revisions
    )
