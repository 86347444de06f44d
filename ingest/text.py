"""Plain-text helpers shared by the parsers: paragraphs, sentences, stray HTML."""

import re

_TAG_RE = re.compile(r"</?[a-zA-Z][^<>]*>")
# A sentence ends at . ! ? (and a closing quote) before a capital letter or digit;
# "November 2009.The 34 members" is two sentences too.
_END_RE = re.compile(r"(?:[.!?][”\"’)]?(?=\s+[“\"(‘]?[A-Z0-9])|(?<=\d{4})\.(?=[A-Z]))")
_ABBREVIATION_RE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Hon|Rt|St|No|Nos|Amb|Gen|Col|Lt|Sr|Jr|Co|Inc|Ltd|vs|cf"
    r"|approx|e\.g|i\.e|U\.S|U\.N|U\.K|H\.E|H\. E)|\b[A-Z])\.$"
)


def normalize_space(text):
    """Runs of whitespace (line and page breaks included) as one space."""
    return re.sub(r"\s+", " ", text).strip()


def strip_tags(text):
    """Stray HTML as text: "30<sup>th</sup>" -> "30th", "<u>x</u>" -> "x"."""
    return _TAG_RE.sub("", text)


def plain(text):
    """Text to match patterns on: no tags, one space between words."""
    return normalize_space(strip_tags(text))


def paragraphs(text):
    """Paragraphs separated by blank lines (lines of spaces count as blank).

    A paragraph that stops mid-sentence at a page break ("control all" ... "of the
    items") is joined to the next one.
    """
    blocks = [
        block.strip()
        for block in re.split(r"\n[ \t\u00a0]*\n", text.replace("\r\n", "\n"))
        if block.strip()
    ]
    joined = []
    for block in blocks:
        if joined and _unfinished(joined[-1]) and not block.startswith("#"):
            joined[-1] = f"{joined[-1]} {block}"
        else:
            joined.append(block)
    return joined


def lines_as_paragraphs(text):
    """Paragraphs for texts that put one paragraph on each line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _unfinished(block):
    if block.startswith("#") or "\n" in block.strip():
        return False
    return not re.search(r"[.!?:;”\"’)\]]\s*$", strip_tags(block))


def sentences(text):
    """The sentences of a paragraph, whitespace normalised, in order."""
    text = normalize_space(text)
    found, start = [], 0
    for match in _END_RE.finditer(text):
        head = text[start : match.end()]
        if _ABBREVIATION_RE.search(head.rstrip('”"’)')):
            continue
        found.append(head.strip())
        start = match.end()
    rest = text[start:].strip()
    if rest:
        found.append(rest)
    return [sentence for sentence in found if sentence]


def to_markdown(paragraph_list):
    """Clean Markdown from the paragraphs of a statement: no stray HTML."""
    cleaned = []
    for paragraph in paragraph_list:
        text = normalize_space(strip_tags(paragraph))
        if text.startswith("#"):
            continue
        cleaned.append(text)
    return "\n\n".join(cleaned) + "\n" if cleaned else ""
