"""The site's URLs plus the research tools and the API, until the root includes them."""

from django.urls import include, path

from mtcr_site.urls import urlpatterns as site_urlpatterns


def _included(namespace):
    return any(getattr(p, "namespace", None) == namespace for p in site_urlpatterns)


urlpatterns = [
    *[
        path("", include(f"{app}.urls"))
        for app in ("research", "api")
        if not _included(app)
    ],
    *site_urlpatterns,
]
