from django.urls import path

from . import views
from .feeds import ChangeFeed

app_name = "changes"

urlpatterns = [
    path("changes/", views.ChangeListView.as_view(), name="list"),
    path("changes/feed/", ChangeFeed(), name="feed"),
    path(
        "changes/<str:label>/<path:key>/",
        views.RecordChangesView.as_view(),
        name="record",
    ),
]
