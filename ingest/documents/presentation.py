"""A presentation on the regime: little data, but it states the partners' number."""

import re

from ingest.dates import number_from_words
from ingest.facts import DocumentFacts, Fact
from ingest.text import lines_as_paragraphs, normalize_space


def parse_presentation(text):
    """The facts of a presentation: the number of partners it gives, if any."""
    facts = DocumentFacts()
    for line in lines_as_paragraphs(text):
        match = re.search(r"^(\w+(?:-\w+)?) countries\b", line)
        if match and number_from_words(match.group(1)):
            facts.member_count = Fact(
                number_from_words(match.group(1)), normalize_space(line)
            )
            break
    return facts
