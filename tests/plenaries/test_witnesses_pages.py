"""The plenary pages on the real archive: every plenary the witnesses know, the
gaps between them, and where the witnesses disagree."""

import pytest
from django.urls import reverse

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("no_page_cache", "real_archive"),
]

LIST = reverse("plenaries:list")


def list_text(client):
    pages = []
    for page in (1, 2):
        response = client.get(LIST, {"page": page})
        assert response.status_code == 200
        pages.append(response.content.decode())
    return "".join(pages)


def test_the_list_shows_every_plenary_and_the_gaps(client):
    """Rome 1988 as a year, the 2nd-4th as no record, 2010, 2018 and 2020 as
    years without a plenary, with the announcements that said otherwise."""
    text = list_text(client)
    assert "1st plenary, Rome 1988" in text
    assert "2nd–4th plenaries: no record" in text
    for year in (2010, 2018, 2020):
        assert f"No plenary in {year}" in text
    assert "No plenary in 2009" not in text
    assert "No plenary in 1990" not in text  # within the unrecorded meetings
    assert "Announced for 2018" in text and "Announced for 2020" in text
    assert text.index("No plenary in 2018") < text.index("32nd plenary, Auckland")


def test_a_filtered_list_shows_no_gaps(client):
    response = client.get(LIST, {"country": "new-zealand"})
    assert response.status_code == 200
    assert "No plenary in" not in response.content.decode()


@pytest.mark.parametrize(
    ("slug", "followed", "not_followed"),
    [
        ("1999-noordwijk", "11–15 October 1999", "1999-10-01/1999-10-15"),
        ("1996-edinburgh", "8–10 October 1996", "1996-10-07/1996-10-11"),
        ("2005-madrid", "12–16 September 2005", "2005-09-14/2005-09-16"),
        ("2007-athens", "5–9 November 2007", "2007-11-07/2007-11-09"),
    ],
)
def test_a_plenary_follows_its_better_witness_and_shows_the_other(
    client, slug, followed, not_followed
):
    response = client.get(reverse("plenaries:detail", kwargs={"slug": slug}))
    text = response.content.decode()
    assert followed in text
    fields = dict(response.context["disagreements"])
    claims = {claim.text: claim.is_followed for claim in fields["dates"]}
    assert claims[not_followed] is False
    assert True in claims.values()


def test_a_year_only_plenary_stays_a_year(client):
    response = client.get(reverse("plenaries:detail", kwargs={"slug": "1988-rome"}))
    assert response.status_code == 200
    assert response.context["plenary"].dates_display == "1988"
