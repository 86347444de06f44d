"""Numbered paragraphs of a statement: stable anchors, headings apart, sanitized."""

from django.conf import settings

from plenaries.paragraphs import numbered, paragraph, split_paragraphs

BUSAN = (settings.SOURCES_DIR / "busan-2016-statement.txt").read_text()


def test_paragraphs_are_numbered_in_order_and_headings_are_not():
    """Busan's heading is kept unnumbered; paragraph 1 is the first prose."""
    blocks = split_paragraphs(BUSAN)
    assert blocks[0].is_heading
    assert blocks[0].number is None
    numbers = [block.number for block in blocks if not block.is_heading]
    assert numbers == list(range(1, len(numbers) + 1))
    first = numbered(BUSAN)[0]
    assert first.anchor == "p-1"
    assert first.plain.startswith("The Missile Technology Control Regime (MTCR) held")


def test_numbering_depends_only_on_the_text():
    """The same text numbered twice gives the same anchors and texts."""
    assert [(p.anchor, p.plain) for p in numbered(BUSAN)] == [
        (p.anchor, p.plain) for p in numbered(BUSAN)
    ]


def test_blank_lines_holding_spaces_still_separate_paragraphs():
    """The 2011 statement separates paragraphs with lines holding a single space."""
    text = (settings.SOURCES_DIR / "buenos-aires-2011-statement.txt").read_text()
    found = numbered(text)
    assert len(found) == 11
    assert found[-1].plain.startswith("The MTCR has 34 members")


def test_paragraph_html_goes_through_the_sanitizing_markdown_filter():
    """Markdown is rendered, and a script in the text never reaches the page."""
    text = (
        "First **bold**.\n\nSecond <script>alert(1)</script> [x](javascript:alert(1))"
    )
    first, second = numbered(text)
    assert "<strong>bold</strong>" in first.html
    assert "<script>" not in second.html
    assert "javascript:" not in second.html
    assert second.plain.startswith("Second")


def test_paragraph_by_number():
    """paragraph() finds a paragraph by its number, and None past the last."""
    assert paragraph(BUSAN, 2).plain.startswith("MTCR Partners warmly welcomed India")
    assert paragraph(BUSAN, 999) is None
    assert paragraph("", 1) is None
