"""The site's URLs: each app owns its own, the admin sits under /admin/."""

from django.apps import apps
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from plenaries.sitemaps import sitemaps

from .timeline.views import TimelineView

admin.site.site_header = "MTCR Plenary Archive: staff"
admin.site.site_title = "MTCR Archive staff"
admin.site.index_title = "The record"

# Apps written alongside these pages join once they are installed. The research
# tools come before the plenaries: /plenaries/compare/ is theirs, not a slug.
optional = [
    path("", include(f"{app}.urls"))
    for app in ("research", "api")
    if apps.is_installed(app)
]

urlpatterns = [
    path("", TimelineView.as_view(), name="timeline"),
    *optional,
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

if apps.is_installed("search"):
    urlpatterns.append(path("search/", include("search.urls")))
