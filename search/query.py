"""Reading what a visitor typed: terms, phrases, exclusions; and marking them in text.

The same reading serves the SQLite fallback (which matches the terms itself) and
the highlighting on both backends (PostgreSQL matches with websearch_to_tsquery,
whose syntax this mirrors: words, "quoted phrases", -excluded words).
"""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

MAX_QUERY_LENGTH = 200
STOP_WORDS = frozenset(
    "a an and are as at be but by for from in into is it of on or that the their "
    "this to was were will with".split()
)
SUFFIXES = ("ies", "es", "ing", "ed", "s", "y", "e")
TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
WORD = re.compile(r"\w+")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_query(raw, limit=MAX_QUERY_LENGTH):
    """The query as searched: control characters dropped, spaces collapsed, cut
    to `limit` characters at a word. Returns (query, was_truncated)."""
    query = " ".join(CONTROL.sub(" ", raw or "").split())
    if len(query) <= limit:
        return query, False
    cut = query[:limit]
    if " " in cut and not query[limit].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.strip(), True


def stem(word):
    """A crude English stem, enough to match 'technology' with 'technologies'."""
    word = word.lower()
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            if suffix == "s" and word.endswith("ss"):
                continue
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Term:
    """A word (by its stem) or a phrase (a tuple of stems), wanted or excluded."""

    stems: tuple
    excluded: bool = False

    @property
    def is_phrase(self):
        return len(self.stems) > 1

    @property
    def text(self):
        """What a plain substring search looks for (phrases: a regular expression)."""
        return self.stems[0]

    def pattern(self):
        return r"\b" + r"\W+".join(re.escape(part) + r"\w*" for part in self.stems)


def parse(query):
    """The terms of a query; stop words on their own are dropped, as PostgreSQL does."""
    terms = []
    for match in TOKEN.finditer(query):
        minus, phrase = match.group(1, 2) if match[2] is not None else match.group(3, 4)
        words = [word.lower() for word in WORD.findall(phrase or "")]
        if len(words) == 1 and (words[0] in STOP_WORDS or words[0] == "or"):
            continue
        if not words:
            continue
        terms.append(Term(tuple(stem(word) for word in words), excluded=bool(minus)))
    return terms


def wanted(terms):
    return [term for term in terms if not term.excluded]


def highlighter(terms):
    """A regular expression matching any wanted term in text, or None."""
    patterns = sorted((term.pattern() for term in wanted(terms)), key=len)
    if not patterns:
        return None
    return re.compile("|".join(reversed(patterns)), re.IGNORECASE)


def snippet(text, terms, width=260):
    """A stretch of the text around its first match, every match in <mark>.

    The text is escaped piece by piece and only our own <mark> tags are added, so
    whatever the archive or the visitor typed, nothing else reaches the page as HTML.
    """
    pattern = highlighter(terms)
    matches = list(pattern.finditer(text)) if pattern else []
    start, end = 0, len(text)
    if len(text) > width:
        centre = _densest(matches, width // 2)
        start = max(0, centre - width // 3)
        if start:
            space = text.find(" ", start, centre)
            start = space + 1 if space >= 0 else start
        end = min(len(text), start + width)
        if end < len(text):
            space = text.rfind(" ", max(start, centre), end)
            end = space if space > start else end
    pieces = ["… " if start else ""]
    position = start
    for match in matches:
        if match.start() < position or match.end() > end:
            continue
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:end]))
    pieces.append(" …" if end < len(text) else "")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece escaped above


def _densest(matches, span):
    """Where the most different words matched lie within `span` characters."""
    best, best_count = 0, 0
    for i, first in enumerate(matches):
        words = {
            match.group().lower()
            for match in matches[i:]
            if match.start() - first.start() <= span
        }
        if len(words) > best_count:
            best, best_count = first.start(), len(words)
    return best


def text_fragment(passage, words=5):
    """A URL text fragment (#:~:text=) that takes a browser to the passage."""
    parts = passage.split()
    if not parts:
        return ""
    if len(parts) <= 2 * words:
        directive = _fragment_quote(" ".join(parts))
    else:
        directive = (
            _fragment_quote(" ".join(parts[:words]))
            + ","
            + _fragment_quote(" ".join(parts[-words:]))
        )
    return ":~:text=" + directive


def _fragment_quote(text):
    from urllib.parse import quote

    return quote(text, safe="").replace("-", "%2D")
