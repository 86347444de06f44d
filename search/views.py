"""/search/: passages of the archive matching the query, ranked, with their links."""

from dataclasses import dataclass

from django.views.generic import ListView

from . import index
from .forms import SearchForm
from .models import SearchEntry
from .query import parse, snippet, text_fragment

MAX_PAGE = 100_000
KIND_PLURALS = {
    SearchEntry.Kind.PLENARY: "plenaries",
    SearchEntry.Kind.EVENT: "events",
    SearchEntry.Kind.SOURCE: "source documents",
    SearchEntry.Kind.ANNEX: "annex revisions",
}


@dataclass
class Hit:
    """A search result: the record, the passage found, and a link to it."""

    entry: SearchEntry
    snippet: str
    url: str


def hit(entry, terms):
    """The passage's link: its anchor on the page where it has one (#p-3), and a
    text fragment (#:~:text=) that browsers which know them scroll to."""
    url = entry.url
    if entry.field != "title":
        if "#" not in url:
            url += "#" + entry.anchor
        url += text_fragment(entry.text)
    return Hit(entry=entry, snippet=snippet(entry.text, terms), url=url)


class SearchView(ListView):
    template_name = "search/results.html"
    paginate_by = 20
    context_object_name = "entries"

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET)
        self.query, self.kind = self.form.search_arguments()
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not self.query:
            return SearchEntry.objects.none()
        index.ensure_current()
        entries = SearchEntry.objects.all()
        if self.kind:
            entries = entries.filter(kind=self.kind)
        return entries.search(self.query).expect(
            (self.requested_page() - 1) * self.paginate_by, self.paginate_by
        )

    def requested_page(self):
        """The page number asked for, as the paginator will read it (or near it)."""
        try:
            return min(max(int(self.request.GET.get(self.page_kwarg, 1)), 1), MAX_PAGE)
        except ValueError:
            return 1

    def paginate_queryset(self, queryset, page_size):
        """A page number out of range or not a number shows the nearest page."""
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terms = parse(self.query)
        context.update(
            form=self.form,
            query=self.query,
            kind=self.kind,
            kind_plural=KIND_PLURALS.get(self.kind, ""),
            hits=[hit(entry, terms) for entry in context["object_list"]],
        )
        return context
