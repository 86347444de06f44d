"""Paragraph alignment of two statements, on the real statements of 2011 and 2016."""

import re

from django.conf import settings

from plenaries.paragraphs import numbered
from research.compare import (
    ADDED,
    DROPPED,
    REWORDED,
    UNCHANGED,
    compare,
    summary,
    word_diff,
)

BUENOS_AIRES = numbered(
    (settings.SOURCES_DIR / "buenos-aires-2011-statement.txt").read_text()
)
BUSAN = numbered((settings.SOURCES_DIR / "busan-2016-statement.txt").read_text())


def test_a_statement_compared_with_itself_shows_no_change():
    """Every paragraph is paired with itself, unchanged, with no <ins> or <del>."""
    for statement in (BUENOS_AIRES, BUSAN):
        rows = compare(statement, statement)
        assert summary(rows) == {
            UNCHANGED: len(statement),
            REWORDED: 0,
            ADDED: 0,
            DROPPED: 0,
        }
        assert [row.new.number for row in rows] == [p.number for p in statement]
        assert not any(
            "<ins>" in row.new_html or "<del>" in row.old_html for row in rows
        )


def test_2016_welcome_of_india_is_added():
    """Busan's paragraph welcoming India has no counterpart in 2011: added."""
    rows = compare(BUENOS_AIRES, BUSAN)
    india = [row for row in rows if row.new and "welcomed India" in row.new.plain]
    assert len(india) == 1
    assert india[0].kind == ADDED
    assert india[0].old is None


def test_membership_paragraph_is_reworded_with_the_word_changes_marked():
    """'The MTCR has 34 members' pairs with '35 members', India inserted."""
    rows = compare(BUENOS_AIRES, BUSAN)
    members = [row for row in rows if row.new and "has 35 members" in row.new.plain]
    assert len(members) == 1
    row = members[0]
    assert row.kind == REWORDED
    assert row.old.plain.startswith("The MTCR has 34 members")
    assert "<del>34</del>" in row.old_html
    assert "<ins>35</ins>" in row.new_html
    assert re.search(r"<ins>[^<]*\bIndia,[^<]*</ins>", row.new_html)
    assert "India" not in row.old_html


def test_paragraphs_are_paired_by_similarity_not_position():
    """Reversing a statement's paragraphs still pairs each with itself."""
    rows = compare(BUENOS_AIRES, list(reversed(BUENOS_AIRES)))
    assert summary(rows)[UNCHANGED] == len(BUENOS_AIRES)
    assert all(row.old is row.new for row in rows)


def test_every_paragraph_of_both_statements_appears_once():
    """No paragraph is lost or shown twice, whatever the pairing."""
    rows = compare(BUENOS_AIRES, BUSAN)
    assert sorted(r.old.number for r in rows if r.old) == [
        p.number for p in BUENOS_AIRES
    ]
    assert [r.new.number for r in rows if r.new] == [p.number for p in BUSAN]
    assert summary(rows)[DROPPED] == sum(1 for r in rows if r.new is None)


def test_word_changes_are_escaped_before_being_marked():
    """Markup in the words is shown as text; only <ins> and <del> are tags."""
    old_html, new_html = word_diff(["a", "<b>x</b>"], ["a", "<script>y</script>"])
    assert old_html == "a <del>&lt;b&gt;x&lt;/b&gt;</del>"
    assert new_html == "a <ins>&lt;script&gt;y&lt;/script&gt;</ins>"
