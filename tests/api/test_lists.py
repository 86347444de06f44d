"""The API's lists are built from each list's rows and FilterSet, as its page's
export is, and not from the HTML views."""

import pytest

from annex.views import AnnexRevisionListView
from api import views
from evidence.views import SourceListView
from members.views import AdherenceListView, MembershipListView
from plenaries.views import ChairmanshipListView, PlenaryListView

PAGES = {
    "plenaries": PlenaryListView,
    "members": MembershipListView,
    "adherents": AdherenceListView,
    "chairs": ChairmanshipListView,
    "annex": AnnexRevisionListView,
}


@pytest.mark.parametrize("name", PAGES)
def test_an_endpoint_answers_the_rows_and_filters_of_its_page_export(name):
    endpoint, page = views.LISTS[name], PAGES[name]
    assert endpoint.rows is page.export_rows
    assert endpoint.filterset_class is page.filterset_class


def test_the_source_endpoint_filters_as_the_source_page():
    assert views.LISTS["sources"].filterset_class is SourceListView.filterset_class


@pytest.mark.parametrize("name", views.LISTS)
def test_no_endpoint_is_an_html_view(name):
    view = views.list_endpoint(name)
    assert view.view_class is views.ListEndpoint
    assert not any("FilterView" in cls.__name__ for cls in view.view_class.__mro__)
