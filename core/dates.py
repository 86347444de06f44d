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


def bounds(value, precision):
    """(earliest, latest): the first and last day a date of this precision may
    stand for (1994-10 -> 1 October 1994, 31 October 1994)."""
    if value is None:
        return None, None
    if precision == DatePrecision.YEAR:
        return datetime.date(value.year, 1, 1), period_end(value, precision)
    if precision == DatePrecision.MONTH:
        return value.replace(day=1), period_end(value, precision)
    return value, value


def _unit(value, precision):
    """The shortest text for a bound: '5 October 1998', 'October 1998', '1998'."""
    return format_date(value, precision)


def format_interval(earliest, latest, precision=DatePrecision.DAY):
    """An uncertain day as a person writes it: '21 October 2016', '1990',
    'October 1994', 'by 5 October 1998', 'after 6 November 1997', '1997 or 1998',
    'November–December 1993', 'between 10 and 12 October 1995', 'between 7
    November 1997 and 5 October 1998'.

    `earliest` and `latest` are the first and last possible day (None: open);
    `precision` is the unit the evidence gives them in.
    """
    if earliest is None and latest is None:
        return "date unknown"
    if earliest is None:
        return f"by {_unit(latest, precision)}"
    if latest is None:
        return f"on or after {_unit(earliest, precision)}"
    if precision == DatePrecision.YEAR:
        if earliest.year == latest.year:
            return str(earliest.year)
        if latest.year == earliest.year + 1:
            return f"{earliest.year} or {latest.year}"
        return f"between {earliest.year} and {latest.year}"
    if precision == DatePrecision.MONTH:
        return format_range(earliest, latest, precision)
    if earliest == latest:
        return format_date(earliest)
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"between {earliest.day} and {format_date(latest)}"
    if earliest.year == latest.year:
        return f"between {earliest.day} {earliest:%B} and {format_date(latest)}"
    return f"between {format_date(earliest)} and {format_date(latest)}"


def _edtf_unit(value, precision):
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def edtf_day(earliest, latest, precision=DatePrecision.DAY):
    """One day known to lie between two bounds, in EDTF: '1990', '1998-10',
    '2016-10-21', '[..1998-10-05]' (by then), '[1997..1998]' (one of them).

    Written here, not parsed at each use: tests/core/test_date_intervals.py checks
    that the edtf library reads every form back to the same days and writes it the
    same way."""
    if earliest is None and latest is None:
        return ""
    if earliest is not None and latest is not None:
        first, last = _edtf_unit(earliest, precision), _edtf_unit(latest, precision)
        text = first if first == last else f"[{first}..{last}]"
    elif earliest is None:
        text = f"[..{_edtf_unit(latest, precision)}]"
    else:
        text = f"[{_edtf_unit(earliest, precision)}..]"
    return text


def edtf_span(start, end, precision=DatePrecision.DAY):
    """A span of days (a meeting) in EDTF: '1999-10-11/1999-10-15', '1988',
    '2012-10-24/..' (the opening day alone known). Written as edtf_day is."""
    if start is None:
        return ""
    first = _edtf_unit(start, precision)
    if end is None:
        return f"{first}/.."
    last = _edtf_unit(end, precision)
    return first if first == last else f"{first}/{last}"
