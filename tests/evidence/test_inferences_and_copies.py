"""On the real archive: a host country no witness names is shown as inferred
from the city, a copy names its official original, and a meeting whose statement
is cited but not held says so instead of having no statement."""

import pytest

from evidence.models import Citation, Inference, SourceDocument
from plenaries.models import Plenary

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("no_page_cache", "real_archive"),
]


def test_only_the_host_no_witness_names_is_inferred():
    """Records name every host but Buenos Aires 2011's, whose statement and the
    overview name the city alone."""
    inferred = Plenary.objects.exclude(country_inferred="")
    assert list(inferred.values_list("slug", "country_inferred")) == [
        ("2011-buenos-aires", Inference.CITY)
    ]
    assert inferred.get().country.iso_code == "AR"


def test_the_inferred_host_is_shown_as_inferred_on_the_page(client):
    html = client.get("/plenaries/2011-buenos-aires/").content.decode()
    assert "inferred from the city: no witness names the host country" in html
    busan = client.get("/plenaries/2016-busan/").content.decode()
    assert "no witness names the host country" not in busan


def test_a_citation_of_a_country_read_off_a_city_claims_it_as_inferred(client):
    """Busan 2016's statement names the city; the overview names the country,
    which the record follows as stated."""
    busan = Citation.objects.filter(plenary__slug="2016-busan", field="country")
    by_source = {c.source.file_name: c.inferred for c in busan}
    assert by_source["busan-2016-statement.txt"] == Inference.CITY
    assert by_source["nti-mtcr-overview.txt"] == ""
    assert Plenary.objects.get(slug="2016-busan").country_inferred == ""
    html = client.get("/plenaries/2016-busan/").content.decode()
    assert "inferred from the city: the passage does not name it" in html


def test_an_inference_agrees_with_the_stated_host_and_is_no_disagreement():
    stated = Citation.objects.filter(field="country").contradicted()
    assert not stated.exists()


def test_copies_name_their_official_original():
    copies = dict(
        SourceDocument.objects.exclude(original=None).values_list(
            "file_name", "original__file_name"
        )
    )
    assert copies == {
        "records/mtcr-de-1991-washington": "records/mtcr-1991-washington",
        "records/lu-2015-rotterdam": "records/nl-2015-rotterdam",
    }


def test_the_source_page_of_a_copy_names_its_original_and_the_original_its_copies(
    client,
):
    copy = SourceDocument.objects.get(file_name="records/lu-2015-rotterdam")
    html = client.get(copy.get_absolute_url()).content.decode()
    assert "<dt>A copy of</dt>" in html
    assert copy.original.get_absolute_url() in html
    original = client.get(copy.original.get_absolute_url()).content.decode()
    assert "<dt>Copies</dt>" in original
    assert copy.get_absolute_url() in original


def test_a_copys_citations_name_the_original(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(30):
        html = client.get("/plenaries/1991-washington/").content.decode()
    original = SourceDocument.objects.get(file_name="records/mtcr-1991-washington")
    assert f'a copy of <a href="{original.get_absolute_url()}">' in html


def test_a_statement_cited_but_not_held_is_named_with_its_address(client):
    html = client.get("/plenaries/1999-noordwijk/").content.decode()
    statement = SourceDocument.objects.get(file_name="records/mtcr-1999-noordwijk")
    assert "No public statement of this meeting is in the archive." not in html
    assert "not held in full text: it is cited from the original" in html
    assert statement.url in html
    assert statement.title in html


def test_a_meeting_with_no_known_statement_still_says_so(client):
    """Rio de Janeiro 2009: only the overview reports on it."""
    assert not SourceDocument.objects.filter(plenary__slug="2009-rio-de-janeiro")
    html = client.get("/plenaries/2009-rio-de-janeiro/").content.decode()
    assert "No public statement of this meeting is in the archive." in html


def test_a_statement_is_linked_to_its_own_meeting_not_one_it_mentions():
    linked = dict(
        SourceDocument.objects.filter(
            file_name__in=[
                "records/mtcr-2003-buenos-aires",
                "records/mtcr-2013-rome",
                "records/usdos-cable-2006-copenhagen",
            ]
        ).values_list("file_name", "plenary__slug")
    )
    assert linked == {
        "records/mtcr-2003-buenos-aires": "2003-buenos-aires",
        "records/mtcr-2013-rome": "2013-rome",
        "records/usdos-cable-2006-copenhagen": "2006-copenhagen",
    }
