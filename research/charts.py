"""The year strip of a phrase: one cell per year, darker the more it is used.

Drawn on the server as SVG, so it shows without JavaScript and in print. Every
text that reaches the SVG is escaped; the builder returns safe markup.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

CELL = 22
GAP = 2
LEFT = 4
TOP = 18
LEVELS = 4


def level(count, peak):
    """0 for an unused year, then 1..LEVELS by share of the busiest year."""
    if not count or not peak:
        return 0
    return max(1, -(-count * LEVELS // peak))


def year_strip_svg(phrase, by_year, first_year, last_year, link=None):
    """A strip of the years first_year..last_year, each cell its count of uses.

    `by_year` maps a year to its count; `link(year)` gives the address a cell
    leads to (an anchor on the page), or None for no links.
    """
    if first_year is None or last_year is None or last_year < first_year:
        return ""
    years = range(first_year, last_year + 1)
    peak = max(by_year.values(), default=0)
    width = LEFT * 2 + len(years) * (CELL + GAP)
    height = TOP + CELL + 18
    used = sum(1 for year in years if by_year.get(year))
    parts = [
        f'<svg class="chart year-strip" viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="strip-title strip-desc" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="strip-title">“{escape(phrase)}” by year</title>',
        f'<desc id="strip-desc">Used in {used} of the years {first_year} to '
        f"{last_year}; at most {peak} times in a year.</desc>",
    ]
    for index, year in enumerate(years):
        x = LEFT + index * (CELL + GAP)
        count = by_year.get(year, 0)
        shade = level(count, peak)
        uses = "no use" if not count else f"{count} use{'s' if count > 1 else ''}"
        cell = (
            f'<rect class="cell level-{shade}" x="{x}" y="{TOP}" '
            f'width="{CELL}" height="{CELL}"><title>{year}: {uses}</title></rect>'
        )
        if count:
            cell += (
                f'<text class="count on-level-{shade}" x="{x + CELL / 2}" '
                f'y="{TOP + CELL / 2 + 4}" text-anchor="middle">{count}</text>'
            )
            if link:
                cell = f'<a href="{escape(link(year))}">{cell}</a>'
        parts.append(cell)
        if year % 5 == 0 or (year == first_year and year % 5 < 3):
            parts.append(
                f'<text class="label" x="{x + CELL / 2}" y="{TOP + CELL + 14}" '
                f'text-anchor="middle">{year}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
