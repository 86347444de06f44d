from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("members/", views.MembershipListView.as_view(), name="list"),
    path("members/<slug:slug>/", views.CountryDetailView.as_view(), name="detail"),
    path("adherents/", views.AdherenceListView.as_view(), name="adherents"),
]
