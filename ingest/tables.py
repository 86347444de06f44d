"""The archive's tables, described once: fixture file, model label, bulk-data name.

The fixture writer, the loader and the bulk-data download all read this. It is
plain data (no ORM import), so the parser side stays pure Python.

In load order: every table comes after the tables its records refer to.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    """One model of the archive as the pipeline and the bulk download name it."""

    label: str  # the model's label, lower case: "plenaries.plenary"
    fixture: str  # its file in fixtures/: "plenaries.json"
    name: str  # its bulk-data table, /data/<name>.csv: "plenaries"
    # Its dates in EDTF: the record's properties (core.dates.edtf_day and
    # edtf_span) that the bulk data writes after its columns.
    edtf: tuple[str, ...] = ()


TABLES = (
    Table("members.country", "countries.json", "countries"),
    Table("members.region", "regions.json", "regions"),
    Table("plenaries.resolution", "resolutions.json", "resolutions"),
    Table("plenaries.plenary", "plenaries.json", "plenaries", ("dates_edtf",)),
    Table("members.membership", "memberships.json", "memberships", ("since_edtf",)),
    Table("members.adherence", "adherences.json", "adherences", ("declared_edtf",)),
    Table(
        "plenaries.chairmanship",
        "chairmanships.json",
        "chairmanships",
        ("start_edtf", "end_edtf"),
    ),
    Table("plenaries.person", "people.json", "people"),
    Table("plenaries.chairperson", "chair_people.json", "chair-people"),
    Table("plenaries.event", "events.json", "events", ("dates_edtf",)),
    Table(
        "annex.annexrevision",
        "annex_revisions.json",
        "annex-revisions",
        ("date_edtf",),
    ),
    Table("evidence.sourcedocument", "sources.json", "sources", ("published_edtf",)),
    Table("evidence.citation", "citations.json", "citations"),
)

BY_LABEL = {table.label: table for table in TABLES}
