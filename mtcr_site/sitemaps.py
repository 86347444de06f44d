"""The sitemap: every page a researcher may cite."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as BaseSitemap
from django.urls import reverse

from evidence.models import SourceDocument
from members.models import Country
from plenaries.models import Plenary


class Sitemap(BaseSitemap):
    """Locations on the site's configured address, not the request's Host."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class PageSitemap(Sitemap):
    def items(self):
        return [
            "timeline:home", "plenaries:list", "plenaries:chairs", "evidence:list",
            "members:list", "members:adherents", "annex:list",
        ]  # fmt: skip

    def location(self, name):
        return reverse(name)


class PlenarySitemap(Sitemap):
    def items(self):
        return Plenary.objects.order_by("start_date")


class CountrySitemap(Sitemap):
    def items(self):
        return Country.objects.order_by("slug")


class SourceSitemap(Sitemap):
    def items(self):
        return SourceDocument.objects.defer("text").order_by("slug")


sitemaps = {
    "pages": PageSitemap,
    "plenaries": PlenarySitemap,
    "countries": CountrySitemap,
    "sources": SourceSitemap,
}
