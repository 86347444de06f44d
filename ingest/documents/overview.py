"""An overview of the regime: an introduction, then "Developments" year by year.

The introduction gives the founding partners, the later ones and the adherents.
Each year's section holds paragraphs about plenaries (followed by paragraphs that
continue them), dated developments (outreach, seminars, Annex revisions...) and
announcements of the next host.
"""

import re
from dataclasses import replace

from ingest import names
from ingest import sentences as readers
from ingest.dates import find_dates, parse_range
from ingest.errors import DateParseError, ParseError
from ingest.facts import (
    FROM_CITY,
    AnnexEvidence,
    DocumentFacts,
    EventReport,
    Fact,
    MemberEvidence,
    PlenaryReport,
)
from ingest.text import normalize_space, plain, sentences

_YEAR_HEADING = re.compile(r"^(\d{4})$")
_RANGE_HEADING = re.compile(r"^\d{4}\s*[-–]\s*\d{4}$")
_LEADING_DATE_LIMIT = 50
_MENTION = re.compile(
    r"(?P<year>\d{4}) Plenary(?: Meeting)? in (?P<place>[A-Z][\w ]+?),? "
    r"on (?P<dates>[^.]+)"
)


def parse_overview(text):
    """The facts of an overview document."""
    if not isinstance(text, str):
        raise ParseError("overview is not text")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    split = next((i for i, b in enumerate(blocks) if b.lower() == "developments"), None)
    if split is None:
        raise ParseError('no "Developments" section')
    facts = DocumentFacts()
    _read_intro(blocks[:split], facts)
    sections = _year_sections(blocks[split + 1 :])
    if not sections:
        raise ParseError('no year under "Developments"')
    for year, section in sections:
        _read_year(year, section, facts)
    return facts


def _year_sections(blocks):
    sections, current = [], None
    for block in blocks:
        line = block.strip()
        if _RANGE_HEADING.match(line):
            continue
        heading = _YEAR_HEADING.match(line)
        if heading:
            current = (int(heading.group(1)), [])
            sections.append(current)
            continue
        if current is None:
            continue
        if len(line) < 60 and not re.search(r"[.!?”]$", line):
            break  # the page's trailing links: the Developments list has ended
        current[1].append(block)
    return sections


# --- introduction -----------------------------------------------------------------

_FOUNDING = re.compile(
    r"The (?P<count>\w+) states formally announced the .+? on (?P<date>.+?)\.?$"
)
_ADDITIONAL = re.compile(r"the additional members being (?P<list>.+?)\.?$")
_MEMBER_COUNT = re.compile(r"^Member \((?P<count>\d+)\)$")


def _read_intro(blocks, facts):
    for block in blocks:
        count = _MEMBER_COUNT.match(block.strip())
        if count:
            facts.member_count = Fact(int(count.group("count")), block.strip())
        block_sentences = sentences(block)
        for index, sentence in enumerate(block_sentences):
            text = plain(sentence)
            readers.read_adherence(sentence, None, facts)
            founding = _FOUNDING.search(text)
            if founding:
                _read_founding(block_sentences[: index + 1], founding, facts)
            additional = _ADDITIONAL.search(text)
            if additional:
                listed = names.read_country_list(additional.group("list"))
                for code in listed.codes:
                    facts.members.append(
                        MemberEvidence(code, normalize_space(sentence))
                    )


def _read_founding(founding_sentences, match, facts):
    try:
        date = parse_range(match.group("date"))
    except DateParseError:
        return
    announced = normalize_space(founding_sentences[-1])
    seen = set()
    for sentence in founding_sentences:
        for code in names.country_codes(plain(sentence), adjectives=False):
            if code in seen:
                continue
            seen.add(code)
            named = normalize_space(sentence)
            if named != announced:
                facts.members.append(MemberEvidence(code, named, founding=True))
            facts.members.append(
                MemberEvidence(
                    code, announced, date=date, upper_bound=False, founding=True
                )
            )


# --- the year's developments --------------------------------------------------------


class Item(list):
    """The sentences of one development, and their exact text (`text`)."""

    text = ""


def _items(block):
    """A paragraph split where a sentence opens with its own date ("On 8 July, ...")."""
    normalized = normalize_space(block)
    items, spans, position = [], [], 0
    for sentence in sentences(block):
        start = normalized.find(sentence, position)
        position = start + len(sentence)
        opens_dated = re.match(r"^(?:On|In) [^,]*\d", plain(sentence)) and find_dates(
            plain(sentence)[:_LEADING_DATE_LIMIT], 2000
        )
        if not items or opens_dated:
            items.append(Item([sentence]))
            spans.append([start, position])
        else:
            items[-1].append(sentence)
            spans[-1][1] = position
    for item, (start, end) in zip(items, spans, strict=True):
        item.text = normalized[start:end]
    return items


def _leading_date(sentence, year):
    text = plain(sentence)
    for found in find_dates(text, year):
        if found.start < _LEADING_DATE_LIMIT:
            return found.range
        break
    return None


def _read_year(year, blocks, facts):
    section_plenaries = []
    current = None  # the plenary the paragraphs continue
    last_revision = None
    for block in blocks:
        for item in _items(block):
            for sentence in item:
                _read_mentions(sentence, facts)
            first = item[0]
            report = _meeting(first, year)
            if report is not None:
                facts.plenaries.append(report)
                section_plenaries.append(report)
                current = report
                last_revision = None
                _read_plenary_sentences(item, report, facts)
                report.summary = _append(report.summary, item)
                report.summary_passage = item.text
                continue
            date = _leading_date(first, year)
            announcement = any(
                e.announcement
                for e in readers.read_chair_evidence(first, None, DocumentFacts())
            )
            if date is None and current is not None:
                _read_plenary_sentences(item, current, facts)
                current.summary = _append(current.summary, item)
                continue
            current = None
            if announcement:
                _read_announcement(item, year, section_plenaries, facts)
                continue
            revision = _read_annex_item(item, year, date, facts, last_revision)
            if revision is not None:
                last_revision = revision
                continue
            if any(readers.is_annex_revision(s) for s in item):
                continue
            if date is not None:
                _read_event(item, date, year, facts)
    for report in facts.plenaries:
        if report.summary:
            report.summary = report.summary.strip() + "\n"


def _append(summary, item):
    paragraph = " ".join(normalize_space(s) for s in item)
    return f"{summary}\n\n{paragraph}" if summary else paragraph


def _meeting(sentence, year):
    if not readers.is_meeting_sentence(sentence):
        return None
    report = PlenaryReport(year=year)
    readers.read_meeting(sentence, report, year)
    if not (report.city or report.country) or report.dates is None:
        return None
    return report


def _read_plenary_sentences(item, report, facts):
    for sentence in item:
        readers.read_opener(sentence, report)
        readers.read_chairs(sentence, report, facts)
        readers.read_member_list(sentence, report, facts)
        readers.read_resolutions(sentence, report)
        readers.read_concerns(sentence, report)
        readers.read_chair_evidence(sentence, report, facts)
        readers.read_new_members(sentence, report, facts)
        readers.read_adherence(sentence, report, facts)
        readers.read_annex(sentence, report, facts, description=_paragraph(item))


def _read_announcement(item, year, section_plenaries, facts):
    """ "X is scheduled to host ...": said at the year's last plenary, or before."""
    announcing = max(
        section_plenaries, key=lambda report: report.dates.value.start, default=None
    )
    for sentence in item:
        evidence = readers.read_chair_evidence(sentence, announcing, facts)
        for found in evidence:
            if announcing is None:
                found.year = year  # resolved to the latest plenary before this year


def _read_annex_item(item, year, date, facts, last_revision):
    """A revision of the Annex: a dated paragraph, or sentences that date one.

    Returns the last revision read (a later "This was the second update of the
    Annex." is cited for it), or None if the item states none.
    """
    paragraph = _paragraph(item)
    meeting = re.search(r"\b(?:Technical Experts Meeting|TEM)\b", paragraph)
    meeting = "Technical Experts Meeting" if meeting else ""
    if date is not None:
        if not readers.is_annex_revision(paragraph):
            return None
        revision = AnnexEvidence(
            passage=item.text,
            summary=readers.annex_summary(plain(item[0])),
            description=paragraph,
            date=date,
            meeting=meeting,
        )
        facts.annex.append(revision)
        return revision
    revision = None
    for sentence in item:
        if not readers.is_annex_revision(sentence):
            continue
        own = _any_date(plain(sentence), year)
        if own is None and last_revision is not None:
            # "This was the second update of the Annex." continues the last one.
            facts.annex.append(
                replace(last_revision, passage=normalize_space(sentence))
            )
            continue
        if own is None:
            continue
        revision = AnnexEvidence(
            passage=normalize_space(sentence),
            summary=readers.annex_summary(plain(sentence)),
            description=paragraph,
            date=own,
            meeting=meeting,
        )
        facts.annex.append(revision)
        last_revision = revision
    return revision


def _any_date(text, year):
    found = find_dates(text, year)
    return found[0].range if found else None


def _paragraph(item):
    return " ".join(normalize_space(plain(s)) for s in item)


def _read_mentions(sentence, facts):
    """ "the MTCR's 1996 Plenary Meeting in Edinburgh, on 7-11 October" """
    text = plain(sentence)
    for match in _MENTION.finditer(text):
        year = int(match.group("year"))
        try:
            dates = parse_range(match.group("dates"), year)
        except DateParseError:
            continue
        report = PlenaryReport(year=year, is_mention=True)
        city, country, from_city = readers.read_place(f"in {match.group('place')}")
        if not (city or country):
            continue
        passage = normalize_space(sentence)
        report.city = Fact(city, passage) if city else None
        report.country = (
            Fact(country, passage, FROM_CITY if from_city else "") if country else None
        )
        report.dates = Fact(dates, passage)
        facts.plenaries.append(report)


_KINDS = [
    ("outreach", re.compile(r"\boutreach\b", re.I)),
    (
        "seminar",
        re.compile(r"\b(?:seminar|conference|Point of Contact Meeting)\b", re.I),
    ),
    ("anniversary", re.compile(r"\banniversary\b", re.I)),
    ("announcement", re.compile(r"\b(?:announced|announces|reported|declared)\b")),
    ("statement", re.compile(r"\bstatement\b", re.I)),
]
_PLENARY_HINT = re.compile(
    r"(?P<year>\d{4}) (?P<place>[A-Z][\w ]+?) Plenary|"
    r"(?P<year2>\d{4}) Plenary(?: Meeting)? in (?P<place2>[A-Z][\w ]+?)\b|"
    r"(?P<number>\d+)(?:st|nd|rd|th) (?:MTCR )?Plenary"
)


def _read_event(item, date, year, facts):
    text = _paragraph(item)
    kind = next((k for k, pattern in _KINDS if pattern.search(text)), "development")
    countries = names.country_codes(text)
    for city in readers.CITY_RE.finditer(text):
        code = names.city_country(city.group())[1]
        held_there = re.search(r"\b[Ii]n\s+$", text[: city.start()])
        if held_there and code not in countries:
            countries.append(code)
    title = readers.summarize(plain(item[0]), limit=120).rstrip(".")
    if kind == "outreach":
        target = re.search(r"\b(?:mission|visit|trip)\b", text)
        after = (
            names.country_codes(text[target.end() :], adjectives=False)
            if target
            else []
        )
        if after:
            title = f"Outreach mission to {names.COUNTRY_BY_ISO[after[0]].name}"
    hint = None
    match = _PLENARY_HINT.search(text)
    if match and match.group("number"):
        hint = ("number", int(match.group("number")))
    elif match:
        hint = (
            int(match.group("year") or match.group("year2")),
            match.group("place") or match.group("place2"),
        )
    passage = item.text
    facts.events.append(
        EventReport(
            kind=kind,
            title=title,
            description=text,
            date=date,
            passage=passage,
            countries=countries,
            plenary_hint=hint,
        )
    )
    for sentence in item:
        for evidence in readers.read_chair_evidence(sentence, None, facts, date=date):
            if evidence.term == "current":
                evidence.term, evidence.date = "on-date", date
        became = re.search(
            r"(?P<c>[A-Z][\w ]+?) became a (?:full )?(?:member|Partner)",
            plain(sentence),
        )
        code = names.country_named(became.group("c")) if became else None
        if code:
            facts.members.append(
                MemberEvidence(
                    code, normalize_space(sentence), date=date, upper_bound=False
                )
            )
