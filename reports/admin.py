"""Staff triage readers' reports: read them as plain text, mark them accepted,
rejected or duplicates, and link each to the change log entry that fixed it."""

from django.contrib import admin, messages
from django.db import transaction
from django.utils.html import format_html
from simple_history.utils import bulk_update_with_history

from core.admin import HistoryAdmin
from core.records import archive_changed

from .models import ErrorReport


@admin.register(ErrorReport)
class ErrorReportAdmin(HistoryAdmin):
    """Reports come from readers only: staff read the reader's part (escaped, as
    every value the admin shows) and fill in the rest."""

    list_display = ["created", "record", "status", "excerpt"]
    list_display_links = ["created", "record"]
    list_filter = ["status"]
    search_fields = ["record", "page", "text", "email", "staff_note"]
    date_hierarchy = "created"
    autocomplete_fields = ["duplicate_of"]
    # The change log has no admin of its own to search: the entry by its number
    # (change-<n> in its address).
    raw_id_fields = ["fixed_by"]
    actions = ["mark_accepted", "mark_rejected", "mark_duplicates"]
    readonly_fields = [
        "created",
        "record",
        "record_page",
        "text",
        "evidence",
        "email",
        "fixing_change",
    ]
    fields = [
        "created",
        "record",
        "record_page",
        "text",
        "evidence",
        "email",
        "status",
        "duplicate_of",
        "fixed_by",
        "fixing_change",
        "staff_note",
    ]

    def has_add_permission(self, request):
        return False

    @admin.display(description="excerpt")
    def excerpt(self, obj):
        return obj.excerpt

    @admin.display(description="record page")
    def record_page(self, obj):
        return format_html('<a href="{}">{}</a>', obj.page, obj.page)

    @admin.display(description="evidence")
    def evidence(self, obj):
        if not obj.evidence_url:
            return "-"
        return format_html(
            '<a href="{}" rel="noopener noreferrer nofollow">{}</a>',
            obj.evidence_url,
            obj.evidence_url,
        )

    @admin.display(description="in the change log")
    def fixing_change(self, obj):
        if obj.fixed_by is None:
            return "-"
        return format_html(
            '<a href="{}">{}</a>', obj.fixed_by.get_absolute_url(), obj.fixed_by
        )

    # The change log notes the accepted reports each entry fixed, and its pages
    # are cached: a staff edit that may change the note empties the page cache
    # (a reader filing a report does not).
    def changed_the_log(self):
        transaction.on_commit(lambda: archive_changed.send(sender=ErrorReport))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if {"status", "fixed_by"} & set(form.changed_data):
            self.changed_the_log()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self.changed_the_log()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        self.changed_the_log()

    def set_status(self, request, reports, status, duplicate_of=None):
        reports = list(reports)
        for report in reports:
            report.status = status
            report.duplicate_of = duplicate_of
        bulk_update_with_history(
            reports,
            ErrorReport,
            ["status", "duplicate_of"],
            default_user=request.user,
            default_change_reason=f"marked {status}",
        )
        self.changed_the_log()
        self.message_user(
            request, f"{len(reports)} report(s) marked {status}.", messages.SUCCESS
        )

    @admin.action(description="Mark the selected reports accepted")
    def mark_accepted(self, request, queryset):
        self.set_status(request, queryset, ErrorReport.Status.ACCEPTED)

    @admin.action(description="Mark the selected reports rejected")
    def mark_rejected(self, request, queryset):
        self.set_status(request, queryset, ErrorReport.Status.REJECTED)

    @admin.action(
        description="Mark the selected reports duplicates of the earliest of them"
    )
    def mark_duplicates(self, request, queryset):
        earliest, *later = queryset.order_by("created", "pk")
        if not later:
            self.message_user(
                request,
                "Select a report and its duplicates: the earliest stays, the "
                "later ones are marked duplicates of it.",
                messages.WARNING,
            )
            return
        self.set_status(request, later, ErrorReport.Status.DUPLICATE, earliest)
