"""What the plenary list shows between the plenaries: the numbered meetings no
witness records (the 2nd to the 4th), and the years without a plenary, with the
announcements that said otherwise."""

from dataclasses import dataclass, field

from .models.plenaries import ordinal


@dataclass
class Gap:
    """Meetings not recorded, or a year without a plenary, before `before`."""

    before: int  # the pk of the plenary that follows
    year: int
    first_number: int | None = None  # unrecorded meetings: their numbers
    last_number: int | None = None
    years: tuple = ()  # unrecorded meetings: the years they fall in
    announcements: list = field(default_factory=list)  # Citation

    @property
    def is_gap(self):
        return True

    @property
    def numbers_display(self):
        """'2nd–4th plenaries', '7th plenary'."""
        if self.first_number == self.last_number:
            return f"{ordinal(self.first_number)} plenary"
        return f"{ordinal(self.first_number)}–{ordinal(self.last_number)} plenaries"


def gaps(rows):
    """The gaps between plenaries, from rows of (pk, number, start_date) in date
    order: unrecorded numbers where the numbers jump by more than the unnumbered
    meetings between them; else each calendar year with no plenary."""
    found = []
    numbered = None  # (index, number) of the last numbered plenary
    for index, (pk, number, start) in enumerate(rows):
        if index == 0:
            if number:
                numbered = (index, number)
            continue
        previous_year = rows[index - 1][2].year
        missing = _missing_numbers(rows, numbered, index, number)
        if missing:
            years = tuple(range(previous_year + 1, start.year))
            found.append(Gap(pk, start.year, *missing, years=years))
        else:
            found.extend(Gap(pk, year) for year in range(previous_year + 1, start.year))
        if number:
            numbered = (index, number)
    return found


def _missing_numbers(rows, numbered, index, number):
    """(first, last) of the numbers no plenary between the last numbered one and
    this one can bear, or None."""
    if not number or numbered is None:
        return None
    last_index, last_number = numbered
    unnumbered = sum(1 for row in rows[last_index + 1 : index] if not row[1])
    if number - last_number - 1 - unnumbered <= 0:
        return None
    return last_number + 1, number - 1 - unnumbered


def with_announcements(found):
    """The gaps, each year without a plenary with the claims, not followed, that
    dated the next meeting in that year (the announcements that said otherwise)."""
    from evidence.models import Citation

    years = [gap for gap in found if gap.first_number is None]
    announced = Citation.objects.with_source_line().filter(
        plenary_id__in={gap.before for gap in years}, field="dates", is_followed=False
    )
    for citation in announced:
        for gap in years:
            if gap.before == citation.plenary_id and citation.claim.startswith(
                str(gap.year)
            ):
                gap.announcements.append(citation)
    return found


def year_groups(plenaries, found):
    """[(year mark, [plenary or Gap])] for a page of plenaries in date order, each
    preceded by the gaps before it (unrecorded meetings: mark None)."""
    before = {}
    for gap in found:
        before.setdefault(gap.before, []).append(gap)
    groups = []
    for plenary in plenaries:
        for gap in before.get(plenary.pk, []):
            mark = None if gap.first_number else gap.year
            groups.append((mark, [gap]))
        year = plenary.start_date.year
        if groups and groups[-1][0] == year:
            groups[-1][1].append(plenary)
        else:
            groups.append((year, [plenary]))
    return groups
