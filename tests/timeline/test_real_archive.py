"""The home page's chronology and chart on the real archive."""

import pytest
from django.db.models import F
from django.urls import reverse

from annex.models import AnnexRevision
from core.functions import MonthOf, YearOf
from members.models import Adherence, Membership
from plenaries.models import Chairmanship, Plenary
from timeline.chronology import Chronology
from timeline.kinds import Kind

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

HOME = reverse("timeline:home")


@pytest.mark.usefixtures("real_archive")
def test_the_real_timeline_opens_with_the_founding_partners_and_holds_every_plenary(
    client,
):
    response = client.get(HOME)
    entries = Chronology()[:]
    first_year, first_entries = response.context["years"][0]
    assert first_year == 1987
    assert {e.title for e in first_entries} == {
        f"{m.country.name}: founding partner"
        for m in Membership.objects.filter(founding=True)
    }
    plenaries = {e.anchor for e in entries if e.kind == Kind.PLENARY}
    assert plenaries == {
        f"plenary-{slug}" for slug in Plenary.objects.values_list("slug", flat=True)
    }
    html = response.content.decode()
    assert "October 1994" in html and "1 October 1994" not in html


@pytest.mark.usefixtures("real_archive")
def test_entries_name_and_link_their_records_as_the_records_do():
    """Entries are built from value rows, not model instances: each plenary entry
    still bears the plenary's own name, and every link is its record's URL."""
    records = {
        **{f"plenary-{p.slug}": p for p in Plenary.objects.select_related("country")},
        **{f"chair-{t.slug}": t for t in Chairmanship.objects.all()},
        **{f"partner-{m.country.slug}": m for m in Membership.objects.with_country()},
        **{
            f"adherence-{a.country.slug}-{a.kind}": a
            for a in Adherence.objects.with_country()
        },
        **{f"annex-{r.slug}": r for r in AnnexRevision.objects.all()},
    }
    entries = [entry for entry in Chronology()[:] if entry.kind != Kind.EVENT]
    assert {entry.kind for entry in entries} == {
        Kind.PLENARY, Kind.CHAIR, Kind.PARTNER, Kind.ADHERENCE, Kind.ANNEX
    }  # fmt: skip
    for entry in entries:
        record = records[entry.anchor]
        assert entry.url == record.get_absolute_url(), entry.anchor
        if entry.kind == Kind.PLENARY:
            assert entry.title == str(record)


@pytest.mark.usefixtures("real_archive")
def test_month_and_year_numbers_are_those_of_every_real_date():
    """The database's own grouping (SQL on SQLite and on PostgreSQL) agrees with
    Python on every date of the archive, months of one digit and of two."""
    rows = list(
        Membership.objects.filter(since_latest__isnull=False)
        .annotate(month=MonthOf("since_latest"), year=YearOf("since_latest"))
        .values_list("since_latest", "month", "year")
    ) + list(
        Plenary.objects.filter(end_date__isnull=False)
        .annotate(month=MonthOf("end_date"), year=YearOf("end_date"))
        .values_list("end_date", "month", "year")
    )
    assert len(rows) > 50
    months = {day.month for day, _, _ in rows}
    assert min(months) < 10 <= max(months)
    for day, month, year in rows:
        assert (month, year) == (day.year * 100 + day.month, day.year), day


@pytest.mark.usefixtures("real_archive")
def test_the_real_overview_chart_rises_to_the_number_of_partners(client):
    html = client.get(HOME).content.decode()
    # Every partnership of the real archive has begun by a known day (35 by the
    # end); some only between two days, which the band shows.
    assert Membership.objects.filter(since_latest__isnull=True).count() == 0
    assert f"rising to {Membership.objects.count()}." in html
    uncertain = Membership.objects.exclude(since_earliest=F("since_latest"))
    assert uncertain.exists()
    assert 'class="partners-possible"' in html
    # A dot per year with plenaries; the real archive has one plenary a year.
    years = {day.year for day in Plenary.objects.values_list("start_date", flat=True)}
    assert html.count('<circle class="plenary"') == len(years)
    assert f"{Plenary.objects.count()} plenaries from " in html
