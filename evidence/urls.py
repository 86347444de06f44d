from django.urls import path

from . import views

app_name = "evidence"

urlpatterns = [
    path("sources/", views.SourceListView.as_view(), name="list"),
    path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="detail"),
]
