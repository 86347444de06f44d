from django.urls import path

from . import views

app_name = "annex"

urlpatterns = [
    path("annex/", views.AnnexRevisionListView.as_view(), name="list"),
]
