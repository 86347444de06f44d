"""Report an error: the form (never cached: it carries a CSRF token), the thanks,
and the corrections readers' reports led to."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.clients import client_address, count_attempt

from .forms import ErrorReportForm
from .models import ErrorReport
from .records import reported_record


def too_many_reports(request):
    """Count this report against its client's address, atomically: whether that
    makes more than settings.REPORT_LIMIT in the window."""
    address = client_address(request)
    key = "error-reports:ip:" + hashlib.sha256(address.encode()).hexdigest()
    return count_attempt(key, settings.REPORT_WINDOW) > settings.REPORT_LIMIT


def too_many_response():
    window = settings.REPORT_WINDOW
    response = HttpResponse(
        f"Too many reports from your address. Try again in {window // 60} minutes.",
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(window)
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def report_view(request):
    """GET ?page=<a record page's path>: the form; POST: file the report."""
    if request.method == "POST":
        return file_report(request)
    try:
        page, record = reported_record(request.GET.get("page", ""))
    except ValidationError as error:
        return render(
            request, "reports/not_a_record.html", {"error": error}, status=400
        )
    form = ErrorReportForm(initial={"page": page})
    return render(
        request,
        "reports/report_form.html",
        {"form": form, "page": page, "record": record},
    )


def file_report(request):
    if too_many_reports(request):
        return too_many_response()
    form = ErrorReportForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "reports/report_form.html",
            {"form": form, "page": form.instance.page, "record": form.instance.record},
            status=400,
        )
    if not form.from_a_robot:
        form.save()
    return render(
        request,
        "reports/thanks.html",
        {"page": form.instance.page, "record": form.instance.record},
    )


@never_cache
def corrections_view(request):
    """The reports that led to a correction: the record and the change, never the
    reader's words. Not cached: staff accept reports without changing the
    archive, so the page cache would not see it."""
    paginator = Paginator(ErrorReport.objects.fixed(), 50)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "reports/corrections.html",
        {
            "page_obj": page_obj,
            "is_paginated": page_obj.has_other_pages(),
            "reports": page_obj.object_list,
        },
    )
