"""What the sources claim of a record: grouped by source, by passage, and where
they disagree."""

import dataclasses
import itertools
import string

# The characters a claim's whitespace is made of: each counts as a space.
WHITESPACE = " \t\n\r\xa0"
# Case folds for the letters A-Z only: SQLite's LOWER() folds no other letter, so
# this is the fold both databases can make alike (Citation.objects.contradicted).
_FOLD = str.maketrans(
    WHITESPACE + string.ascii_uppercase, " " * len(WHITESPACE) + string.ascii_lowercase
)


def fold(claim):
    """A claim as the rule compares it: each run of whitespace one space, none at
    either end, and the letters A-Z in lower case ("  17 October\n2016 " ->
    "17 october 2016"). A claim that folds to "" states nothing."""
    return " ".join(part for part in claim.translate(_FOLD).split(" ") if part)


@dataclasses.dataclass
class Claim:
    """One claim the sources make of a field, and the passages that make it."""

    text: str
    is_followed: bool
    citations: list


def disagreements(citations):
    """[(field, [Claim])] for each field on which the citations of one record
    disagree.

    The rule, the one the whole site uses (in SQL: Citation.objects.contradicted):
    two citations of the same record disagree when they support the same named
    field (not "", the record as a whole) and both state a claim, and their claims
    differ once folded: whitespace runs as one space, no space at either end, the
    letters A-Z in either case (see `fold`). A citation without a claim (or only
    whitespace) contradicts nothing; two passages of the same source can disagree.

    The claim the record follows comes first; claims that fold alike are shown
    once (as the first citation words it), with each passage.
    """
    by_field = {}
    for citation in citations:
        if citation.field and fold(citation.claim):
            by_field.setdefault(citation.field, []).append(citation)
    found = []
    for field, group in sorted(by_field.items()):
        claims = {}
        for citation in group:
            key = fold(citation.claim)
            claim = claims.setdefault(key, Claim(citation.claim, False, []))
            claim.is_followed = claim.is_followed or citation.is_followed
            claim.citations.append(citation)
        if len(claims) > 1:
            ordered = sorted(claims.values(), key=lambda claim: not claim.is_followed)
            found.append((field, ordered))
    return found


def by_source(citations):
    """[(source, [citations])], primary sources first."""
    ordered = sorted(
        citations, key=lambda c: (not c.source.is_primary, c.source.title, c.pk)
    )
    return [
        (source, list(group))
        for source, group in itertools.groupby(ordered, key=lambda c: c.source)
    ]


def by_passage(citations, text):
    """[(passage, [citations])], in the order the passages come in the text."""
    groups = {}
    for citation in citations:
        groups.setdefault(citation.passage, []).append(citation)
    end = len(text) + 1

    def position(passage):
        found = text.find(passage)
        return end if found < 0 else found

    return sorted(groups.items(), key=lambda item: position(item[0]))
