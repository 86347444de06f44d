"""Sentence readers shared by the statement, chair's report and overview parsers.

Each reader takes one sentence (raw, as quoted) and the report of the meeting it
belongs to, and adds what the sentence states to the document's facts.
"""

import re

from . import names
from .dates import (
    DAY,
    MONTH,
    ORDINAL_WORD_RE,
    DateRange,
    find_dates,
    number_from_words,
    parse_range,
)
from .errors import DateParseError
from .facts import (
    AdherenceEvidence,
    AnnexEvidence,
    ChairEvidence,
    Fact,
    MemberEvidence,
    Person,
)
from .text import normalize_space, plain

TITLES = [
    "H. E.", "H.E.", "HE", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Ambassador",
    "Amb.", "Political Director", "State Secretary", "Acting Foreign Minister",
    "Foreign Minister", "Minister", "Deputy Minister", "Secretary",
]  # fmt: skip
_TITLE_RE = re.compile(
    r"^(?:(?:the\s+)?(?:"
    + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
    + r"),?\s+)+"
)
_POSITION_WORDS = re.compile(
    r"\b(?:Director|Minister|Ministry|Secretary|adviser|advisor|Department|Head|"
    r"Chair|Ambassador of|Permanent|Representative|General)\b"
)
_PERSON_START = r"(?:H\.\s?E\.|Mr\.|Mrs\.|Ms\.|Dr\.|Ambassador|Amb\.)"
_NUMBER = rf"(?P<number>\d+(?:st|nd|rd|th)?|(?i:{ORDINAL_WORD_RE}))"
_NUMBERED_PLENARY = re.compile(
    rf"(?<![\w-]){_NUMBER}\s+(?:MTCR\s+)?(?i:plenary)(?!\w)", re.UNICODE
)
_HELD = re.compile(
    r"\b(?:held|convened|took place|met|was hosted|hosted its|opened)\b", re.I
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


# --- people ---------------------------------------------------------------------


def parse_person(phrase, role="", passage=""):
    """A Person from "H.E. Ambassador Roberto Garcia Moritán" or "the Director
    General ..., Mr. Ham Sang-wook" or "Mr. John Quinn of the Australian ...".
    """
    phrase = normalize_space(plain(phrase)).strip(" ,.")
    phrase = re.sub(r"^(?:the|then)\s+(?=[A-Z])", "", phrase)
    segments = [s.strip() for s in re.split(r",\s+", phrase) if s.strip()]
    # A segment that is only a title ("Ambassador, Political Director X") joins
    # the next one.
    merged = []
    for segment in segments:
        if merged and _TITLE_RE.sub("", merged[-1] + " ").strip() == "":
            merged[-1] = f"{merged[-1]}, {segment}"
        else:
            merged.append(segment)
    name_index = None
    for index, segment in enumerate(merged):
        if _TITLE_RE.match(segment + " ") and _TITLE_RE.sub("", segment + " ").strip():
            name_index = index
            break
    if name_index is None:
        name_index = 0
    segment = merged[name_index]
    title_match = _TITLE_RE.match(segment + " ")
    title = title_match.group().strip().rstrip(",") if title_match else ""
    name = segment[title_match.end() :].strip() if title_match else segment
    position_parts = [s for i, s in enumerate(merged) if i != name_index]
    split = re.match(r"^(?P<name>.+?)\s+of\s+(?P<position>.+)$", name)
    if (
        split
        and not _POSITION_WORDS.search(split.group("name"))
        and (
            split.group("position").startswith("the ")
            or names.country_named(split.group("position"))
        )
    ):
        name = split.group("name")
        position_parts.insert(0, re.sub(r"^the\s+", "", split.group("position")))
    position = ", ".join(position_parts)
    position = re.sub(r"^the\s+", "", position)
    return Person(
        name=name.strip(),
        title=title,
        position=position,
        role=role,
        passage=passage,
    )


def read_people(phrase, role, passage):
    """One or more people: "X and Y" when both are titled, else one."""
    parts = re.split(rf"\s+and\s+(?={_PERSON_START})", phrase)
    return [parse_person(part, role=role, passage=passage) for part in parts]


# --- the meeting itself ---------------------------------------------------------


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
    """(city, country code) a sentence holds the meeting in; either may be None."""
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
            return known_city[0] if not place.isupper() else known_city[0], (
                country_code or known_city[1]
            )
        code = names.country_named(place)
        if code:
            return None, code
        spelled = place.title() if place.isupper() else place
        if country_code:
            return spelled, country_code
        if unknown is None and not names.find_regions(place):
            unknown = spelled
    city = CITY_RE.search(text)
    if city:
        known = names.city_country(city.group())
        return known[0], known[1]
    return unknown, None


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
    city, country = read_place(text)
    if city and report.city is None:
        report.city = Fact(city, passage)
        found = True
    if country and report.country is None:
        report.country = Fact(country, passage)
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


# --- what the meeting did or said -----------------------------------------------

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
_CHAIRED = re.compile(
    r"\b(?P<co>co-)?chaired by (?P<who>.+?)(?P<until>,? who will remain the Chair\b.*"
    r"|,? who will chair\b.*| until the next\b.*)?\.?$"
)
_CONFIRMED = re.compile(
    rf"(?P<who>{_PERSON_START}.+?) was confirmed as (?:the new )?chair"
    r"(?P<until> of the MTCR until the next plenary)?",
    re.I,
)


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


def read_chairs(sentence, report, facts=None):
    """People who chaired the meeting (and stay Chair until the next)."""
    text = plain(sentence)
    passage = quote(sentence)
    people = []
    match = _CHAIRED.search(text)
    if match and not re.search(r"(?i)the plenary (?:will be|is to be)", text):
        role = "co-chaired the plenary" if match.group("co") else "chaired the plenary"
        if match.group("until"):
            role += "; Chair of the MTCR until the next plenary"
        people = read_people(match.group("who"), role, passage)
    match = _CONFIRMED.search(text)
    if match:
        if match.group("until"):
            role = "Chair of the MTCR until the next plenary"
        else:
            role = "confirmed as the new Chair"
        people = [parse_person(match.group("who"), role=role, passage=passage)]
    people = [p for p in people if p.name and len(p.name.split()) <= 6]
    for person in people:
        report.chairs.append(person)
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
    r"The MTCR (?:has|now has|comprises|consists of) (?P<count>\w+(?:-\w+)?) "
    r"(?:members|Members|Partners|partners|Member States|member states)"
    r"\s*(?::|, namely|, which are)\s*(?P<list>.+?)\.?$"
)


def read_member_list(sentence, report, facts):
    text = plain(sentence)
    match = _MEMBER_LIST.search(text)
    if not match:
        return False
    countries = names.read_country_list(match.group("list"))
    passage = quote(sentence)
    report.member_list = Fact(countries.codes, passage)
    count = number_from_words(match.group("count"))
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


# --- chairs of the regime -------------------------------------------------------

_COUNTRY_PHRASE = r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*"
_PREVIOUS = ("previous", False, False)
_CURRENT = ("current", False, False)
_NEXT = ("next", True, False)  # announced, no host named
_NEXT_HOST = ("next", True, True)  # announced, with the next host
_ADJECTIVES = (
    "Argentine|Korean|Spanish|Danish|Greek|Australian|Brazilian|Swiss|Russian|Dutch|"
    "Irish|Norwegian|Italian|German|Polish|Canadian|Finnish|Hungarian|Japanese|"
    "Swedish|British|New Zealand"
)
_CHAIR_PATTERNS = [
    # (pattern, term, announcement, hosts_next)
    (r"\boutgoing MTCR Chair(?:man)?\s*\((?P<countries>[^)]+)\)", *_PREVIOUS),
    (r"\bincoming MTCR Chair(?:man)?\s*\((?P<countries>[^)]+)\)", *_CURRENT),
    (
        rf"\boutgoing MTCR Chair(?:man)?,?\s+(?P<who>{_PERSON_START}\s[^,]+?),?\s+"
        r"of the (?:joint )?[Cc]hairmanship of (?P<countries>.+?)\.$",
        *_PREVIOUS,
    ),
    (r"\boutgoing Joint Chairmanship of (?P<countries>.+?)\.$", *_PREVIOUS),
    (rf"from (?P<who>{_PERSON_START}\s[^,]+), the Outgoing Chair", *_PREVIOUS),
    (rf"to the new Chair, (?P<who>{_PERSON_START}\s[^,.]+)", *_CURRENT),
    (
        rf"(?P<countries>{_COUNTRY_PHRASE})[’']s formal assumption of the Chair",
        *_CURRENT,
    ),
    (rf"(?P<countries>{_COUNTRY_PHRASE}) took the MTCR [Cc]hair", *_CURRENT),
    (rf"replacing (?P<countries>{_COUNTRY_PHRASE})", *_PREVIOUS),
    (rf"\bas MTCR Chair, (?P<countries>{_COUNTRY_PHRASE})", *_CURRENT),
    (rf"(?P<countries>{_ADJECTIVES}) (?:[Cc]hairmanship|[Cc]hair)\b", *_CURRENT),
    (
        r"joint (?:MTCR )?[Cc]hairmanship (?:by|between|of) (?P<countries>.+?) in "
        r"(?P<years>\d{4}\s*[-–]\s*\d{2,4})",
        *_NEXT,
    ),
    (
        rf"(?P<countries>{_COUNTRY_PHRASE}) (?:is|are) scheduled to host and assume "
        r"(?:the )?chair of the (?P<year>\d{4}) Plenary",
        *_NEXT_HOST,
    ),
    (
        rf"(?P<countries>{_COUNTRY_PHRASE}) will serve as the next MTCR chair and "
        r"host the (?P<number>\w+) Plenary Meeting(?: on (?P<dates>[^.]+?))?\.?$",
        *_NEXT_HOST,
    ),
    (
        rf"(?P<countries>{_COUNTRY_PHRASE}) will host the next Plenary Meeting"
        r"(?: to be held)?(?: in (?P<dates>[^.]+?))?(?: and will serve as Chair\b.*)?"
        r"\.?$",
        *_NEXT_HOST,
    ),
    (
        rf"welcomed (?P<countries>{_COUNTRY_PHRASE})[’']s offer to host the "
        r"(?P<year>\d{4}) Plenary Meeting and to serve as Chair",
        *_NEXT_HOST,
    ),
    (
        r"the next plenary meeting is tentatively scheduled for (?P<dates>[^.]+?)\.?$",
        *_NEXT,
    ),
    (r"\b[Tt]he (?:MTCR )?Chair, (?P<who>Ambassador [^,]+),", "on-date", False, False),
    (
        r"\bAfter (?P<year>\d{4}), it is the second time that "
        r"(?P<countries>[A-Z]\w+) chairs",
        "in-year",
        False,
        False,
    ),
]
_CHAIR_RES = [
    (re.compile(pattern), term, announcement, hosts)
    for pattern, term, announcement, hosts in _CHAIR_PATTERNS
]
_ADJECTIVE_CODES = {
    adjective: country.iso_code
    for country in names.COUNTRIES
    for adjective in country.adjectives
}
_ADJECTIVE_CODES["New Zealand"] = "NZ"


def _codes(text):
    text = text.strip()
    if text in _ADJECTIVE_CODES:
        return [_ADJECTIVE_CODES[text]]
    listed = names.read_country_list(text)
    if listed.codes and not listed.unknown:
        return listed.codes
    return names.country_codes(text, adjectives=False)


def read_chair_evidence(sentence, report, facts, date=None):
    """Who held or will hold the chair, as a sentence says; returns the evidence."""
    text = plain(sentence)
    passage = quote(sentence)
    found = []
    for pattern, term, announcement, hosts in _CHAIR_RES:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            codes = _codes(groups["countries"]) if groups.get("countries") else []
            if groups.get("countries") and not codes:
                continue
            person = None
            if groups.get("who"):
                role = {
                    "previous": "outgoing Chair",
                    "current": "Chair of the MTCR",
                    "on-date": "Chair of the MTCR",
                }[term]
                person = parse_person(groups["who"], role=role, passage=passage)
            evidence = ChairEvidence(
                term=term,
                passage=passage,
                countries=codes,
                person=person,
                plenary=report,
                announcement=announcement,
                hosts_next=hosts,
            )
            if term == "on-date":
                if date is None:
                    continue
                evidence.date = date
            if term == "in-year":
                evidence.year = int(groups["year"])
            if groups.get("dates"):
                try:
                    evidence.next_dates = Fact(
                        parse_range(groups["dates"], report.year if report else None),
                        passage,
                    )
                except DateParseError:
                    pass
            found.append(evidence)
    facts.chairs.extend(found)
    return found


# --- partners and adherents ---------------------------------------------------

_NEW_MEMBER_PATTERNS = [
    # (pattern, how)
    (
        r"welcomed (?P<list>.+?) as (?:a )?new (?:member|Partner|partner)s?\b",
        "by-start",
    ),
    (r"including (?P<list>.+?) for the first time", "by-start"),
    (
        r"new (?:members|Members|partners|Partners),? (?P<list>.+?),? "
        r"(?:were|was) in attendance",
        "by-start",
    ),
    (r"expand the regime[’']s membership to include (?P<list>.+?)(?:,|\.|$)", "joined"),
    (r"(?:admitted|admit) (?P<list>.+?) as (?:a )?new (?:member|Partner)s?", "joined"),
]
_NEW_MEMBER_RES = [(re.compile(p), how) for p, how in _NEW_MEMBER_PATTERNS]


def read_new_members(sentence, report, facts):
    text = plain(sentence)
    passage = quote(sentence)
    found = False
    for pattern, how in _NEW_MEMBER_RES:
        for match in pattern.finditer(text):
            codes = names.country_codes(match.group("list"), adjectives=False)
            for code in codes:
                facts.members.append(
                    MemberEvidence(
                        code,
                        passage,
                        plenary=report,
                        upper_bound=how == "by-start",
                        at_plenary_month=how == "joined",
                        by_start=True,
                    )
                )
                found = True
    return found


_ADHERENCE_PATTERNS = [
    # (pattern, kind, how): how = "undated" | "by-end" | "during"
    (
        r"(?:unilateral|formal) adherents”? to the regime[^:]*:\s*(?P<list>.+?)\.?$",
        "formal",
        "undated",
    ),
    (
        r"^(?P<list>.+?) have also adhered to the regime on a less formal basis",
        "informal",
        "undated",
    ),
    (
        r"^(?P<list>[A-Z][\w ]+?) has agreed to apply the MTCR [Gg]uidelines",
        "pledged",
        "undated",
    ),
    (
        r"including (?P<list>.+?), have pledged to abide by the MTCR [Gg]uidelines",
        "pledged",
        "undated",
    ),
    (
        r"welcomed (?P<list>[A-Z][\w ]+?)[’']s announcement that it intends to adhere",
        "pledged",
        "by-end",
    ),
    (
        r"(?P<list>[A-Z][\w ,]+?) ha(?:ve|s) declared,? (?:since the \w+ Plenary,? )?"
        r"(?:their|its) adherence",
        "formal",
        "by-end",
    ),
    (
        r"(?P<list>[A-Z][\w ]+?) became the \w+ formal adherent of the MTCR during "
        r"the Plenary",
        "formal",
        "during",
    ),
]
_ADHERENCE_RES = [(re.compile(p), kind, how) for p, kind, how in _ADHERENCE_PATTERNS]


def read_adherence(sentence, report, facts):
    text = plain(sentence)
    passage = quote(sentence)
    found = False
    for pattern, kind, how in _ADHERENCE_RES:
        for match in pattern.finditer(text):
            codes = names.country_codes(match.group("list"), adjectives=False)
            for code in codes:
                facts.adherences.append(
                    AdherenceEvidence(
                        code,
                        kind,
                        passage,
                        plenary=report if how != "undated" else None,
                        during_plenary=how == "during",
                    )
                )
                found = True
    return found


# --- the Annex ------------------------------------------------------------------

_ANNEX = re.compile(
    r"\b(?:Annex|[Cc]ontrol [Ll]ist|controlled goods list|list of controlled goods)\b"
)
_ANNEX_CHANGE = re.compile(
    r"\b(?:amend\w*|changes|update[sd]?|revis\w+|added|adopted|agreed upon|"
    r"implemented|additions?)\b"
)
_NOT_A_REVISION = re.compile(
    r"subsequent changes|negotiations on amendments|is available|will be (?:revised|"
    r"updated)|is a cornerstone",
    re.I,
)


def is_annex_revision(sentence):
    """Whether a sentence (or a paragraph) states a revision of the Annex."""
    text = plain(sentence)
    return bool(
        _ANNEX.search(text)
        and _ANNEX_CHANGE.search(text)
        and not _NOT_A_REVISION.search(text)
    )


def read_annex(sentence, report, facts, description=""):
    """A revision adopted at the meeting, if the sentence states one."""
    if not is_annex_revision(sentence):
        return None
    text = plain(sentence)
    weekday = re.search(
        r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", text
    )
    evidence = AnnexEvidence(
        passage=quote(sentence),
        summary=annex_summary(text),
        description=description or text,
        plenary=report,
        weekday=weekday.group(1) if weekday else "",
    )
    facts.annex.append(evidence)
    return evidence


def _summary(text, limit=300):
    """A line: the sentence without its leading date ("On 9 May, ...")."""
    text = re.sub(r"^At the end of the meeting on \w+,\s*", "", text)
    found = find_dates(text, 2000)
    if found and re.fullmatch(r"(?:On|In|From|During)\s+", text[: found[0].start]):
        text = re.sub(r"^,?\s*", "", text[found[0].end :])
    text = text[0].upper() + text[1:] if text else text
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def annex_summary(text):
    """The sentence from the clause that states the revision on, as a line.

    "They expressed their appreciation for ... in particular the decision adopted
    on amendments to the ... Annex." gives "The decision adopted on amendments ...".
    """
    starts, depth = [0], 0
    for match in re.finditer(
        r"[()]|\s+in particular\s+|;\s+|,\s+and\s+(?=[a-z])", text
    ):
        if match.group() in "()":
            depth += 1 if match.group() == "(" else -1
        elif depth == 0:
            starts.append(match.end())
    bounds = [*starts[1:], len(text)]
    for start, end in zip(starts, bounds, strict=True):
        if is_annex_revision(text[start:end]):
            return _summary(text[start:].strip())
    return _summary(text)


def day_range(day):
    return DateRange(day, day, DAY)


def month_of(range_):
    start = range_.start.replace(day=1)
    return DateRange(start, start, MONTH)
