"""A word or phrase through the plenaries' texts: where, how often, first and last.

Pure Python over `Text`s (one per plenary and field), so that the page runs one
query whatever the phrase. A phrase matches case-insensitively, from the start
of a word, with any run of spaces between its words and an optional plural
ending: "intangible technology transfer" also finds "Intangible Technology
Transfers (ITT)".
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from .paragraphs import split_paragraphs

MAX_PHRASE = 100
MARKUP = re.compile(r"<[^>]*>|[*_`\\]")

# Terms a reader of MTCR history looks for, as written in the texts.
NOTABLE_TERMS = [
    "intangible technology transfer",
    "intangible transfer of technology",
    "catch-all",
    "additive manufacturing",
    "unmanned aerial vehicle",
    "unmanned air vehicle",
    "unmanned delivery systems",
    "brokering",
    "transshipment",
    "terrorism",
    "outreach",
    "space programs",
    "Code of Conduct",
    "weapons of mass destruction",
]


@dataclass
class Text:
    """The statement or summary of one plenary, with what a link to it needs."""

    plenary: object
    field: str
    text: str

    @cached_property
    def paragraphs(self):
        return split_paragraphs(self.text)

    @property
    def year(self):
        return self.plenary.start_date.year


@dataclass
class Use:
    """A plenary whose text uses the phrase: how often, and where."""

    plenary: object
    count: int = 0
    passages: list = field(default_factory=list)


@dataclass
class Passage:
    field: str
    anchor: str
    number: int | None
    before: str
    match: str
    after: str


@dataclass
class Trend:
    phrase: str
    uses: list

    @property
    def total(self):
        return sum(use.count for use in self.uses)

    @property
    def first(self):
        return self.uses[0] if self.uses else None

    @property
    def latest(self):
        return self.uses[-1] if self.uses else None

    @property
    def by_year(self):
        counts = Counter()
        for use in self.uses:
            counts[use.plenary.start_date.year] += use.count
        return dict(sorted(counts.items()))


def clean_phrase(phrase):
    """The phrase with its spaces tidied, or "" when it has no word in it."""
    phrase = " ".join((phrase or "").split())[:MAX_PHRASE]
    return phrase if re.search(r"\w", phrase) else ""


def pattern(phrase):
    words = [re.escape(word) for word in phrase.split()]
    body = r"\s+".join(words)
    start = r"\b" if re.match(r"\w", phrase) else ""
    end = r"(?:e?s)?\b" if re.search(r"\w$", phrase) else ""
    return re.compile(start + body + end, re.IGNORECASE)


def trend(texts, phrase, context=90):
    """The Trend of a phrase over texts given oldest first."""
    phrase = clean_phrase(phrase)
    if not phrase:
        return Trend(phrase, [])
    regex = pattern(phrase)
    # Rendering a paragraph costs more than searching it: skip those whose source,
    # markup removed, lacks the phrase's longest word.
    needle = max(re.findall(r"\w+", phrase), key=len).lower()
    uses = {}
    for text in texts:
        if needle not in _unmarked(text.text):
            continue
        for paragraph in text.paragraphs:
            if needle not in _unmarked(paragraph.source):
                continue
            plain = paragraph.plain
            for found in regex.finditer(plain):
                use = uses.setdefault(text.plenary.slug, Use(text.plenary))
                use.count += 1
                use.passages.append(
                    Passage(
                        field=text.field,
                        anchor=paragraph.anchor if text.field == "statement" else "",
                        number=paragraph.number,
                        before=_clip_left(plain[: found.start()], context),
                        match=found.group(0),
                        after=_clip_right(plain[found.end() :], context),
                    )
                )
    ordered = sorted(uses.values(), key=lambda use: use.plenary.start_date)
    return Trend(phrase, ordered)


def first_uses(texts, terms=NOTABLE_TERMS):
    """[(term, first Use, plenaries using it)] for the terms the texts use."""
    found = []
    for term in terms:
        result = trend(texts, term, context=60)
        if result.uses:
            found.append((term, result.first, len(result.uses)))
    return sorted(found, key=lambda item: item[1].plenary.start_date)


def _unmarked(source):
    """Markdown source, lower case, without tags and emphasis marks."""
    return MARKUP.sub("", source).lower()


def _clip_left(text, length):
    if len(text) <= length:
        return text
    cut = text[-length:]
    return "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut


def _clip_right(text, length):
    if len(text) <= length:
        return text
    cut = text[:length]
    return cut[: cut.rfind(" ")] + "…" if " " in cut else cut + "…"
