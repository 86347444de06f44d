"""What the sources claim of a record: grouped by source, by passage, and where
they disagree."""

import dataclasses
import itertools


@dataclasses.dataclass
class Claim:
    """One claim the sources make of a field, and the passages that make it."""

    text: str
    is_followed: bool
    citations: list


def disagreements(citations):
    """[(field, [Claim])] for each field on which the sources' claims differ.

    The claim the record follows comes first; a claim several passages make is
    shown once, with each passage.
    """
    by_field = {}
    for citation in citations:
        if citation.field:
            by_field.setdefault(citation.field, []).append(citation)
    found = []
    for field, group in sorted(by_field.items()):
        claims = {}
        for citation in group:
            key = " ".join(citation.claim.split()).lower()
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
