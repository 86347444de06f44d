"""What every page's base template needs."""

from django.conf import settings


def site(request):
    return {
        "site_name": "MTCR Plenary Archive",
        "canonical_url": request.build_absolute_uri(request.path),
        "debug": settings.DEBUG,
    }
