"""Reading queries and marking matches: total functions, safe output."""

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from search.query import (
    MAX_QUERY_LENGTH,
    Term,
    clean_query,
    parse,
    snippet,
    stem,
    text_fragment,
)

any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=600)


def test_words_phrases_and_exclusions_are_read():
    assert parse('intangible "catch-all controls" -Iran the') == [
        Term(("intangibl",)),
        Term(("catch", "all", "control")),
        Term(("iran",), excluded=True),
    ]


def test_stems_join_the_forms_of_a_word():
    assert stem("technology") == stem("technologies") == "technolog"
    assert stem("missiles") == stem("missile")
    assert stem("class") == "class"


def test_a_long_query_is_cut_at_a_word():
    query, truncated = clean_query("proliferation " * 100)
    assert truncated
    assert len(query) <= MAX_QUERY_LENGTH
    assert query.split() == ["proliferation"] * len(query.split())


def test_control_characters_are_dropped():
    assert clean_query("missile\x00 \x1b[31mtechnology\n") == (
        "missile [31mtechnology",
        False,
    )


@given(any_text)
def test_any_query_is_read_without_error(raw):
    query, _ = clean_query(raw)
    assert len(query) <= MAX_QUERY_LENGTH
    assert "\x00" not in query
    for term in parse(query):
        re.compile(term.pattern())


@given(text=any_text, query=any_text)
def test_a_snippet_is_the_text_escaped_with_only_mark_tags_added(text, query):
    text = " ".join(text.split())
    shown = str(snippet(text, parse(clean_query(query)[0])))
    assert re.sub(r"</?mark>", "", shown).count("<") == 0
    assert shown.count("<mark>") == shown.count("</mark>")
    plain = html.unescape(re.sub(r"</?mark>", "", shown)).strip("… ")
    assert plain in text


def test_a_snippet_marks_every_form_of_the_words_sought():
    text = "Risks of Intangible Technology Transfers and technological change."
    shown = str(snippet(text, parse("intangible technologies")))
    assert shown == (
        "Risks of <mark>Intangible</mark> <mark>Technology</mark> Transfers and "
        "<mark>technological</mark> change."
    )


def test_a_text_fragment_names_the_start_and_end_of_a_long_passage():
    passage = "On 14-18 October, the MTCR held its 27th Plenary Meeting in Rome, Italy."
    assert text_fragment(passage) == (
        ":~:text=On%2014%2D18%20October%2C%20the%20MTCR,Plenary%20Meeting%20in%20Rome%2C%20Italy."
    )
    assert text_fragment("Short passage.") == ":~:text=Short%20passage."
