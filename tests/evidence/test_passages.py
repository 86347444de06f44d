"""The passages supporting a record (evidence/_citations.html): quoted, cleaned and
escaped, each with its source."""

import datetime

import pytest
from django.template.loader import render_to_string

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
