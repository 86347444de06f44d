"""Two statements side by side: paragraphs paired by similarity, words diffed.

Paragraphs are paired by how alike their words are, not by their position: the
most similar pair first, then the next among those left, as long as the two share
at least THRESHOLD of their words (difflib's ratio). A pair is "unchanged" when
the words are the same, otherwise "reworded"; a paragraph of the newer statement
with no partner is "added", one of the older with no partner "dropped".

Word-level changes are built as HTML here, so every word is escaped first and
only then wrapped in <del> or <ins>.
"""

import difflib
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

THRESHOLD = 0.25

UNCHANGED = "unchanged"
REWORDED = "reworded"
ADDED = "added"
DROPPED = "dropped"


@dataclass
class Row:
    """One line of the comparison: an old paragraph, a new one, or both."""

    kind: str
    old: object = None
    new: object = None
    ratio: float = 0.0
    old_html: str = ""
    new_html: str = ""


def words(paragraph):
    return paragraph.plain.split()


def similarity(old_words, new_words):
    """How alike two paragraphs' words are, given folded (see _folded)."""
    matcher = difflib.SequenceMatcher(None, old_words, new_words)
    if matcher.real_quick_ratio() < THRESHOLD or matcher.quick_ratio() < THRESHOLD:
        return 0.0
    return matcher.ratio()


def _folded(word_list):
    return [word.lower().strip(".,;:()“”\"'") for word in word_list]


def word_diff(old_words, new_words):
    """(old HTML with <del>, new HTML with <ins>), every word escaped."""
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    old_parts, new_parts = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_text = escape(" ".join(old_words[i1:i2]))
        new_text = escape(" ".join(new_words[j1:j2]))
        if tag == "equal":
            old_parts.append(old_text)
            new_parts.append(new_text)
            continue
        if old_text:
            old_parts.append(f"<del>{old_text}</del>")
        if new_text:
            new_parts.append(f"<ins>{new_text}</ins>")
    return (
        mark_safe(" ".join(old_parts)),  # noqa: S308 - built from escaped words
        mark_safe(" ".join(new_parts)),  # noqa: S308 - built from escaped words
    )


def pair_paragraphs(old, new):
    """{old index: (new index, ratio)}: best pairs first, each paragraph used once."""
    # Folded once per paragraph, not once per pair.
    old_words = [_folded(words(p)) for p in old]
    new_words = [_folded(words(p)) for p in new]
    candidates = []
    for i, a in enumerate(old_words):
        for j, b in enumerate(new_words):
            ratio = 1.0 if a == b else similarity(a, b)
            if ratio >= THRESHOLD:
                candidates.append((-ratio, i, j))
    candidates.sort()
    pairs, taken = {}, set()
    for negative_ratio, i, j in candidates:
        if i in pairs or j in taken:
            continue
        pairs[i] = (j, -negative_ratio)
        taken.add(j)
    return pairs


def compare(old, new):
    """[Row] in the newer statement's order, dropped paragraphs where they stood."""
    pairs = pair_paragraphs(old, new)
    partner_of_new = {j: i for i, (j, _) in pairs.items()}
    dropped_after = {}
    last_paired = None
    for i in range(len(old)):
        if i in pairs:
            last_paired = i
        else:
            dropped_after.setdefault(last_paired, []).append(i)

    rows = [_dropped(old[i]) for i in dropped_after.get(None, [])]
    for j, paragraph in enumerate(new):
        i = partner_of_new.get(j)
        if i is None:
            rows.append(Row(ADDED, new=paragraph, new_html=escape(paragraph.plain)))
            continue
        ratio = pairs[i][1]
        old_words, new_words = words(old[i]), words(paragraph)
        if old_words == new_words:
            text = escape(paragraph.plain)
            rows.append(Row(UNCHANGED, old[i], paragraph, 1.0, text, text))
        else:
            old_html, new_html = word_diff(old_words, new_words)
            rows.append(Row(REWORDED, old[i], paragraph, ratio, old_html, new_html))
        rows.extend(_dropped(old[k]) for k in dropped_after.get(i, []))
    return rows


def _dropped(paragraph):
    return Row(DROPPED, old=paragraph, old_html=escape(paragraph.plain))


def summary(rows):
    """How many rows of each kind, in a fixed order."""
    return {
        kind: sum(1 for row in rows if row.kind == kind)
        for kind in (UNCHANGED, REWORDED, ADDED, DROPPED)
    }
