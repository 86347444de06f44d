"""The site's URLs: each app owns its own, the admin sits under /admin/."""

from django.apps import apps
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from plenaries.sitemaps import sitemaps

from .timeline import TimelineView

admin.site.site_header = "MTCR Plenary Archive: staff"
admin.site.site_title = "MTCR Archive staff"
admin.site.index_title = "The record"

urlpatterns = [
    path("", TimelineView.as_view(), name="timeline"),
    path("", include("plenaries.urls")),
    path("", include("members.urls")),
    path("", include("annex.urls")),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("admin/", admin.site.urls),
]

# The search app is written alongside these pages; its URLs join once it is installed.
if apps.is_installed("search"):
    urlpatterns.append(path("search/", include("search.urls")))
