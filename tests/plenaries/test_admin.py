"""The staff admin for plenaries, chairs and events (and, in the checks every admin
page gets, sources and citations)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plenaries.models import Plenary
from tests.conftest import admin_form_data, admin_url, registered_models
from tests.small_archive import add_records

pytestmark = pytest.mark.django_db

MODELS = [*registered_models("plenaries"), *registered_models("evidence")]


def test_every_plenaries_and_evidence_model_is_in_the_admin():
    assert {model.__name__ for model in registered_models("plenaries")} == {
        "Chairmanship",
        "ChairPerson",
        "Event",
        "Person",
        "Plenary",
        "Resolution",
    }
    assert {model.__name__ for model in registered_models("evidence")} == {
        "Citation",
        "SourceDocument",
    }


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_each_admin_page_loads_for_staff(admin_client, small_archive, model):
    """The list, the add form, a change form and its history all answer 200."""
    obj = model.objects.first()
    assert obj is not None, "build_archive() makes a record of every model"
    for url in [
        admin_url(model, "changelist"),
        admin_url(model, "add"),
        admin_url(model, "change", obj.pk),
        admin_url(model, "history", obj.pk),
    ]:
        assert admin_client.get(url).status_code == 200, url


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_each_admin_page_sends_an_anonymous_visitor_to_the_login_page(
    client, django_user_model, small_archive, model
):
    obj = model.objects.first()
    for url in [
        admin_url(model, "changelist"),
        admin_url(model, "add"),
        admin_url(model, "change", obj.pk),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login")), url
    # A signed-in user who is not staff is sent there too.
    django_user_model.objects.create_user("reader", password="not-staff-0451")
    client.login(username="reader", password="not-staff-0451")
    response = client.get(admin_url(model, "changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_a_list_page_runs_the_same_number_of_queries_for_more_records(
    admin_client, small_archive, model
):
    url = admin_url(model, "changelist")
    admin_client.get(url)  # warm the content-type and session caches
    with CaptureQueriesContext(connection) as few:
        shown = admin_client.get(url).context["cl"].result_count
    add_records(3)
    with CaptureQueriesContext(connection) as many:
        response = admin_client.get(url)
    assert response.context["cl"].result_count >= shown + 3
    assert len(many) == len(few), [query["sql"] for query in many]


def test_an_admin_edit_is_kept_in_history_and_reverting_restores_the_old_value(
    admin_client, admin_user, small_archive
):
    plenary = small_archive["plenary"]
    change_url = admin_url(Plenary, "change", plenary.pk)
    data = admin_form_data(admin_client.get(change_url))
    assert data["city"] == "Busan"
    data["city"] = "Pusan"
    response = admin_client.post(change_url, data)
    assert response.status_code == 302, response.context["errors"]
    plenary.refresh_from_db()
    assert plenary.city == "Pusan"

    # The history holds the M2M fields too: the factory's additions to them are
    # versions of their own, before the edit.
    history = plenary.history.order_by("history_date")
    assert [h.city for h in history][-2:] == ["Busan", "Pusan"]
    assert history.last().history_user == admin_user
    history_page = admin_client.get(admin_url(Plenary, "history", plenary.pk))
    assert "Pusan" in history_page.content.decode()

    before_edit = history.exclude(city="Pusan").last()
    versions = history.count()
    revert_url = admin_url(Plenary, "simple_history", plenary.pk, before_edit.pk)
    data = admin_form_data(admin_client.get(revert_url))
    assert data["city"] == "Busan"
    response = admin_client.post(revert_url, data)
    assert response.status_code == 302
    plenary.refresh_from_db()
    assert plenary.city == "Busan"
    assert plenary.history.count() == versions + 1
    # The edit kept the citations, the people and the relations as they were.
    assert plenary.citations.count() == 2
    assert sorted(r.number for r in plenary.resolutions.all()) == [2270, 2321]


def test_a_citation_added_inline_supports_the_plenary(admin_client, small_archive):
    plenary = small_archive["plenary"]
    change_url = admin_url(Plenary, "change", plenary.pk)
    data = admin_form_data(admin_client.get(change_url))
    prefix = "citations"
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(total + 1)
    data[f"{prefix}-{total}-source"] = str(small_archive["source"].pk)
    data[f"{prefix}-{total}-passage"] = "The 30th Plenary Meeting of the MTCR"
    data[f"{prefix}-{total}-field"] = "number"
    data[f"{prefix}-{total}-claim"] = "30"
    data[f"{prefix}-{total}-is_followed"] = "on"
    response = admin_client.post(change_url, data)
    assert response.status_code == 302, response.context["errors"]
    added = plenary.citations.get(field="number")
    assert added.claim == "30"
    assert added.key  # a generated natural key, so that it can go into fixtures


def test_the_plenary_list_flags_sources_that_disagree(admin_client, small_archive):
    response = admin_client.get(admin_url(Plenary, "changelist"))
    rows = {row.slug: row for row in response.context["cl"].result_list}
    assert rows["2016-busan"].sources_disagree is True
    assert rows["2016-busan"].citation_count == 2
    assert rows["1993-interlaken"].sources_disagree is False
    assert rows["1993-interlaken"].citation_count == 0

    only_disagreeing = admin_client.get(
        admin_url(Plenary, "changelist"), {"sources": "disagree"}
    )
    assert [p.slug for p in only_disagreeing.context["cl"].result_list] == [
        "2016-busan"
    ]


def test_the_change_page_shows_what_each_source_claims(admin_client, small_archive):
    plenary = small_archive["plenary"]
    page = admin_client.get(admin_url(Plenary, "change", plenary.pk)).content.decode()
    assert "Sources disagree on dates" in page
    claims = page[page.index("Sources disagree on dates") :]
    assert "“17-21 October 2016” (the record follows this source)" in claims
    assert "MTCR: overview and developments: “October 2016”</li>" in claims


def test_citations_with_the_same_claim_do_not_disagree(admin_client, small_archive):
    plenary = small_archive["plenary"]
    plenary.citations.filter(claim="October 2016").update(claim="17-21 October 2016")
    response = admin_client.get(admin_url(Plenary, "changelist"))
    rows = {row.slug: row for row in response.context["cl"].result_list}
    assert rows["2016-busan"].sources_disagree is False
    page = admin_client.get(admin_url(Plenary, "change", plenary.pk)).content.decode()
    assert "Sources disagree" not in page
    assert "The sources agree." in page


def test_staff_find_a_country_by_another_spelling(admin_client, small_archive):
    response = admin_client.get(
        reverse("admin:members_country_changelist"), {"q": "North Korea"}
    )
    assert [c.iso_code for c in response.context["cl"].result_list] == ["KP"]


def test_help_texts_show_as_written_not_as_html(admin_client, small_archive):
    """The slug's help "<year>-<city>" is not swallowed as an HTML tag."""
    plenary = small_archive["plenary"]
    page = admin_client.get(admin_url(Plenary, "change", plenary.pk)).content.decode()
    assert (
        "&lt;year&gt;-&lt;city&gt;, or &lt;year&gt;-&lt;country&gt; if no city." in page
    )


@pytest.mark.parametrize(
    ("model_name", "query", "expected"),
    [
        ("plenaries_chairmanship", "Luxembourg", ["2015-netherlands-luxembourg"]),
        ("plenaries_chairperson", "Piet", ["Ambassador Piet de Klerk"]),
        ("plenaries_person", "Klerk", ["piet-de-klerk"]),
        ("plenaries_event", "DPRK", ["2017-outreach-asia"]),
        ("plenaries_plenary", "Korea", ["2016-busan"]),
        ("evidence_sourcedocument", "overview", ["nti-mtcr-overview"]),
        ("evidence_citation", '"in October 2016 in Busan"', ["busan-dates-overview"]),
    ],
)
def test_staff_find_records_by_what_they_say(
    admin_client, small_archive, model_name, query, expected
):
    """Search across relations (countries, people) lists each record once."""
    url = reverse(f"admin:{model_name}_changelist")
    response = admin_client.get(url, {"q": query})
    found = [
        getattr(obj, "slug", None) or getattr(obj, "key", None) or str(obj)
        for obj in response.context["cl"].result_list
    ]
    assert sorted(found) == expected


# Unordered results would page inconsistently: the annotated counts must keep the
# models' default ordering.
@pytest.mark.filterwarnings("error::django.core.paginator.UnorderedObjectListWarning")
@pytest.mark.parametrize(
    ("field_name", "term", "expected"),
    [
        # The DPRK by its other spelling in the documents, "North Korea".
        ("country", "Kor", ["DPRK", "Korea"]),
        ("resolutions", "2270", ["UNSCR 2270"]),
        ("regions_of_concern", "Asia", ["Northeast Asia"]),
    ],
)
def test_related_records_are_picked_by_typing_part_of_their_name(
    admin_client, small_archive, field_name, term, expected
):
    """The plenary form's autocomplete widgets answer with matching records."""
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "plenaries",
            "model_name": "plenary",
            "field_name": field_name,
            "term": term,
        },
    )
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == expected
