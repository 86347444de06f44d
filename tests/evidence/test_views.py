"""The source pages: the catalogue's text, the facts drawn from each, in order."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import (
    SourceDocumentFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def test_source_pages_show_catalogue_text_and_the_facts_drawn(client, small_archive):
    listing = client.get(reverse("evidence:list")).content.decode()
    assert "MTCR: overview and developments" in listing
    response = client.get(small_archive["source"].get_absolute_url())
    html = response.content.decode()
    assert "Plenary public statement" in html
    assert "Busan, 17-21 October 2016" in html  # a passage quoted
    assert len(response.context["citations"]) == 6
    assert "Full text" in html
    assert "Missile Technology Control Regime" in html


def test_source_list_filters_by_kind(client, small_archive):
    response = client.get(reverse("evidence:list"), {"kind": "overview"})
    assert [s.slug for s in response.context["page_obj"]] == ["nti-mtcr-overview"]


def test_a_source_page_groups_its_facts_by_passage_in_text_order(client, small_archive):
    response = client.get(small_archive["source"].get_absolute_url())
    passages = [text for text, _ in response.context["passages"]]
    text = small_archive["source"].text
    assert len(passages) == 2  # the dates passage, and the opening the others quote
    positions = [text.find(p) if text.find(p) >= 0 else len(text) for p in passages]
    assert positions == sorted(positions)
    assert sum(len(group) for _, group in response.context["passages"]) == 6
    html = response.content.decode()
    assert "6 facts from 2 passages" in html


def test_the_source_list_counts_the_facts_drawn_from_each(client, small_archive):
    html = client.get(reverse("evidence:list")).content.decode()
    assert "6 facts drawn from it" in html
    assert "1 fact drawn from it" in html


def test_the_source_list_is_in_publication_order_while_it_counts_facts(client):
    """Counting each document's facts once grouped the query, and a grouped query
    drops the model's default ordering: the list came in no particular order."""
    for year in (2020, 2001, 2010):
        SourceDocumentFactory(
            file_name=f"statement-{year}.txt", published=datetime.date(year, 1, 1)
        )
    response = client.get(reverse("evidence:list"))
    assert [source.slug for source in response.context["page_obj"]] == [
        "statement-2001",
        "statement-2010",
        "statement-2020",
    ]
