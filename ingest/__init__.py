"""The pipeline sources/ -> fixtures/ -> database.

Pure Python up to the fixtures (text in, dataclasses out, no ORM):
- `catalogue`: sources/catalogue.toml, validated; `dates`, `names`, `text`, `facts`,
  `errors`: what every reader shares;
- `documents/`: one reader per document kind (statement, chair's report, overview,
  presentation);
- `sentences/`: the sentence readers the documents share (the meeting, people, the
  regime's chair, partners and adherents);
- `merge/`: every document's facts merged into the archive's records, with their
  citations and the rule for which witness the record follows;
- `fixtures`: the records as Django fixtures (natural keys, byte-stable).

Then the database: `loader` loads fixtures/ keeping staff edits, and the commands
`build_fixtures` and `load_archive` are thin shells around both.
"""
