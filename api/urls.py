from django.urls import path

from . import data, views

app_name = "api"

urlpatterns = [
    path("api/", views.docs, name="docs"),
    path("api/timeline/", views.Timeline.as_view(), name="timeline"),
    path("api/plenaries/", views.PlenaryList.as_view(), name="plenaries"),
    path("api/plenaries/<slug:slug>/", views.PlenaryDetail.as_view(), name="plenary"),
    path("api/members/", views.MembershipList.as_view(), name="members"),
    path("api/members/<slug:slug>/", views.CountryDetail.as_view(), name="country"),
    path("api/adherents/", views.AdherenceList.as_view(), name="adherents"),
    path("api/chairs/", views.ChairmanshipList.as_view(), name="chairs"),
    path("api/annex/", views.AnnexRevisionList.as_view(), name="annex"),
    path("api/sources/", views.SourceList.as_view(), name="sources"),
    path("api/sources/<slug:slug>/", views.SourceDetail.as_view(), name="source"),
    path("data/", data.data_index, name="data"),
    path("data/archive.zip", data.archive_zip, name="archive-zip"),
    path("data/<slug:table>.csv", data.table_csv, name="table-csv"),
]
