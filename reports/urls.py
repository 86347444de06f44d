from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("report/", views.report_view, name="new"),
    path("report/corrections/", views.corrections_view, name="corrections"),
]
