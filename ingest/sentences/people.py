"""People as the documents name them: title, name, position."""

import re

from ingest import names
from ingest.facts import Person
from ingest.people import TITLE_RE
from ingest.text import normalize_space, plain

_TITLE_RE = TITLE_RE
_POSITION_WORDS = re.compile(
    r"\b(?:Director|Minister|Ministry|Secretary|adviser|advisor|Department|Head|"
    r"Chair|Ambassador of|Permanent|Representative|General)\b"
)
PERSON_START = (
    r"(?:H\.\s?E\.|Mrs?\.?|Ms\.?|Dr\.?|Ambassador|Amb\.|Minister-Counsellor)(?=\s)"
)


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
    if not merged:
        return Person(name="", role=role, passage=passage)
    segment = merged[name_index]
    title_match = _TITLE_RE.match(segment + " ")
    title = title_match.group().strip().rstrip(",") if title_match else ""
    name = segment[title_match.end() :].strip() if title_match else segment
    position_parts = [s for i, s in enumerate(merged) if i != name_index]
    bracketed = re.match(r"^(?P<name>.+?)\s*\((?P<position>[^)]+)\)$", name)
    if bracketed:  # "Ambassador X (Norway)"
        name = bracketed.group("name")
        position_parts.insert(0, bracketed.group("position"))
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
    parts = re.split(rf"\s+and\s+(?={PERSON_START})", phrase)
    return [parse_person(part, role=role, passage=passage) for part in parts]
