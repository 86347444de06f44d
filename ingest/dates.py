"""Dates as the documents write them, read at the precision they are stated.

"11 to 15 April 2011", "17th to 21st October 2016", "29 September to 3 October",
"October 4-6, 1994", "March 28 to April 1, 2011", "9 and 10 July", "in October",
"November-December", "the seventeenth to the twenty-first of October"... A year
missing from the text comes from the caller (the year a section or title gives).
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from ingest.errors import DateParseError

DAY = "day"
MONTH = "month"
YEAR = "year"

MONTHS = {
    name.lower(): number for number, name in enumerate(calendar.month_name) if name
}
MONTHS.update(
    {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
)
MONTHS["sept"] = 9

_UNITS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
    "sixteenth", "seventeenth", "eighteenth", "nineteenth",
]  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
_TENTHS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50}
_CARDINALS = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
]  # fmt: skip

ORDINAL_WORDS = {word: number for number, word in enumerate(_UNITS, start=1)}
ORDINAL_WORDS.update(_TENTHS)
for _tens_word, _tens in _TENS.items():
    for _unit, _word in enumerate(_UNITS[:9], start=1):
        ORDINAL_WORDS[f"{_tens_word}-{_word}"] = _tens + _unit
CARDINAL_WORDS = {word: number for number, word in enumerate(_CARDINALS, start=1)}
CARDINAL_WORDS.update(_TENS)
for _tens_word, _tens in _TENS.items():
    for _unit, _word in enumerate(_CARDINALS[:9], start=1):
        CARDINAL_WORDS[f"{_tens_word}-{_word}"] = _tens + _unit


def _alternation(words):
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


ORDINAL_WORD_RE = _alternation(ORDINAL_WORDS)
CARDINAL_WORD_RE = _alternation(CARDINAL_WORDS)
# Month names are capitalised ("May", "MAY"), so that "may contribute" is no date.
_MONTH_FORMS = [f(name) for name in MONTHS for f in (str.capitalize, str.upper)]
_MONTH = rf"(?:{_alternation(_MONTH_FORMS)})\.?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DAY = (
    rf"(?:{_WEEKDAY}\d{{1,2}}(?!\d)(?i:st|nd|rd|th)?"
    rf"|(?i:(?:the\s+)?(?:{ORDINAL_WORD_RE}))(?![\w-]))"
)
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
# Any dash between days: hyphen, non-breaking hyphen, figure, en and em dash, minus.
_TO = r"\s*(?:[-\u2010\u2011\u2012\u2013\u2014\u2212]|to|until|till|and|through)\s*"
_OF = r"(?:\s+of)?\s+"

# Most specific first: the first alternative that matches at a position wins.
_PATTERNS = [
    # 29 September 2014 to 3 October 2014 / 28 December 2010 to 3 January 2011
    rf"(?P<d1>{_DAY}){_OF}(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?{_TO}"
    rf"(?P<d2>{_DAY}){_OF}(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?",
    # March 28 to April 1, 2011
    rf"(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?{_TO}"
    rf"(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})(?:,?\s+(?P<y2>{_YEAR}))?",
    # 11 to 15 April 2011 / 17th to 21st October / the seventeenth to the ... of
    rf"(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY}){_OF}(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?",
    # October 4-6, 1994 / September 23 – 27, 2002
    rf"(?P<m2>{_MONTH})\s+(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})(?:,?\s+(?P<y2>{_YEAR}))?",
    # 16 April 1987 / 12 June
    rf"(?P<d1>{_DAY}){_OF}(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?",
    # October 4, 1994 / January 11
    rf"(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?",
    # November-December 1993 / November to December
    rf"(?P<m1>{_MONTH}){_TO}(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?",
    # October 1994 / in March
    rf"(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?",
]
# One pattern to locate dates (group names cannot repeat across alternatives)...
DATE_RE = re.compile(
    re.sub(r"\(\?P<\w+>", "(?:", "|".join(f"(?:{p})" for p in _PATTERNS))
)
# ... and the alternatives themselves, to read the one that matched.
_ALTERNATIVES = [re.compile(pattern) for pattern in _PATTERNS]
_WORD_BOUNDARY = re.compile(r"(?<![\w-])")


@dataclass(frozen=True, order=True)
class DateRange:
    """A date or a span of dates, as precisely as the text states it."""

    start: datetime.date
    end: datetime.date
    precision: str = DAY

    @property
    def claim(self):
        """The range as a citation claim: "2011-04-11/2011-04-15", "1994-10"."""
        start, end = self._shown(self.start), self._shown(self.end)
        return start if start == end else f"{start}/{end}"

    def _shown(self, value):
        if self.precision == YEAR:
            return f"{value.year}"
        if self.precision == MONTH:
            return f"{value.year}-{value.month:02d}"
        return value.isoformat()

    def contains(self, other):
        """Whether another range lies within the period this one stands for."""
        return self.start <= other.start and other.end <= self.period_end

    @property
    def period_end(self):
        if self.precision == YEAR:
            return datetime.date(self.end.year, 12, 31)
        if self.precision == MONTH:
            last = calendar.monthrange(self.end.year, self.end.month)[1]
            return datetime.date(self.end.year, self.end.month, last)
        return self.end

    @property
    def single_month(self):
        return (self.start.year, self.start.month) == (self.end.year, self.end.month)


@dataclass(frozen=True)
class FoundDate:
    """A date found in a text, with where it was."""

    range: DateRange
    start: int
    end: int
    text: str


def _day(text):
    text = re.sub(r"^[a-z]+day,?\s+", "", text.lower().strip())
    if text.startswith("the"):
        text = text[3:].strip()
    if text in ORDINAL_WORDS:
        return ORDINAL_WORDS[text]
    return int(re.match(r"\d+", text).group())


def _month(text):
    return MONTHS[text.lower().rstrip(".")]


def _make(year, month, day, source):
    try:
        return datetime.date(year, month, day)
    except ValueError as error:
        raise DateParseError(f"not a date: {source!r} ({error})") from None


def _build(groups, year, source):
    """A DateRange from the named groups of one alternative."""
    d1, d2 = groups.get("d1"), groups.get("d2")
    m1, m2 = groups.get("m1"), groups.get("m2")
    y1, y2 = groups.get("y1"), groups.get("y2")
    month_end = _month(m2) if m2 else None
    month_start = _month(m1) if m1 else month_end
    month_end = month_end or month_start
    end_year = int(y2 or y1 or 0) or year
    if not end_year:
        raise DateParseError(f"no year in {source!r} and none given")
    start_year = int(y1) if y1 else end_year
    is_range = bool(d2 or (m1 and m2))
    first = (month_start, _day(d1) if d1 else 1)
    last = (month_end, _day(d2) if d2 else 1)
    if is_range and not y1 and first > last and month_start > month_end:
        start_year = end_year - 1  # "28 December to 3 January 2011"
    if d1:
        start = _make(start_year, month_start, _day(d1), source)
        end = _make(end_year, month_end, _day(d2), source) if d2 else start
        precision = DAY
    else:
        start = _make(start_year, month_start, 1, source)
        end = _make(end_year, month_end, 1, source)
        precision = MONTH
    if end < start:
        raise DateParseError(f"range ends before it starts: {source!r}")
    return DateRange(start, end, precision)


def _groups(match):
    return {name: value for name, value in match.groupdict().items() if value}


def find_dates(text, year=None):
    """Every date or range in a text, in order; a year missing comes from `year`."""
    found = []
    for match in DATE_RE.finditer(text):
        if not _WORD_BOUNDARY.match(text, match.start()) or re.match(
            r"\w", text[match.end() : match.end() + 1]
        ):
            continue
        # The combined pattern only locates; the alternative that matched builds.
        for alternative in _ALTERNATIVES:
            exact = alternative.fullmatch(match.group())
            if exact:
                break
        try:
            value = _build(_groups(exact), year, match.group())
        except DateParseError:
            continue
        found.append(FoundDate(value, match.start(), match.end(), match.group()))
    return found


def parse_range(text, year=None):
    """The one date or range a short text states; DateParseError if there is none.

    Leading words such as "on", "from", "in" and a trailing stop are allowed.
    """
    if not isinstance(text, str):
        raise DateParseError(f"not text: {text!r}")
    stripped = re.sub(r"^\s*(?:on|from|in|during|held)\s+", "", text, flags=re.I)
    stripped = stripped.strip().rstrip(".").strip()
    if re.fullmatch(_YEAR, stripped):
        value = int(stripped)
        return DateRange(
            datetime.date(value, 1, 1), datetime.date(value, 1, 1), precision=YEAR
        )
    for alternative in _ALTERNATIVES:
        match = alternative.fullmatch(stripped)
        if match:
            return _build(_groups(match), year, text)
    raise DateParseError(f"no date in {text!r}")


def year_in(text):
    """The first four-digit year a text names, or None."""
    match = re.search(rf"(?<!\d){_YEAR}(?!\d)", text or "")
    return int(match.group()) if match else None


def weekday_in(range_, weekday_name):
    """The day of a range that falls on a named weekday ("Friday"), or None."""
    names = [name.lower() for name in calendar.day_name]
    if weekday_name.lower() not in names or range_.precision != DAY:
        return None
    wanted = names.index(weekday_name.lower())
    day = range_.start
    while day <= range_.end:
        if day.weekday() == wanted:
            return day
        day += datetime.timedelta(days=1)
    return None


def number_from_words(text):
    """25 for "25", "25th", "twenty-fifth" or "twenty-five"; None otherwise."""
    text = text.lower().strip()
    match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", text)
    if match:
        return int(match.group(1))
    text = re.sub(r"\s+", "-", text)
    return ORDINAL_WORDS.get(text) or CARDINAL_WORDS.get(text)


def ordinal(number):
    """ "1st", "22nd", "13th": a number as the documents write ordinals."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"
