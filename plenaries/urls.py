from django.urls import path

from . import views
from .feeds import PlenaryFeed

app_name = "plenaries"

urlpatterns = [
    path("plenaries/", views.PlenaryListView.as_view(), name="list"),
    path("plenaries/feed/", PlenaryFeed(), name="feed"),
    path("plenaries/<slug:slug>/", views.PlenaryDetailView.as_view(), name="detail"),
    path("chairs/", views.ChairmanshipListView.as_view(), name="chairs"),
]
