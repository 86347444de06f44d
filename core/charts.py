"""Charts drawn on the server as SVG, so they show without JavaScript and in print.

Every text that reaches the SVG is escaped; the builders return safe markup.
"""

import calendar
import datetime

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 800
LEFT = 36
RIGHT = 12


def _year_fraction(day):
    start = datetime.date(day.year, 1, 1)
    length = 366 if calendar.isleap(day.year) else 365
    return day.year + (day - start).days / length


class _Scale:
    def __init__(self, first_year, last_year):
        self.first = first_year
        self.last = last_year + 1
        self.span = max(self.last - self.first, 1)

    def x(self, value):
        if isinstance(value, datetime.date):
            value = _year_fraction(value)
        inner = WIDTH - LEFT - RIGHT
        return round(LEFT + (value - self.first) / self.span * inner, 1)

    def ticks(self):
        step = 1 if self.span <= 12 else 5 if self.span <= 60 else 10
        first = self.first + (-self.first) % step
        return range(first, self.last + 1, step)


def _axis(scale, top, bottom):
    parts = [
        f'<line class="axis" x1="{LEFT}" y1="{bottom}" x2="{WIDTH - RIGHT}" '
        f'y2="{bottom}"/>'
    ]
    for year in scale.ticks():
        x = scale.x(year)
        parts.append(
            f'<line class="tick" x1="{x}" y1="{top}" x2="{x}" y2="{bottom + 4}"/>'
            f'<text class="label" x="{x}" y="{bottom + 16}" '
            f'text-anchor="middle">{year}</text>'
        )
    return "".join(parts)


def overview_svg(plenaries, intervals, today=None, total=None):
    """The plenaries along the years above the number of partners over time.

    `plenaries` is a list of (date, label, url) dots, `total` the number of
    plenaries they stand for (one per dot if not given); `intervals` the
    (earliest, latest) days between which each partnership began: drawn as the
    growth chart draws them, a line of those certainly begun and a band up to
    those that may have.
    """
    today = today or datetime.date.today()
    band = partner_band(intervals)
    dates = [day for day, _, _ in plenaries] + [day for day, _, _ in band]
    if not dates:
        return ""
    scale = _Scale(min(dates).year, max(max(dates), today).year)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} 176" role="img" '
        'aria-labelledby="overview-title overview-desc" '
        'xmlns="http://www.w3.org/2000/svg">',
        '<title id="overview-title">The regime at a glance</title>',
        f'<desc id="overview-desc">{total or len(plenaries)} plenaries from '
        f"{scale.first} to {scale.last - 1}, and the number of partners over "
        f"time{_partners_desc(band)}.</desc>",
        f'<text class="label" x="{LEFT}" y="12">Plenaries</text>',
    ]
    for day, label, url in plenaries:
        x = scale.x(day)
        parts.append(
            f'<a href="{escape(url)}" aria-label="{escape(label)}">'
            f'<circle class="plenary" cx="{x}" cy="30" r="5">'
            f"<title>{escape(label)}</title></circle></a>"
        )
    parts.append(f'<text class="label" x="{LEFT}" y="50">Partners</text>')
    if band:
        peak = max(possible for _, _, possible in band)

        def y(count):
            return round(150 - count / peak * 94, 1)

        end_day = max(band[-1][0], today)
        certain = _steps(scale, [(d, c) for d, c, _ in band], y, end_day)
        possible = _steps(scale, [(d, p) for d, _, p in band], y, end_day)
        outline = _line(possible + certain[::-1])
        parts += [
            f'<path class="partners-possible" d="{outline} Z"/>',
            f'<path class="partners" d="{_line(certain)}"/>',
            f'<text class="label" x="{WIDTH - RIGHT}" y="50" text-anchor="end">'
            f"{peak}</text>",
        ]
    parts.append(_axis(scale, 20, 150))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def _partners_desc(band):
    """', rising to 35' where every partnership's day is certain; ', rising to
    30 certainly and 35 possibly' where some are known only between two days."""
    if not band:
        return ""
    _, certain, possible = band[-1]
    if certain == possible:
        return f", rising to {certain}"
    return f", rising to {certain} certainly and {possible} possibly"


def partner_band(intervals):
    """[(day, certain, possible)] after each day on which either count changed:
    of the partnerships begun between (earliest, latest) days, how many had
    certainly begun by then (latest on or before it) and how many may have
    (earliest on or before it; one with no earliest, from the first day)."""
    known = [day for pair in intervals for day in pair if day is not None]
    if not known:
        return []
    first = min(known)
    changes = {}
    for earliest, latest in intervals:
        start = earliest or first
        changes.setdefault(start, [0, 0])[1] += 1
        if latest is not None:
            changes.setdefault(latest, [0, 0])[0] += 1
    band, certain, possible = [], 0, 0
    for day in sorted(changes):
        certain += changes[day][0]
        possible += changes[day][1]
        band.append((day, certain, possible))
    return band


def _steps(scale, points, y, end_day):
    """The (x, y) corners of a step line through (day, value) points."""
    corners, previous = [], 0
    for day, value in points:
        x = scale.x(day)
        corners += [(x, y(previous)), (x, y(value))]
        previous = value
    corners.append((scale.x(end_day), y(previous)))
    return corners


def _line(corners):
    return " ".join(
        f"{'M' if i == 0 else 'L'}{x},{y}" for i, (x, y) in enumerate(corners)
    )


def growth_svg(intervals, today=None):
    """The number of partners over time: the partnerships certainly begun as a
    line, and a band up to those that may have begun (the evidence dates them
    only between two days), not a step the sources do not show."""
    today = today or datetime.date.today()
    band = partner_band(intervals)
    if not band:
        return ""
    end_day = max(band[-1][0], today)
    scale = _Scale(band[0][0].year, end_day.year)
    peak = max(possible for _, _, possible in band)

    def y(count):
        return round(170 - count / peak * 154, 1)

    certain = _steps(scale, [(d, c) for d, c, _ in band], y, end_day)
    possible = _steps(scale, [(d, p) for d, _, p in band], y, end_day)
    final = band[-1]
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} 196" role="img" '
        'aria-labelledby="growth-title growth-desc" '
        'xmlns="http://www.w3.org/2000/svg">',
        '<title id="growth-title">Partners over time</title>',
        f'<desc id="growth-desc">Partners certainly (line) and possibly (band) '
        f"from {band[0][0].year}: {final[1]} certainly and {final[2]} possibly "
        f"by {final[0].year}.</desc>",
        f'<path class="partners-possible" d="{_line(possible + certain[::-1])} Z"/>',
        f'<path class="partners" d="{_line(certain)}"/>',
    ]
    for day, count, maybe in band:
        partners = "partner" if count == 1 else "partners"
        shown = f"{count} {partners} certainly, {maybe} possibly, from {day:%Y-%m-%d}"
        parts.append(
            f'<circle class="step" cx="{scale.x(day)}" cy="{y(count)}" r="2.5">'
            f"<title>{escape(shown)}</title></circle>"
        )
    parts.append(
        f'<text class="label" x="{LEFT - 6}" y="20" text-anchor="end">{peak}</text>'
        f'<text class="label" x="{LEFT - 6}" y="170" text-anchor="end">0</text>'
    )
    parts.append(_axis(scale, 16, 170))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
