"""No edit in admin breaks load_archive: the loader finds a record by the natural
key it was loaded with, not by the fields staff may correct, and leaves a record
staff deleted deleted until --force."""

import pytest
from django.apps import apps

from evidence.models import Citation, SourceDocument
from ingest import tables
from members.models import Country, Region
from plenaries.models import Chairmanship, ChairPerson, Event, Person, Plenary
from tests.ingest.loading import load

pytestmark = pytest.mark.django_db


def row_counts():
    return {
        table.label: apps.get_model(table.label).objects.count()
        for table in tables.TABLES
    }


def rekey_person():
    person = Person.objects.get(key="oh-joon")
    person.key = "joon-oh"
    person.save()
    return person, "key", "oh-joon", "joon-oh"


def rename_event():
    event = Event.objects.order_by("date").first()
    loaded = event.slug
    event.slug = "1994-us-china-joint-statement"
    event.save()
    return event, "slug", loaded, "1994-us-china-joint-statement"


def rename_region():
    region = Region.objects.get(slug="northeast-asia")
    region.slug = "north-east-asia"
    region.save()
    return region, "slug", "northeast-asia", "north-east-asia"


def rename_plenary():
    plenary = Plenary.objects.get(slug="2004-seoul")
    plenary.slug = "2004-seoul-korea"
    plenary.save()
    return plenary, "slug", "2004-seoul", "2004-seoul-korea"


def recode_country():
    country = Country.objects.get(iso_code="KR")
    country.iso_code = "KO"
    country.save()
    return country, "iso_code", "KR", "KO"


def rename_document():
    document = SourceDocument.objects.get(file_name="busan-2016-statement.txt")
    document.file_name = "busan-2016-public-statement.txt"
    document.save()
    return document, "file_name", "busan-2016-statement.txt", document.file_name


def rename_chairmanship():
    term = Chairmanship.objects.get(slug="2004-republic-of-korea")
    term.slug = "2004-korea"
    term.save()
    return term, "slug", "2004-republic-of-korea", "2004-korea"


@pytest.mark.parametrize(
    "edit",
    [
        rekey_person,
        rename_event,
        rename_region,
        rename_plenary,
        recode_country,
        rename_document,
        rename_chairmanship,
    ],
    ids=lambda edit: edit.__name__,
)
def test_a_record_renamed_in_admin_is_kept_then_forced_back_and_never_doubled(edit):
    """The next load keeps the renamed record (and says so), creates no second one
    under the old name, and resolves every reference to it; --force gives the
    record its loaded name back, in the same row."""
    load()
    counts = row_counts()
    record, name, loaded, edited = edit()
    model = type(record)

    out = load()
    assert row_counts() == counts
    record.refresh_from_db()
    assert getattr(record, name) == edited
    assert not model.objects.filter(**{name: loaded}).exists()
    assert f"kept {model._meta.label_lower}" in out
    loaded_as = out.split("loaded as “")[1].split("”")[0]
    assert loaded in loaded_as

    load("--force")
    assert row_counts() == counts
    record.refresh_from_db()
    assert getattr(record, name) == loaded
    assert "Nothing to change" in load()


def chairs_of_2004():
    return list(
        ChairPerson.objects.filter(
            chairmanship__slug="2004-republic-of-korea"
        ).values_list("person__name", flat=True)
    )


def test_the_2004_plenary_keeps_one_chair_after_the_chair_s_name_is_corrected():
    """The witnesses spell the 2004 chair two ways: one person, "Oh Joon", with
    the overview's capitals kept as a variant. A name staff correct in admin is
    kept by the next load, still one person in the one role."""
    load()
    assert chairs_of_2004() == ["Oh Joon"]
    person = Person.objects.get(name="Oh Joon")
    assert person.variants == ["OH Joon"]
    person.name = "Joon Oh"
    person.save()
    out = load()
    assert "kept plenaries.person" in out
    assert chairs_of_2004() == ["Joon Oh"]
    assert not Person.objects.filter(name__in=["Oh Joon", "OH Joon"]).exists()


def test_references_to_a_recoded_country_still_resolve_to_it():
    load()
    country, *_ = recode_country()
    hosted = set(country.plenaries_hosted.values_list("pk", flat=True))
    load()
    load("--force")
    assert set(country.plenaries_hosted.values_list("pk", flat=True)) == hosted


def test_a_plenary_staff_deleted_stays_deleted_until_force_re_creates_it():
    """Deleting a plenary deletes its citations with it: the next load re-creates
    neither (and says so), --force re-creates both."""
    load()
    counts = row_counts()
    plenary = Plenary.objects.get(slug="2004-seoul")
    citations = plenary.citations.count()
    assert citations
    plenary.delete()

    out = load()
    assert not Plenary.objects.filter(slug="2004-seoul").exists()
    assert row_counts()["plenaries.plenary"] == counts["plenaries.plenary"] - 1
    assert row_counts()["evidence.citation"] == counts["evidence.citation"] - citations
    assert "not re-created plenaries.plenary “2004-seoul”: deleted by staff" in out

    load("--force")
    assert row_counts() == counts
    assert Plenary.objects.get(slug="2004-seoul").citations.count() == citations
    assert "Nothing to change" in load()


def test_a_chair_person_staff_deleted_stays_deleted_until_force():
    load()
    counts = row_counts()
    chair = {
        "chairmanship__slug": "2004-republic-of-korea",
        "person__name": "Oh Joon",
    }
    ChairPerson.objects.get(**chair).delete()

    out = load()
    assert not ChairPerson.objects.filter(**chair).exists()
    assert "not re-created plenaries.chairperson" in out
    load("--force")
    assert row_counts() == counts
    assert ChairPerson.objects.filter(**chair).exists()


def test_a_record_the_sources_drop_and_give_again_is_re_created():
    """Only staff's deletions hold: a record the loader itself removed (its sources
    no longer gave it) comes back when they give it again."""
    load()
    citation = Citation.objects.order_by("key").first()
    key = citation.key
    citation.delete()  # as if removed by a load: mark the deletion as the loader's
    deletion = Citation.history.filter(key=key, history_type="-")
    deletion.update(history_change_reason="load_archive")
    load()
    assert Citation.objects.filter(key=key).exists()
