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


TABLES = (
    Table("members.country", "countries.json", "countries"),
    Table("members.region", "regions.json", "regions"),
    Table("plenaries.resolution", "resolutions.json", "resolutions"),
    Table("plenaries.plenary", "plenaries.json", "plenaries"),
    Table("members.membership", "memberships.json", "memberships"),
    Table("members.adherence", "adherences.json", "adherences"),
    Table("plenaries.chairmanship", "chairmanships.json", "chairmanships"),
    Table("plenaries.person", "people.json", "people"),
    Table("plenaries.chairperson", "chair_people.json", "chair-people"),
    Table("plenaries.event", "events.json", "events"),
    Table("annex.annexrevision", "annex_revisions.json", "annex-revisions"),
    Table("evidence.sourcedocument", "sources.json", "sources"),
    Table("evidence.citation", "citations.json", "citations"),
)

BY_LABEL = {table.label: table for table in TABLES}
