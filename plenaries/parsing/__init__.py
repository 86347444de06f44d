"""The archive's own parser: the documents in sources/ in, dataclasses out, no ORM.

One module per document kind (statement, chair_report, overview, presentation),
shared dates/names/text/readers, the catalogue, the merge into records (archive)
and their rendering as fixtures (fixtures).
"""
