"""The editors' path in admin: add a document, review what was read, publish."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from core.admin import HistoryAdmin

from .forms import ReviewForm, SubmissionForm
from .models import Submission
from .publish import PublishError, publish
from .review import review


@admin.register(Submission)
class SubmissionAdmin(HistoryAdmin):
    form = SubmissionForm
    list_display = ["title", "kind", "status", "plenary", "added_at", "review_link"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "file_name", "publisher"]
    readonly_fields = ["file_name", "status", "added_by", "published_at"]
    fieldsets = [
        (None, {"fields": ["title", "kind", "publisher", "published", "url"]}),
        ("Where the text never names the meeting", {"fields": ["plenary"]}),
        ("Text", {"fields": ["text", "upload"]}),
        ("State", {"fields": readonly_fields}),
    ]

    def get_urls(self):
        review_view = self.admin_site.admin_view(self.review_view)
        return [
            path(
                "<path:object_id>/review/",
                review_view,
                name="submissions_submission_review",
            ),
            *super().get_urls(),
        ]

    @admin.display(description="review")
    def review_link(self, submission):
        return format_html('<a href="{}">review</a>', review_url(submission))

    def get_list_display_links(self, request, list_display):
        return ["title"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_published:
            return False  # a published document is the archive's: edit its records
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_published:
            return False  # its decisions are the archive's until exported
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.added_by = request.user
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        return HttpResponseRedirect(review_url(obj))

    def response_change(self, request, obj):
        return HttpResponseRedirect(review_url(obj))

    def review_view(self, request, object_id):
        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        submission = get_object_or_404(Submission, pk=object_id)
        if not self.has_view_permission(request, submission):
            raise PermissionDenied
        result = review(submission)
        year = result.plenary.start_date.year if result.plenary else None
        form = ReviewForm(
            request.POST if request.method == "POST" else None,
            items=[row.item for row in result.rows],
            decisions=submission.decisions,
            year=year,
        )
        if request.method == "POST":
            if submission.is_published or not self.has_change_permission(
                request, submission
            ):
                raise PermissionDenied
            if form.is_valid():
                return self.decide(request, submission, form)
        return TemplateResponse(
            request,
            "submissions/admin/review.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": f"Review: {submission}",
                "submission": submission,
                "review": result,
                "form": form,
                "rows": [
                    (row, form.decision_field(n), form.value_field(n))
                    for n, row in enumerate(result.rows)
                ],
                "can_publish": request.user.has_perm("submissions.publish_submission")
                and not submission.is_published,
            },
        )

    def decide(self, request, submission, form):
        """Keep the decisions; publish too if asked (and allowed)."""
        submission.decisions = form.decisions()
        submission._change_reason = "decisions on the facts read"
        submission.save(update_fields=["decisions"])
        if "_publish" not in request.POST:
            messages.success(request, "Your decisions are saved.")
            return HttpResponseRedirect(review_url(submission))
        if not request.user.has_perm("submissions.publish_submission"):
            raise PermissionDenied
        try:
            report = publish(submission)
        except PublishError as error:
            messages.error(request, f"Not published: {error} Nothing was changed.")
            return HttpResponseRedirect(review_url(submission))
        counts = {"created": 0, "updated": 0, "kept": 0}
        for model_report in report.models.values():
            for name in counts:
                counts[name] += model_report.counts[name]
        messages.success(
            request,
            f"Published “{submission}”: {counts['created']} records created, "
            f"{counts['updated']} updated"
            + (
                f", {counts['kept']} edited by staff kept as they are"
                if counts["kept"]
                else ""
            )
            + ".",
        )
        return HttpResponseRedirect(review_url(submission))


def review_url(submission):
    return reverse("admin:submissions_submission_review", args=[submission.pk])
