"""The Atom feed of plenaries, newest first."""

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

LIST = reverse("plenaries:list")


def test_feed_is_atom_with_the_newest_plenary_first(client, small_archive):
    response = client.get(reverse("plenaries:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert body.index("30th plenary, Busan 2016") < body.index("Interlaken")
    assert (
        "17–21 October 2016, Busan, Korea. India joined the regime that year." in body
    )
