"""generate_synthetic: N times the real archive, in a database of its own."""

import datetime
import json
import re

import pytest
from django.conf import settings as django_settings

from annex.models import AnnexRevision
from benchmarks.synthetic import SyntheticError, clone_archive, generate
from evidence.models import Citation, SourceDocument
from plenaries.models import Chairmanship, ChairPerson, Event, Plenary
from search.models import SearchEntry

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

MULTIPLIED = [Plenary, SourceDocument, Chairmanship, ChairPerson, Event, AnnexRevision]


def paragraphs(text):
    return sorted(part.strip() for part in re.split(r"\n\s*\n", text))


def counts():
    return {model: model.objects.count() for model in MULTIPLIED}


def test_ten_times_the_archive_has_ten_times_its_records(small_archive):
    before = counts()
    citations = Citation.objects.filter(
        membership__isnull=True, adherence__isnull=True
    ).count()
    clone_archive(9)
    assert counts() == {model: 10 * count for model, count in before.items()}
    assert (
        Citation.objects.filter(membership__isnull=True, adherence__isnull=True).count()
        == 10 * citations
    )


def test_copies_keep_the_shape_of_the_real_records(small_archive):
    clone_archive(3)
    busan = Plenary.objects.get(slug="2016-busan")
    copy = Plenary.objects.get(slug="2016-busan-x2")
    assert copy.number == busan.number + 200
    assert copy.end_date - copy.start_date == busan.end_date - busan.start_date
    assert abs((copy.start_date - busan.start_date).days) <= 180
    assert copy.country == busan.country
    assert sorted(copy.statement.split("\n\n")) == sorted(busan.statement.split("\n\n"))
    for name in ("resolutions", "countries_of_concern", "countries_named"):
        assert set(getattr(copy, name).all()) == set(getattr(busan, name).all())
    overview = SourceDocument.objects.get(slug="nti-mtcr-overview")
    overview_copy = SourceDocument.objects.get(slug="nti-mtcr-overview-x2")
    assert paragraphs(overview_copy.text) == paragraphs(overview.text)
    assert overview_copy.text != overview.text
    assert "synthetic" in overview_copy.title
    term = Chairmanship.objects.get(slug="2015-netherlands-luxembourg-x2")
    assert term.end_plenary == copy
    assert {p.person.name for p in term.people.all()} == {
        "Piet de Klerk",
        "Jean-Louis Wolzfeld",
    }
    copies = Citation.objects.filter(key__endswith="#x2")
    assert copies
    for citation in copies:
        original = Citation.objects.get(key=citation.key.removesuffix("#x2"))
        assert citation.source.slug == f"{original.source.slug}-x2"
        assert citation.record.slug == f"{original.record.slug}-x2"
        assert (citation.passage, citation.claim) == (original.passage, original.claim)


def test_more_copies_are_copies_of_the_real_archive(small_archive):
    real = counts()
    clone_archive(2)
    clone_archive(2)
    assert counts() == {model: 5 * count for model, count in real.items()}
    assert Plenary.objects.filter(slug="2016-busan-x4").exists()
    assert not Plenary.objects.filter(slug__contains="-x1-x").exists()


def test_dates_stay_valid(small_archive):
    clone_archive(20)
    for plenary in Plenary.objects.all():
        assert plenary.start_date <= plenary.end_date
        assert plenary.start_date > datetime.date(1980, 1, 1)


def test_refuses_the_projects_own_database(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(SyntheticError, match="DATABASE_URL is not set"):
        generate(scale=2)


def test_refuses_to_flush_the_real_archive(small_archive, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/elsewhere.sqlite3")
    with pytest.raises(SyntheticError, match="already holds an archive"):
        generate(scale=2)
    with pytest.raises(SyntheticError, match="will not flush it"):
        generate(scale=2, flush=True)
    assert Plenary.objects.filter(slug="2016-busan").exists()


def test_refuses_a_scale_out_of_range(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/elsewhere.sqlite3")
    for scale in (0, 301):
        with pytest.raises(SyntheticError, match="--scale must be between"):
            generate(scale=scale)


@pytest.mark.django_db(transaction=True)
def test_a_synthetic_database_is_replaced_with_flush(small_archive, monkeypatch):
    """The real archive from fixtures/, and one copy of it, instead of what was.

    Outside a test transaction: PostgreSQL will not TRUNCATE inside one."""
    fixture = django_settings.FIXTURES_DIR / "plenaries.json"
    if not fixture.exists():
        pytest.skip("fixtures/ is empty: the archive has not been built yet")
    real_plenaries = len(json.loads(fixture.read_text()))
    clone_archive(1)
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/elsewhere.sqlite3")
    generate(scale=2, flush=True)
    assert Plenary.objects.count() == 2 * real_plenaries
    assert Plenary.objects.filter(slug="2014-oslo-x1").exists()
    assert SearchEntry.objects.filter(key="2014-oslo-x1").exists()
