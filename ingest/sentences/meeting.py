"""The meeting a sentence reports on, and what it did: opener, chairs, member list,
resolutions and concerns."""

import re

from ingest import names
from ingest.dates import ORDINAL_WORD_RE, find_dates, number_from_words, parse_range
from ingest.errors import DateParseError, ParseError
from ingest.facts import FROM_CITY, ChairEvidence, Fact, MemberEvidence
from ingest.people import split_title
from ingest.sentences.people import PERSON_START, read_people
from ingest.text import normalize_space, plain

_NUMBER = rf"(?P<number>\d{{1,3}}(?:st|nd|rd|th)?|(?i:{ORDINAL_WORD_RE}))"
_NUMBERED_PLENARY = re.compile(
    rf"(?<![\w-]){_NUMBER}\s+(?:MTCR\s+)?(?i:plenary)(?!\w)", re.UNICODE
)
_HELD = re.compile(
    r"\b(?:held|convened|took place|met|was hosted|hosted its|opened|opens"
    r"|will open)\b",
    re.I,
)
_IN_PLACE = re.compile(
    r"(?:\b[Ii]n|\bIN|\bat)\s+(?:the\s+)?(?P<place>(?:[A-ZÀ-Þ][\w'’.-]*)"
    r"(?:\s+(?:(?:de|del|da|la|of|do|am)\s+)?[A-ZÀ-Þ][\w'’.-]*)*)"
    r"(?:,\s+(?:the\s+)?(?P<country>(?:[A-ZÀ-Þ][\w'’.-]*)(?:\s+(?:of\s+)?[A-ZÀ-Þ][\w'’.-]*)*))?"
)
CITY_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(c) for c in sorted(names.CITIES, key=len, reverse=True))
    + r")(?![\w-])",
    re.I,
)


def quote(sentence):
    return normalize_space(sentence)


_OTHER_MEETING = re.compile(r"(?i)\b(?:last|previous|next|following) Plenary\b")


def is_meeting_sentence(sentence):
    """Whether a sentence may say where and when its own meeting was held."""
    text = plain(sentence)
    return bool(
        re.search(r"(?i)\bplenary\b", text)
        and _HELD.search(text)
        and not _OTHER_MEETING.search(text)
    )


def read_place(text):
    """(city, country code, whether the country is inferred from the city) a
    sentence holds the meeting in; either of the first two may be None."""
    unknown = None  # a place no gazetteer knows, kept if nothing better is found
    for match in _IN_PLACE.finditer(text):
        place = match.group("place").strip(" .,")
        place = re.sub(r"\s+(?:from|on|in|to)$", "", place)
        if place.split()[0].capitalize() in _MONTH_NAMES or _NOT_A_PLACE.match(place):
            continue
        country_text = match.group("country")
        country_code = names.country_named(country_text) if country_text else None
        known_city = names.city_country(place)
        if known_city:
            return known_city[0], country_code or known_city[1], not country_code
        code = names.country_named(place)
        if code:
            return None, code, False
        spelled = place.title() if place.isupper() else place
        if country_code:
            return spelled, country_code, False
        if unknown is None and not names.find_regions(place):
            unknown = spelled
    city = CITY_RE.search(text)
    if city:
        known = names.city_country(city.group())
        return known[0], known[1], True
    return unknown, None, False


_NOT_A_PLACE = re.compile(
    r"(?:MTCR|Plenary|Partners?|Members?|Annex|Guidelines|Regime|UN|WMD|"
    r"Addition|Particular|Accordance|Response)\b",
    re.I,
)
_MONTH_NAMES = {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
}  # fmt: skip


def read_meeting(sentence, report, year=None):
    """Fill number, city, country and dates of `report` from a meeting sentence.

    Returns True if the sentence held any of them.
    """
    text = plain(sentence)
    passage = quote(sentence)
    found = False
    number = _NUMBERED_PLENARY.search(text)
    if number and report.number is None:
        value = number_from_words(number.group("number"))
        if value:
            report.number = Fact(value, passage)
            found = True
    city, country, from_city = read_place(text)
    if city and report.city is None:
        report.city = Fact(city, passage)
        found = True
    if country and report.country is None:
        report.country = Fact(country, passage, FROM_CITY if from_city else "")
        found = True
    if report.dates is None:
        dates = _meeting_dates(text, year or report.year)
        if dates:
            report.dates = Fact(dates, passage)
            if not report.year:
                report.year = dates.start.year
            found = True
    return found


def _meeting_dates(text, year):
    for found in find_dates(text, year):
        before = text[: found.start].rstrip().lower()
        if before.endswith(("since", "until", "after", "before")):
            continue
        return found.range
    match = re.search(r"\bin (\d{4})\b", text)
    if match:
        try:
            return parse_range(match.group(1))
        except DateParseError:
            return None
    return None


_OPENED = [
    re.compile(
        r"(?:inaugurated|opened) by (?P<who>.+?)(?:,?\s+and\s+(?:was\s+)?"
        r"(?:co-)?chaired\b|\.$)"
    ),
    re.compile(
        r"^(?P<who>.+?) (?:welcomed (?:the )?participants"
        r"|opened the (?:meeting|Plenary))"
    ),
    re.compile(
        r"(?:delegates|participants) were welcomed by (?P<who>.+?)"
        r"(?: from the\b.*|\.$)"
    ),
]
_UNTIL_NEXT = (
    r"(?P<until>,? who will remain the Chair\b.*|,? who will chair\b.*"
    r"| until the next\b.*)?"
)
_CHAIRED = re.compile(rf"\b(?P<co>co-)?chaired by (?P<who>.+?){_UNTIL_NEXT}\.?$")
# "Ambassador X of the Foreign Ministry chaired the meeting", "Norway chaired ..."
_CHAIRED_SUBJECT = re.compile(
    r"^(?P<who>[A-Z].+?),? (?P<co>co-)?chaired the (?:meeting|[Pp]lenary)\b"
    rf"(?:[^,.]*?){_UNTIL_NEXT}\.?$"
)
_ELECTED = re.compile(
    rf"(?P<who>{PERSON_START}.+?) was elected (?:to chair|(?:as )?Chair of) the "
    r"(?:meeting|[Pp]lenary|MTCR)\b[^,.]*?(?P<until> until the next plenary)?\.?$",
    re.I,
)
_CONFIRMED = re.compile(
    rf"(?P<who>{PERSON_START}.+?) was confirmed as (?:the new )?chair"
    r"(?P<until> of the MTCR until the next plenary)?",
    re.I,
)
_CHAIRED_ROLE = "chaired the plenary"
_UNTIL_ROLE = "Chair of the MTCR until the next plenary"


def read_opener(sentence, report):
    text = plain(sentence)
    for pattern in _OPENED:
        match = pattern.search(text)
        if match and report.opened_by is None:
            who = match.group("who").strip(" ,")
            if len(who) < 200:
                report.opened_by = Fact(who, quote(sentence))
                return True
    return False


def _chair_phrase(text):
    """(who, role) of the phrase that says who chaired the meeting, or None."""
    match = _CONFIRMED.search(text)
    if match:
        return match.group("who"), (
            _UNTIL_ROLE if match.group("until") else "confirmed as the new Chair"
        )
    if re.search(r"(?i)the plenary (?:will be|is to be)", text):
        return None  # a chair to come
    for pattern in (_CHAIRED, _CHAIRED_SUBJECT, _ELECTED):
        match = pattern.search(text)
        if not match:
            continue
        who = match.group("who")
        if pattern is _CHAIRED_SUBJECT and not (
            split_title(who)[0] or _chair_countries(who)
        ):
            continue  # "The meeting, which ... chaired": no one named
        role = "co-chaired the plenary" if match.groupdict().get("co") else ""
        role = role or _CHAIRED_ROLE
        if match.group("until"):
            role += "; " + _UNTIL_ROLE
        return who, role
    return None


def _chair_countries(who):
    """The codes of "Norway" or "the Netherlands and Luxembourg"; [] for people."""
    listed = names.read_country_list(who)
    return listed.codes if listed.codes and not listed.unknown else []


def read_chairs(sentence, report, facts=None):
    """Who chaired the meeting (and stays Chair until the next): people, or
    countries named without a person ("chaired by Norway"), never a country
    taken for a person."""
    text = plain(sentence)
    passage = quote(sentence)
    phrase = _chair_phrase(text)
    if phrase is None:
        return False
    who, role = phrase
    countries = _chair_countries(who)
    if countries:
        if facts is not None:
            facts.chairs.append(
                ChairEvidence("current", passage, countries=countries, plenary=report)
            )
        return True
    people = [
        person
        for person in read_people(who, role, passage)
        if person.name
        and len(person.name.split()) <= 6
        and not names.country_named(person.name)
    ]
    report.chairs.extend(people)
    countries = [names.country_named(p.position) for p in people]
    if facts is not None and len(people) > 1 and all(countries):
        # Co-chairs "of Portugal" and "of the Netherlands": a joint chairmanship.
        facts.chairs.append(
            ChairEvidence(
                term="current", passage=passage, countries=countries, plenary=report
            )
        )
    return bool(people)


_MEMBER_LIST = re.compile(
    r"(?:The MTCR (?:has|now has|comprises|consists of) (?P<count>\w+(?:-\w+)?) "
    r"(?:members|Members|Partners|partners|Member States|member states)"
    r"|The (?:MTCR[’']s )?(?:(?P<count2>\w+(?:-\w+)?) )?(?:MTCR )?"
    r"(?:Partners|Members|members|partners) (?:are|were))"
    r"\s*(?::|, namely|, which are)\s*(?P<list>.+?)\.?$"
)


def read_member_list(sentence, report, facts):
    """ "The MTCR has 35 members: ...": each a partner by the meeting's last day."""
    text = plain(sentence)
    match = _MEMBER_LIST.search(text)
    if not match:
        return False
    countries = names.read_country_list(match.group("list"))
    if countries.unknown:
        raise ParseError(
            "member list names unknown countries: " + ", ".join(countries.unknown),
            passage=sentence,
        )
    passage = quote(sentence)
    report.member_list = Fact(countries.codes, passage)
    count = number_from_words(match.group("count") or match.group("count2") or "")
    if count and count != len(countries.codes):
        raise ParseError(
            f"member list says {count} members but names {len(countries.codes)}",
            passage=sentence,
        )
    if count:
        report.member_count = Fact(count, passage)
    for code in countries.codes:
        facts.members.append(MemberEvidence(code, passage, plenary=report))
    return True


_RESOLUTIONS = re.compile(
    r"(?:Resolutions?|resolutions?|UNSCRs?)\b[\s,]*(?:inter alia[\s,]*)?"
    r"(?P<numbers>\d{3,4}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)\d{3,4})*)"
)


def read_resolutions(sentence, report):
    text = plain(sentence)
    numbers = []
    for match in _RESOLUTIONS.finditer(text):
        numbers.extend(int(n) for n in re.findall(r"\d{3,4}", match.group("numbers")))
    numbers = sorted(set(numbers))
    if numbers:
        report.resolutions.append(Fact(numbers, quote(sentence)))
    return bool(numbers)


_CONCERN = re.compile(
    r"concern|country issues|threat posed by|challenges posed by|"
    r"missile (?:programs?|activities) of",
    re.I,
)


def read_concerns(sentence, report):
    text = plain(sentence)
    passage = quote(sentence)
    regions = names.find_regions(text)
    if regions:
        report.regions.append(Fact(regions, passage))
    trigger = _CONCERN.search(text)
    if trigger:
        codes = names.country_codes(text[trigger.start() :])
        if codes:
            report.countries_of_concern.append(Fact(codes, passage))
    for code in names.country_codes(text):
        if code not in report.countries_named:
            report.countries_named.append(code)
