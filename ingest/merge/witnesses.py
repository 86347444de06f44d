"""The written rule for witnesses: which claim a record follows where they disagree.

1. The meeting's own statement (a statement or chair's report reporting on that
   meeting, or a copy of it: a cable or fact sheet carrying the press statement, a
   host government's copy) over other official accounts (fact sheets, cables,
   press releases, speeches, parliamentary answers, presentations, and statements
   that mention a meeting other than their own), over overviews and encyclopedias.
2. Within a witness, a body over a heading (a records claim whose note says it
   comes from a heading or a title).
3. What was held over what was announced: an announcement never sets a record
   (plenaries._cite_announcements cites it, not followed, where it differs).

Every claim is kept as a citation; the ones the record does not follow have
`is_followed` false and show as a disagreement.
"""

import re

OWN_STATEMENT, OFFICIAL, OVERVIEW = 0, 1, 2
RANK_NAMES = {
    OWN_STATEMENT: "the meeting's own statement",
    OFFICIAL: "an official account",
    OVERVIEW: "an overview or encyclopedia",
}
_STATEMENT_KINDS = {"statement", "chair-report"}
_CARRIERS = {"cable", "fact-sheet"}
_ACCOUNTS_OF_OTHERS = {"overview", "encyclopedia"}
_CARRIES_STATEMENT = re.compile(r"\bcarr(?:y|ies|ying)\b.*\bstatement\b", re.I)
_HEADING = re.compile(r"\b(?:heading|title)\b", re.I)


def carries_statement(source):
    """A cable or fact sheet whose record says it carries the meeting's statement."""
    described = f"{source.title} {source.note}"
    return source.kind in _CARRIERS and bool(_CARRIES_STATEMENT.search(described))


def witness_class(source, report=None):
    """OWN_STATEMENT, OFFICIAL or OVERVIEW: what kind of witness a source is of
    the meeting `report` speaks of (None: of what it reports on itself)."""
    if source.kind in _ACCOUNTS_OF_OTHERS:
        return OVERVIEW
    own = report is None or not report.is_mention
    if own and (source.kind in _STATEMENT_KINDS or carries_statement(source)):
        return OWN_STATEMENT
    return OFFICIAL


def is_heading(note):
    """Whether the archivist's note says a claim comes from a heading or title."""
    return bool(_HEADING.search(note or ""))


def witness_rank(source, report=None, note=""):
    """The rank of a witness, lower first: (class, 1 if from a heading else 0).

    `note` is the archivist's note on the claim (records claims only)."""
    return (witness_class(source, report), 1 if is_heading(note) else 0)
