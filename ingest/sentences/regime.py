"""The regime beyond the meeting: who chairs it, who joins or adheres, and the
revisions of its Annex, as sentences state them."""

import re

from ingest import names
from ingest.dates import find_dates, parse_range
from ingest.errors import DateParseError
from ingest.facts import (
    AdherenceEvidence,
    AnnexEvidence,
    ChairEvidence,
    EventReport,
    Fact,
    MemberEvidence,
)
from ingest.sentences.meeting import quote
from ingest.sentences.people import PERSON_START, parse_person
from ingest.text import plain

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
        r"\bunder the (?:joint )?(?:MTCR )?[Cc]hairmanship of (?P<countries>.+?)"
        r"(?:[,.;]|\s+(?:and|with|from|in|on)\b|$)",
        *_CURRENT,
    ),
    (
        r"[Tt]he next (?:MTCR )?Plenary(?: Meeting)? will (?:be held|take place) in "
        r"(?P<place>[A-Z][\w ]+?)(?:,\s*(?P<countries>(?:the )?[A-Z][\w ]+?))?"
        r"(?:,? (?:in|on|from) (?P<dates>[^.]+?))?\.?$",
        *_NEXT_HOST,
    ),
    (
        rf"\boutgoing MTCR Chair(?:man)?,?\s+(?P<who>{PERSON_START}\s[^,]+?),?\s+"
        r"of the (?:joint )?[Cc]hairmanship of (?P<countries>.+?)\.$",
        *_PREVIOUS,
    ),
    (r"\boutgoing Joint Chairmanship of (?P<countries>.+?)\.$", *_PREVIOUS),
    (rf"from (?P<who>{PERSON_START}\s[^,]+), the Outgoing Chair", *_PREVIOUS),
    (rf"to the new Chair, (?P<who>{PERSON_START}\s[^,.]+)", *_CURRENT),
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
            if groups.get("place") and not codes:
                known = names.city_country(groups["place"])
                codes = [known[1]] if known else []
                if not codes:
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


def summarize(text, limit=300):
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
            return summarize(text[start:].strip())
    return summarize(text)


_ADOPTED_MESSAGE = re.compile(
    r"\b(?:adopted|issued) an? (?P<title>(?:Message|Statement|Declaration)\b[^()]*?)"
    r"\s*(?:\(|\.|$)"
)


def read_adopted_message(sentence, report, facts):
    """ "Partners also adopted a Message on the Occasion of the 35th Anniversary":
    an event of the meeting, dated by it."""
    text = plain(sentence)
    match = _ADOPTED_MESSAGE.search(text)
    if not match:
        return None
    title = match.group("title").strip()
    kind = "anniversary" if re.search(r"(?i)\banniversary\b", title) else "statement"
    event = EventReport(
        kind=kind,
        title=title,
        description=text,
        date=None,
        passage=quote(sentence),
        countries=names.country_codes(text),
        plenary=report,
    )
    facts.events.append(event)
    return event
