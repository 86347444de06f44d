"""Research tools: compare statements, follow a phrase, the regime on a day, cite."""

import datetime
import re

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from core.addresses import absolute_url
from core.metadata import with_links
from evidence.models import SourceDocument
from plenaries.models import Plenary
from plenaries.paragraphs import numbered, paragraph
from search import index as search_index

from . import references
from .charts import year_strip_svg
from .compare import compare, summary
from .forms import DayForm, PhraseForm
from .metadata import reference_metadata, regime_on_metadata
from .regime_on import changes_between, regime_on
from .trends import first_uses, trend

DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@require_safe
def compare_view(request):
    """Two statements side by side; `b` alone compares with the statement before."""
    # Every statement's plenary for the choices; the two compared statements' texts
    # are read on their own below.
    with_statement = list(
        Plenary.objects.for_links().exclude(statement="").order_by("start_date")
    )
    by_slug = {plenary.slug: plenary for plenary in with_statement}
    a_slug, b_slug = request.GET.get("a", ""), request.GET.get("b", "")
    old, new = by_slug.get(a_slug), by_slug.get(b_slug)
    if (a_slug and old is None) or (b_slug and new is None):
        raise Http404("No plenary with a public statement has this address.")
    if new and not old:
        position = with_statement.index(new)
        old = with_statement[position - 1] if position else None
    elif old and not new:
        position = with_statement.index(old)
        if position + 1 < len(with_statement):
            new = with_statement[position + 1]
    rows = []
    if old and new:
        texts = dict(
            Plenary.objects.filter(pk__in=[old.pk, new.pk]).values_list(
                "pk", "statement"
            )
        )
        rows = compare(numbered(texts[old.pk]), numbered(texts[new.pk]))
    return render(
        request,
        "research/compare.html",
        {
            "choices": with_statement,
            "old": old,
            "new": new,
            "rows": rows,
            "counts": summary(rows),
            "alone": new or old,
            "selected_a": old
            or (with_statement[-2] if len(with_statement) > 1 else None),
            "selected_b": new or (with_statement[-1] if with_statement else None),
        },
    )


@require_safe
def trends_view(request):
    """A phrase through the plenaries' texts; without one, the notable terms."""
    form = PhraseForm(request.GET)
    form.is_valid()
    phrase = form.cleaned_data.get("q", "") if not form.errors else ""
    context = {"form": form, "phrase": phrase}
    if phrase:
        search_index.ensure_current()
        result = trend(phrase)
        context.update(
            trend=result,
            strip=year_strip_svg(
                phrase,
                result.by_year,
                result.archive.first_year,
                result.archive.last_year,
                link=lambda year: f"#year-{year}",
            ),
        )
    elif not form.errors:
        search_index.ensure_current()
        context.update(first_uses())
    return render(
        request, "research/trends.html", context, status=400 if form.errors else 200
    )


@require_safe
def on_form_view(request):
    """Pick a day (and optionally a second to compare with): redirects to its page."""
    if not request.GET:
        form = DayForm(initial={"date": timezone.localdate()})
        return render(request, "research/on_form.html", {"form": form})
    form = DayForm(request.GET)
    if not form.is_valid():
        return render(request, "research/on_form.html", {"form": form}, status=400)
    url = reverse("research:on-date", kwargs={"day": form.cleaned_data["date"]})
    if form.cleaned_data.get("compare"):
        url += f"?compare={form.cleaned_data['compare'].isoformat()}"
    return redirect(url)


def parse_day(text):
    """A YYYY-MM-DD string as a date, or None if it is not a real day."""
    if not DAY.fullmatch(text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


@require_safe
def on_date_view(request, day):
    """Who was in the regime on a day, who chaired it, what was in force."""
    other = parse_day(request.GET.get("compare", ""))
    bad_compare = bool(request.GET.get("compare")) and other is None
    context = {
        "day": day,
        "form": DayForm(initial={"date": day, "compare": other}),
        "bad_compare": bad_compare,
        "metadata": regime_on_metadata(day),
    }
    if other and other != day:
        changes = changes_between(day, other)
        regime = changes.earlier if changes.earlier.day == day else changes.later
        context.update(changes=changes, regime=regime, other=other)
    else:
        context["regime"] = regime_on(day)
    response = render(request, "research/on_date.html", context)
    return with_links(response, context["metadata"])


def _reference_response(request, reference, file_format, context):
    if file_format:
        content_type, extension = references.FORMATS[file_format]
        response = HttpResponse(
            references.render(reference, file_format), content_type=content_type
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{reference.key}.{extension}"'
        )
        return response
    response = render(
        request,
        "research/cite.html",
        {"reference": reference, "chicago": references.chicago(reference), **context},
    )
    return with_links(response, context["metadata"])


@require_safe
@cache_control(private=True)
def cite_plenary(request, slug, file_format=None):
    plenary = get_object_or_404(Plenary.objects.with_place(), slug=slug)
    url = absolute_url(plenary.get_absolute_url())
    reference = references.plenary_reference(plenary, url, timezone.localdate())
    files = {
        name: reverse(
            "research:cite-plenary-file", kwargs={"slug": slug, "file_format": name}
        )
        for name in references.FORMATS
    }
    metadata = reference_metadata(
        reference, json_url=api_url("api:plenary", slug), csl_url=files["json"]
    )
    return _reference_response(
        request,
        reference,
        file_format,
        {"record": plenary, "files": files, "metadata": metadata},
    )


@require_safe
@cache_control(private=True)
def cite_paragraph(request, slug, number, file_format=None):
    plenary = get_object_or_404(Plenary.objects.with_place(), slug=slug)
    found = paragraph(plenary.statement, number)
    if found is None:
        raise Http404("The statement has no paragraph with this number.")
    url = absolute_url(f"{plenary.get_absolute_url()}#{found.anchor}")
    reference = references.paragraph_reference(
        plenary, found, url, timezone.localdate()
    )
    files = {
        name: reverse(
            "research:cite-paragraph-file",
            kwargs={"slug": slug, "number": number, "file_format": name},
        )
        for name in references.FORMATS
    }
    metadata = reference_metadata(
        reference,
        json_url=api_url("api:plenary", slug),
        csl_url=files["json"],
        part_of=(capfirst(str(plenary)), absolute_url(plenary.get_absolute_url())),
    )
    return _reference_response(
        request,
        reference,
        file_format,
        {"record": plenary, "paragraph": found, "files": files, "metadata": metadata},
    )


@require_safe
@cache_control(private=True)
def cite_source(request, slug, file_format=None):
    source = get_object_or_404(SourceDocument.objects.defer("text"), slug=slug)
    url = absolute_url(source.get_absolute_url())
    reference = references.source_reference(source, url, timezone.localdate())
    files = {
        name: reverse(
            "research:cite-source-file", kwargs={"slug": slug, "file_format": name}
        )
        for name in references.FORMATS
    }
    metadata = reference_metadata(
        reference,
        json_url=api_url("api:source", slug),
        csl_url=files["json"],
        original=source.url,
    )
    return _reference_response(
        request,
        reference,
        file_format,
        {"record": source, "files": files, "metadata": metadata},
    )


def api_url(name, slug):
    """The absolute address of a record's JSON in the API."""
    return absolute_url(reverse(name, kwargs={"slug": slug}))
