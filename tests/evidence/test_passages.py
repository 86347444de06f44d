"""The passages supporting a record (evidence/_citations.html): quoted, cleaned and
escaped, each with its source."""

import datetime

import pytest
from django.template.loader import render_to_string

from evidence.templatetags.passages import claim_display
from tests.factories import CitationFactory, SourceDocumentFactory

pytestmark = pytest.mark.django_db


def rendered(citations):
    return render_to_string("evidence/_citations.html", {"citations": citations})


def test_markup_in_titles_claims_and_passages_is_escaped_or_cleaned():
    source = SourceDocumentFactory(
        title='Chair\'s report <script>alert("x")</script> & notes',
        url='https://example.org/?a=1&b="2"',
        published=datetime.date(1994, 10, 1),
        published_precision="month",
    )
    undated = SourceDocumentFactory(title="Undated", published=None)
    citations = [
        CitationFactory(
            source=source,
            passage="The 30<sup>th</sup> plenary <img src=x onerror=alert(1)>\nmet",
            field="opened_by",
            claim="<b>Ambassador</b> & co",
            is_followed=False,
        ),
        CitationFactory(source=source, field="dates", claim="2011-04-11/2011-04-15"),
        CitationFactory(source=undated, field="", claim="ignored without a field"),
        CitationFactory(source=undated, field="host:city", claim=""),
    ]
    html = rendered(citations)
    assert "<script>" not in html and "<img" not in html
    assert "Chair&#x27;s report &lt;script&gt;" in html
    assert 'cite="https://example.org/?a=1&amp;b=&quot;2&quot;"' in html
    assert "The 30<sup>th</sup> plenary <br>met" in html
    claim = "“&lt;b&gt;Ambassador&lt;/b&gt; &amp; co”"
    assert f"supports <em>opened by</em>: {claim}" in html
    assert "not followed by the archive" in html
    assert "11–15 April 2011" in html
    assert "ignored without a field" not in html
    assert "supports <em>host: city</em></p>" in html
    assert html.count("<li>") == 4


def test_no_citations_write_no_list():
    assert "<ul" not in rendered([])


@pytest.mark.parametrize(
    ("claim", "shown"),
    [
        ("2011-04-11/2011-04-15", "11–15 April 2011"),
        ("2002-09-23/2002-10-02", "23 September – 2 October 2002"),
        ("2008-12", "December 2008"),
        ("1993-11/1993-12", "November–December 1993"),
        ("by 2005-09-16", "by 16 September 2005"),
        ("1540, 1874, 1929", "1540, 1874, 1929"),
        ("2011-13-45", "2011-13-45"),
    ],
)
def test_iso_claims_are_shown_as_dates_at_their_precision(claim, shown):
    assert claim_display(claim) == shown


def test_passages_keep_formatting_tags_and_drop_the_rest(client, small_archive):
    citation = small_archive["plenary"].citations.get(key="busan-dates-statement")
    citation.passage = (
        "held its 30<sup>th</sup> Plenary <script>alert(1)</script> & more"
    )
    citation.save()
    html = client.get(small_archive["plenary"].get_absolute_url()).content.decode()
    assert "held its 30<sup>th</sup> Plenary  &amp; more" in html
    assert "alert(1)" not in html
    assert "&lt;sup&gt;" not in html
