"""The chair's report of a plenary: a statement that never names its meeting.

The catalogue's `plenary` ("2022-montreux") says which meeting; the text gives its
opener, the outgoing and new chairs, and what the Plenary adopted ("on Friday").
"""

from ingest import names
from ingest.documents.statement import country_fallback, read_statement
from ingest.facts import FROM_CITY, Fact
from ingest.text import lines_as_paragraphs


def parse_chair_report(text, *, slug, title="", published=None):
    """The facts of a chair's report, for the meeting the catalogue names."""
    facts = read_statement(
        lines_as_paragraphs(text),
        title=title,
        published=published,
        slug=slug,
        required=False,
    )
    report = facts.plenaries[0]
    place = slug.split("-", 1)[1] if "-" in slug else ""
    known = names.city_country(place.replace("-", " "))
    if known and report.city is None:
        # The catalogue, not the text, places the meeting: nothing to quote.
        report.city = Fact(known[0], "")
        report.country = report.country or Fact(known[1], "", FROM_CITY)
    country_fallback(report, facts)
    return facts
