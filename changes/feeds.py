"""The Atom feed of the change log, newest first."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from core.addresses import absolute_url

from .models import Change


class ChangeFeed(Feed):
    feed_type = Atom1Feed
    title = "MTCR Plenary Archive: changes"
    subtitle = "Every published change to the archive's record, and why it was made."
    # The entry's text, rendered with autoescaping: the summary the feed declares
    # HTML is escaped text.
    description_template = "changes/feed_entry.html"

    # Links on the site's own address, not the Host of the request (a cached
    # feed is served to everyone).
    def link(self):
        return absolute_url(reverse("changes:list"))

    def feed_url(self):
        return absolute_url(reverse("changes:feed"))

    def items(self):
        return Change.objects.with_reports()[:50]

    def item_title(self, change):
        return str(change)

    def item_link(self, change):
        return absolute_url(change.get_absolute_url())

    def item_pubdate(self, change):
        return change.made_at

    def item_updateddate(self, change):
        return change.made_at
