"""The chair list and the timeline find a term by its people's names, and a
person's link lists the terms that person served."""

import pytest

from plenaries.models import Person
from tests.factories import ChairPersonFactory

pytestmark = pytest.mark.django_db


def test_the_chair_list_and_timeline_search_by_a_persons_name(client, small_archive):
    person = ChairPersonFactory(name="Kari Eksempel").person
    for address in ("/chairs/?q=Eksempel", "/?q=Eksempel"):
        response = client.get(address)
        assert response.status_code == 200, address
        assert "Kari Eksempel" in response.content.decode(), address
    missing = client.get("/chairs/?q=Nobody+Such")
    assert missing.status_code == 200
    assert "Kari Eksempel" not in missing.content.decode()
    assert Person.objects.get(pk=person.pk).name == "Kari Eksempel"


def test_a_persons_link_lists_only_the_terms_they_served(client, small_archive):
    served = ChairPersonFactory(name="Kari Eksempel")
    other = ChairPersonFactory(name="Jan Voorbeeld")
    response = client.get(served.person.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kari Eksempel" in page
    assert "Jan Voorbeeld" not in page
    assert other.chairmanship != served.chairmanship
    assert f'id="{served.chairmanship.slug}"' in page
    assert f'id="{other.chairmanship.slug}"' not in page
