"""Sentence readers shared by the statement, chair's report and overview parsers.

Each reader takes one sentence (raw, as quoted) and the report of the meeting it
belongs to, and adds what the sentence states to the document's facts.
"""

from ingest.sentences.meeting import (
    CITY_RE,
    is_meeting_sentence,
    quote,
    read_chairs,
    read_concerns,
    read_meeting,
    read_member_list,
    read_opener,
    read_place,
    read_resolutions,
)
from ingest.sentences.people import parse_person, read_people
from ingest.sentences.regime import (
    annex_summary,
    is_annex_revision,
    read_adherence,
    read_adopted_message,
    read_annex,
    read_chair_evidence,
    read_new_members,
    summarize,
)

__all__ = [
    "CITY_RE",
    "annex_summary",
    "is_annex_revision",
    "is_meeting_sentence",
    "parse_person",
    "quote",
    "read_adherence",
    "read_adopted_message",
    "read_annex",
    "read_chair_evidence",
    "read_chairs",
    "read_concerns",
    "read_meeting",
    "read_member_list",
    "read_new_members",
    "read_opener",
    "read_people",
    "read_place",
    "read_resolutions",
    "summarize",
]
