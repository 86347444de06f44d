"""A read-only JSON API over the same lists, filters and rows as the HTML pages.

Each list endpoint is the site's own list view answered as JSON: the same
FilterSet, the same queryset, the same row as its `?format=json` export, but
paginated. A filter value that cannot be read is ignored and reported under
"ignored", as the pages do.
"""

from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_safe
from django.views.generic import View

from annex.views import AnnexRevisionListView
from core.exports import ExportMixin
from evidence.models import Citation, SourceDocument
from evidence.views import SourceListView
from members.models import Adherence, Country, Membership
from members.views import AdherenceListView, MembershipListView
from plenaries.models import Plenary
from plenaries.paragraphs import numbered
from plenaries.views import ChairmanshipListView, PlenaryListView
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
    """The JSON page of `items` the request asks for, with the filters `form` read.

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
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    read = getattr(form, "cleaned_data", {})
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
            "filters": {
                name: request.GET.getlist(name)
                if isinstance(value, list)
                else request.GET.get(name)
                for name, value in read.items()
                if value not in (None, "", [])
            },
            "ignored": {
                name: " ".join(messages) for name, messages in form.errors.items()
            },
            "results": list(rows(page.object_list)),
        }
    )


class ApiListMixin:
    """Answers a site list view's filtered export rows as paginated JSON."""

    def get(self, request, *args, **kwargs):
        filterset = self.get_export_filterset()
        return paginated(request, filterset.qs, filterset.form, self.export_rows)


@method_decorator(require_safe, name="dispatch")
class Timeline(View):
    """The home page's chronology: the same form, the same entries."""

    fields = (
        "kind", "date", "end_date", "precision", "dates", "title", "detail",
        "countries", "url",
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
            "title": entry.title,
            "detail": entry.detail,
            "countries": entry.countries,
            "url": self.request.build_absolute_uri(entry.url) if entry.url else "",
        }


class PlenaryList(ApiListMixin, PlenaryListView):
    pass


class MembershipList(ApiListMixin, MembershipListView):
    pass


class AdherenceList(ApiListMixin, AdherenceListView):
    pass


class ChairmanshipList(ApiListMixin, ChairmanshipListView):
    pass


class AnnexRevisionList(ApiListMixin, AnnexRevisionListView):
    pass


class SourceList(ApiListMixin, ExportMixin, SourceListView):
    export_fields = (
        "slug", "file_name", "title", "kind", "publisher", "published",
        "published_precision", "original_url", "plenary", "url",
    )  # fmt: skip

    def get_export_queryset(self):
        return self.get_queryset()

    def export_rows(self, sources):
        return (source_row(self.request, source) for source in sources)


def source_row(request, source):
    return {
        "slug": source.slug,
        "file_name": source.file_name,
        "title": source.title,
        "kind": source.kind,
        "publisher": source.publisher,
        "published": source.published,
        "published_precision": source.published_precision,
        "original_url": source.url,
        "plenary": source.plenary.slug if source.plenary else None,
        "url": request.build_absolute_uri(source.get_absolute_url()),
    }


def get_or_error(queryset, **lookup):
    """The one record, or None: detail endpoints answer a 404 in JSON."""
    return queryset.filter(**lookup).first()


def citation_row(citation):
    return {
        "source": citation.source.slug,
        "source_title": citation.source.title,
        "passage": citation.passage,
        "field": citation.field,
        "claim": citation.claim,
        "is_followed": citation.is_followed,
    }


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
        url = request.build_absolute_uri(plenary.get_absolute_url())
        # The row of the list's export, read as the export reads it.
        (row,) = PlenaryListView(request=request).export_rows(
            Plenary.objects.for_export().filter(pk=plenary.pk)
        )
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
        # The rows of the partner and adherent lists' exports.
        partnership = list(
            MembershipListView(request=request).export_rows(
                Membership.objects.for_export().filter(country=country)
            )
        )
        adherences = list(
            AdherenceListView(request=request).export_rows(
                Adherence.objects.for_export().filter(country=country)
            )
        )
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
                "url": request.build_absolute_uri(country.get_absolute_url()),
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
        row = source_row(request, source)
        row.update(
            text=source.text,
            citations=[citation_row(c) for c in source.citations.all()],
        )
        return api_response(row)


def _list_endpoints():
    """(API URL name, page URL name, example query, filter form, result fields)."""
    lists = [
        ("api:plenaries", "plenaries:list", "year_from=2010&year_to=2016", PlenaryList),
        ("api:members", "members:list", "on=2016-10-21", MembershipList),
        ("api:adherents", "members:adherents", "kind=formal", AdherenceList),
        ("api:chairs", "plenaries:chairs", "country=argentina", ChairmanshipList),
        ("api:annex", "annex:list", "year_from=2010", AnnexRevisionList),
        ("api:sources", "evidence:list", "kind=statement", SourceList),
    ]
    return [
        (
            "api:timeline",
            "timeline:home",
            "kind=partner&kind=adherence&year_from=2000",
            TimelineFilterForm(),
            Timeline.fields,
        )
    ] + [
        (api, page, example, view.filterset_class().form, view.export_fields)
        for api, page, example, view in lists
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
