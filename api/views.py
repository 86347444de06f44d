"""A read-only JSON API over the same lists, filters and rows as the HTML pages.

Each list endpoint answers its list's rows (`<app>/rows.py`, the rows of the
page's `?format=json` export) filtered by the page's own FilterSet, a page at a
time. A filter value that cannot be read is ignored and reported under
"ignored", as the pages do.
"""

from typing import NamedTuple

from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_safe
from django.views.generic import View

from annex.filters import AnnexRevisionFilter
from annex.rows import REVISION_ROWS
from core.addresses import absolute_url
from core.exports import Rows
from evidence.filters import SourceFilter
from evidence.models import Citation, SourceDocument
from evidence.rows import SOURCE_ROWS, citation_row, source_row
from members.filters import AdherenceFilter, MembershipFilter
from members.models import Country
from members.rows import ADHERENT_ROWS, PARTNER_ROWS
from plenaries.filters import ChairmanshipFilter, PlenaryFilter
from plenaries.models import Plenary
from plenaries.paragraphs import numbered
from plenaries.rows import CHAIR_ROWS, PLENARY_ROWS
from timeline.chronology import Chronology
from timeline.views import TimelineFilterForm

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


def api_response(data, status=200):
    response = JsonResponse(
        data,
        status=status,
        encoder=DjangoJSONEncoder,
        safe=not isinstance(data, list),
        json_dumps_params={"indent": 1, "ensure_ascii": False},
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def api_error(message, status):
    return api_response({"error": message, "status": status}, status=status)


def _positive_int(value, default):
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def paginated(request, items, form, rows):
    """The JSON page of `items` the request asks for, with the filters `form` read:
    every list endpoint's answer, or its 400 or 404.

    `rows(page)` gives the results of a page of items; `items` may be a queryset
    or a list.
    """
    number = _positive_int(request.GET.get("page"), 1)
    size = _positive_int(request.GET.get("page_size"), PAGE_SIZE)
    if number is None or size is None:
        return api_error("page and page_size must be positive whole numbers.", 400)
    size = min(size, MAX_PAGE_SIZE)
    paginator = Paginator(items, size)
    if number > paginator.num_pages:
        return api_error(
            f"There are {paginator.num_pages} pages of {size}; "
            f"page {number} does not exist.",
            404,
        )
    page = paginator.page(number)

    def page_url(other):
        query = request.GET.copy()
        query["page"] = other
        return absolute_url(f"{request.path}?{query.urlencode()}")

    return api_response(
        {
            "count": paginator.count,
            "page": number,
            "pages": paginator.num_pages,
            "page_size": size,
            "next": page_url(page.next_page_number()) if page.has_next() else None,
            "previous": page_url(page.previous_page_number())
            if page.has_previous()
            else None,
            "filters": filters_read(request, form),
            "ignored": {
                name: " ".join(messages) for name, messages in form.errors.items()
            },
            "results": list(rows(page.object_list)),
        }
    )


def filters_read(request, form):
    """The filter values the form could read, as the request gave them."""
    return {
        name: request.GET.getlist(name)
        if isinstance(value, list)
        else request.GET.get(name)
        for name, value in getattr(form, "cleaned_data", {}).items()
        if value not in (None, "", [])
    }


class ListEndpoint(View):
    """A list's rows, filtered by its page's FilterSet, a page at a time."""

    filterset_class = None
    rows = None  # the list's Rows

    def get(self, request):
        filterset = self.rows.filtered(self.filterset_class, request)
        return paginated(
            request,
            filterset.qs,
            filterset.form,
            lambda page: self.rows(page, absolute_url),
        )


class ApiList(NamedTuple):
    page: str  # the list's page, by URL name
    example: str  # a query the docs link to
    filterset_class: type
    rows: Rows


# The list endpoints, by URL name.
LISTS = {
    "plenaries": ApiList(
        "plenaries:list", "year_from=2010&year_to=2016", PlenaryFilter, PLENARY_ROWS
    ),
    "members": ApiList("members:list", "on=2016-10-21", MembershipFilter, PARTNER_ROWS),
    "adherents": ApiList(
        "members:adherents", "kind=formal", AdherenceFilter, ADHERENT_ROWS
    ),
    "chairs": ApiList(
        "plenaries:chairs", "country=argentina", ChairmanshipFilter, CHAIR_ROWS
    ),
    "annex": ApiList(
        "annex:list", "year_from=2010", AnnexRevisionFilter, REVISION_ROWS
    ),
    "sources": ApiList("evidence:list", "kind=statement", SourceFilter, SOURCE_ROWS),
}


def list_endpoint(name):
    """The view of the list endpoint `api:<name>`."""
    endpoint = LISTS[name]
    return ListEndpoint.as_view(
        filterset_class=endpoint.filterset_class, rows=endpoint.rows
    )


@method_decorator(require_safe, name="dispatch")
class Timeline(View):
    """The home page's chronology: the same form, the same entries."""

    fields = (
        "kind", "date", "end_date", "precision", "dates", "dates_edtf", "title",
        "detail", "countries", "url",
    )  # fmt: skip

    def get(self, request):
        form = TimelineFilterForm(request.GET or None)
        entries = Chronology(form.filters())
        return paginated(request, entries, form, lambda page: map(self.row, page))

    def row(self, entry):
        return {
            "kind": entry.kind,
            "date": entry.date,
            "end_date": entry.end_date,
            "precision": entry.precision,
            "dates": entry.dates_display,
            "dates_edtf": entry.edtf,
            "title": entry.title,
            "detail": entry.detail,
            "countries": entry.countries,
            "url": absolute_url(entry.url) if entry.url else "",
        }


def get_or_error(queryset, **lookup):
    """The one record, or None: detail endpoints answer a 404 in JSON."""
    return queryset.filter(**lookup).first()


@method_decorator(require_safe, name="dispatch")
class PlenaryDetail(View):
    def get(self, request, slug):
        plenary = get_or_error(
            Plenary.objects.with_place().prefetch_related(
                "countries_of_concern",
                "regions_of_concern",
                "countries_named",
                "annex_revisions",
                Prefetch(
                    "citations",
                    queryset=Citation.objects.with_source_line().order_by(
                        "field", "pk"
                    ),
                ),
            ),
            slug=slug,
        )
        if plenary is None:
            return api_error("No plenary has this slug.", 404)
        url = absolute_url(plenary.get_absolute_url())
        # The plenary's row in the list, read as the list reads it.
        (row,) = PLENARY_ROWS.where(absolute_url, pk=plenary.pk)
        row.update(
            opened_by=plenary.opened_by,
            statement=plenary.statement,
            paragraphs=[
                {
                    "number": p.number,
                    "anchor": p.anchor,
                    "text": p.plain,
                    "url": f"{url}#{p.anchor}",
                }
                for p in numbered(plenary.statement)
            ],
            summary=plenary.summary,
            next_host=plenary.next_host.name if plenary.next_host else None,
            next_announcement=plenary.next_announcement,
            countries_of_concern=[c.name for c in plenary.countries_of_concern.all()],
            regions_of_concern=[r.name for r in plenary.regions_of_concern.all()],
            countries_named=[c.name for c in plenary.countries_named.all()],
            annex_revisions=[r.slug for r in plenary.annex_revisions.all()],
            citations=[citation_row(c) for c in plenary.citations.all()],
        )
        return api_response(row)


@method_decorator(require_safe, name="dispatch")
class CountryDetail(View):
    def get(self, request, slug):
        country = get_or_error(Country.objects.all(), slug=slug)
        if country is None:
            return api_error("No country has this slug.", 404)
        # The country's rows in the partner and adherent lists.
        partnership = PARTNER_ROWS.where(absolute_url, country=country)
        adherences = ADHERENT_ROWS.where(absolute_url, country=country)
        return api_response(
            {
                "name": country.name,
                "slug": country.slug,
                "iso_code": country.iso_code,
                "other_names": country.other_names,
                "partnership": partnership[0] if partnership else None,
                "adherences": adherences,
                # Slugs, read as such: a prefetch would read every plenary's
                # statement to list its slug.
                "plenaries_hosted": slugs(country.plenaries_hosted, "start_date"),
                "chairmanships": slugs(country.chairmanships),
                "plenaries_naming": slugs(country.plenaries_naming, "start_date"),
                "url": absolute_url(country.get_absolute_url()),
            }
        )


def slugs(records, *ordering):
    """The slugs of a relation's records, in `ordering` or the model's own."""
    if ordering:
        records = records.order_by(*ordering)
    return list(records.values_list("slug", flat=True))


@method_decorator(require_safe, name="dispatch")
class SourceDetail(View):
    def get(self, request, slug):
        source = get_or_error(
            SourceDocument.objects.select_related("plenary").prefetch_related(
                Prefetch("citations", queryset=Citation.objects.with_source_line())
            ),
            slug=slug,
        )
        if source is None:
            return api_error("No source has this slug.", 404)
        row = source_row(source, absolute_url)
        row.update(
            text=source.text,
            citations=[citation_row(c) for c in source.citations.all()],
        )
        return api_response(row)


def _list_endpoints():
    """(API URL name, page URL name, example query, filter form, result fields)."""
    return [
        (
            "api:timeline",
            "timeline:home",
            "kind=partner&kind=adherence&year_from=2000",
            TimelineFilterForm(),
            Timeline.fields,
        )
    ] + [
        (f"api:{name}", page, example, filterset_class().form, rows.fields)
        for name, (page, example, filterset_class, rows) in LISTS.items()
    ]


@require_safe
def docs(request):
    """The API's documentation, with a live example of every endpoint."""
    endpoints = [
        {
            "url": reverse(api_name),
            "page": reverse(page_name),
            "example": f"{reverse(api_name)}?{example}",
            "filters": [
                (name, field.label, field.help_text)
                for name, field in form.fields.items()
            ],
            "fields": fields,
        }
        for api_name, page_name, example, form, fields in _list_endpoints()
    ]
    first = Plenary.objects.exclude(statement="").order_by("-start_date").first()
    return render(
        request,
        "api/docs.html",
        {
            "endpoints": endpoints,
            "example_plenary": first,
            "page_size": PAGE_SIZE,
            "max_page_size": MAX_PAGE_SIZE,
        },
    )
