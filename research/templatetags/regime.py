"""{% regime_day plenary as on %}: the day whose regime a link from a plenary
shows, and how to say it."""

from typing import NamedTuple

from django import template

from core.dates import DatePrecision, format_date, period_end

register = template.Library()


class RegimeDay(NamedTuple):
    day: object  # the datetime.date to link, /on/<day>/
    exact: bool  # the plenary's first day, as a witness gives it
    period: str  # otherwise the period it ends: "1988", "March 1993"


@register.simple_tag
def regime_day(plenary):
    """The plenary's first day where a witness gives the day. A plenary known to
    the month or year has no first day any witness gives (Rome 1988 is not
    1 January 1988): its last possible day, the regime "by the end of 1988"."""
    precision = plenary.date_precision
    if precision == DatePrecision.DAY:
        return RegimeDay(plenary.start_date, True, "")
    last = plenary.latest_day or period_end(
        plenary.end_date or plenary.start_date, precision
    )
    return RegimeDay(last, False, format_date(last, precision))
