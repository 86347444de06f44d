"""The site's URLs: each app owns its own, the admin sits under /admin/."""

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from .sitemaps import sitemaps

admin.site.site_header = "MTCR Plenary Archive: staff"
admin.site.site_title = "MTCR Archive staff"
admin.site.index_title = "The record"

# The research tools come before the plenaries: /plenaries/compare/ is theirs,
# not a slug.
urlpatterns = [
    path("", include("timeline.urls")),
    path("", include("research.urls")),
    path("", include("api.urls")),
    path("", include("plenaries.urls")),
    path("", include("members.urls")),
    path("", include("annex.urls")),
    path("", include("evidence.urls")),
    path("", include("changes.urls")),
    path("search/", include("search.urls")),
    path("", include("reports.urls")),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("admin/", admin.site.urls),
]
