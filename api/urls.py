from django.urls import path

from . import data, release_views, views

app_name = "api"

urlpatterns = [
    path("api/", views.docs, name="docs"),
    path("api/timeline/", views.Timeline.as_view(), name="timeline"),
    path("api/plenaries/", views.list_endpoint("plenaries"), name="plenaries"),
    path("api/plenaries/<slug:slug>/", views.PlenaryDetail.as_view(), name="plenary"),
    path("api/members/", views.list_endpoint("members"), name="members"),
    path("api/members/<slug:slug>/", views.CountryDetail.as_view(), name="country"),
    path("api/adherents/", views.list_endpoint("adherents"), name="adherents"),
    path("api/chairs/", views.list_endpoint("chairs"), name="chairs"),
    path("api/annex/", views.list_endpoint("annex"), name="annex"),
    path("api/sources/", views.list_endpoint("sources"), name="sources"),
    path("api/sources/<slug:slug>/", views.SourceDetail.as_view(), name="source"),
    path("data/", data.data_index, name="data"),
    path("data/archive.zip", data.archive_zip, name="archive-zip"),
    path("data/<slug:table>.csv", data.table_csv, name="table-csv"),
    path("data/releases/", release_views.release_list, name="releases"),
    path(
        "data/releases/<str:version>/",
        release_views.release_detail,
        name="release",
    ),
    path(
        "data/releases/<str:version>/<path:name>",
        release_views.release_file,
        name="release-file",
    ),
]
