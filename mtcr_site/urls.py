"""The site's URLs: each app owns its own, the admin sits under /admin/."""

from django.contrib import admin
from django.urls import path
from django.views.generic import TemplateView

admin.site.site_header = "MTCR Plenary Archive: staff"
admin.site.site_title = "MTCR Archive staff"
admin.site.index_title = "The record"

urlpatterns = [
    path("", TemplateView.as_view(template_name="home.html"), name="timeline"),
    path("admin/", admin.site.urls),
]
