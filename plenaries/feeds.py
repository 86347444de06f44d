"""The Atom feed of plenaries, newest first."""

from datetime import UTC, datetime, time

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, strip_tags

from core.addresses import absolute_url
from core.templatetags.markdown import render_markdown

from .models import Plenary


class PlenaryFeed(Feed):
    feed_type = Atom1Feed
    title = "MTCR Plenary Archive: plenaries"
    subtitle = "The plenary meetings of the Missile Technology Control Regime."

    # Links on the site's own address, not the Host of the request (a cached
    # feed is served to everyone).
    def link(self):
        return absolute_url(reverse("plenaries:list"))

    def feed_url(self):
        return absolute_url(reverse("plenaries:feed"))

    def item_link(self, plenary):
        return absolute_url(plenary.get_absolute_url())

    def items(self):
        return Plenary.objects.with_place().order_by("-start_date")[:50]

    def item_title(self, plenary):
        return str(plenary)

    def item_description(self, plenary):
        """When and where, then the summary's text, as HTML (the feed declares its
        summaries HTML): the names are escaped, and the summary, sanitized and
        rid of its tags, is already escaped text."""
        where = escape(f"{plenary.dates_display}, {plenary.place_display}.")
        summary = strip_tags(render_markdown(plenary.summary)).strip()
        return " ".join(filter(None, [where, summary]))

    def item_pubdate(self, plenary):
        return datetime.combine(plenary.last_known_day, time(), tzinfo=UTC)

    def item_updateddate(self, plenary):
        return self.item_pubdate(plenary)
