"""The merge of what every witness says into the archive's records, one module
for each kind of record; the rule that weighs witnesses is in witnesses.py. The
whole build (read, parse, merge) is ingest.build."""
