"""{{ citations|citation_list }} writes what the template loop it replaced wrote.

includes/_citations.html was a loop over the citations; the filter writes the same
markup in Python, faster. Both are rendered here, for every record's citations in
the real archive and for citations made to test the escaping, and must be equal
byte for byte.
"""

import datetime
from pathlib import Path

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string

from evidence.models import Citation
from tests.factories import CitationFactory, SourceDocumentFactory
from tests.large_archive import real_archive  # noqa: F401

pytestmark = pytest.mark.django_db

# includes/_citations.html as it was: a template loop.
LOOP = Template((Path(__file__).parent / "citations_loop.html").read_text())


def as_the_loop_wrote_it(citations):
    return LOOP.render(Context({"citations": citations}))


def as_the_include_writes_it(citations):
    return render_to_string("evidence/_citations.html", {"citations": citations})


@pytest.mark.usefixtures("real_archive")
def test_every_record_of_the_real_archive_shows_the_same_evidence():
    by_record = {}
    for citation in Citation.objects.with_source().order_by("pk"):
        by_record.setdefault(citation.record, []).append(citation)
    assert len(by_record) > 100
    for record, citations in by_record.items():
        assert as_the_include_writes_it(citations) == as_the_loop_wrote_it(citations), (
            record
        )


def test_markup_in_titles_claims_and_passages_is_escaped_or_cleaned_as_before():
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
    html = as_the_include_writes_it(citations)
    assert html == as_the_loop_wrote_it(citations)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;b&gt;Ambassador&lt;/b&gt; &amp; co" in html
    assert "11–15 April 2011" in html


def test_no_citations_write_no_list():
    assert as_the_include_writes_it([]) == as_the_loop_wrote_it([])
    assert "<ul" not in as_the_include_writes_it([])
