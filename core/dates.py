"""Dates as the sources state them: a day, a month or only a year."""

import calendar
import datetime

from django.db import models


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


def format_date(value, precision=DatePrecision.DAY):
    """'21 October 2016', 'October 1994' or '1987', as precise as the source."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return value.strftime("%B %Y")
    return f"{value.day} {value:%B %Y}"


def format_range(start, end, precision=DatePrecision.DAY):
    """'17–21 October 2016', 'November–December 1993', 'October 1994'."""
    if start is None:
        return ""
    if end is None or end == start:
        return format_date(start, precision)
    if precision == DatePrecision.YEAR:
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if precision == DatePrecision.MONTH:
        if (start.year, start.month) == (end.year, end.month):
            return format_date(start, precision)
        if start.year == end.year:
            return f"{start:%B}–{end:%B} {end.year}"
        return f"{start:%B %Y} – {end:%B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {end.day} {end:%B %Y}"
    return f"{format_date(start)} – {format_date(end)}"


def period_end(value, precision):
    """The last day a date of this precision may stand for (1994-10 -> 31 Oct 1994)."""
    if precision == DatePrecision.YEAR:
        return datetime.date(value.year, 12, 31)
    if precision == DatePrecision.MONTH:
        # Not the day before the next month's first: December 9999 has none.
        last_day = calendar.monthrange(value.year, value.month)[1]
        return datetime.date(value.year, value.month, last_day)
    return value


def iso_date(value, precision=DatePrecision.DAY, separator="-"):
    """'2016-10-21', '1994-10' or '1987': ISO 8601 as precise as the source (with
    separator="/", the Highwire Press form '2016/10/21')."""
    if value is None:
        return ""
    parts = [f"{value.year:04d}", f"{value.month:02d}", f"{value.day:02d}"]
    return separator.join(parts[: {"year": 1, "month": 2}.get(precision, 3)])
