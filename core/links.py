"""Records' URLs, reversed once per worker rather than once per link.

A page lists dozens of records (the partners at a plenary, the countries its
texts name, the sources it cites), and Django's reverse() costs tens of
microseconds a call: milliseconds a page. A URL depends only on the view, its
arguments and the URL configuration in force (the resolver, which Django
replaces whenever its URL caches are cleared, and the script prefix), so it is
memoized on all of them.
"""

import functools

from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils.http import urlencode


@functools.lru_cache(maxsize=16384)
def _reverse(resolver, script_prefix, viewname, kwargs):
    return reverse(viewname, kwargs=dict(kwargs))


def cached_reverse(viewname, **kwargs):
    """reverse(viewname, kwargs=kwargs), worked out once for each configuration."""
    resolver = get_resolver(get_urlconf())
    return _reverse(resolver, get_script_prefix(), viewname, tuple(kwargs.items()))


def entry_url(list_viewname, slug):
    """A link to one entry of a paged list: ?entry= opens the list at the page
    holding it, and the fragment scrolls to it."""
    return f"{cached_reverse(list_viewname)}?{urlencode({'entry': slug})}#{slug}"
