"""Staff admin for the revisions of the Equipment, Software and Technology Annex."""

from django.contrib import admin

from evidence.admin import CitedRecordAdmin

from .models import AnnexRevision


@admin.register(AnnexRevision)
class AnnexRevisionAdmin(CitedRecordAdmin):
    citation_fk = "annex_revision"
    list_display = [
        "date_shown",
        "summary",
        "adopted_at",
        "meeting",
        "citations",
        "disagree",
    ]
    list_display_links = ["date_shown", "summary"]
    list_filter = ["date_precision", "adopted_at_inferred", "meeting"]
    list_select_related = ["adopted_at__country"]
    search_fields = ["slug", "summary", "description", "meeting"]
    date_hierarchy = "date"
    autocomplete_fields = ["adopted_at"]
    fields = [
        "slug",
        "date",
        "date_precision",
        "summary",
        "description",
        "adopted_at",
        "meeting",
    ]

    @admin.display(description="date", ordering="date")
    def date_shown(self, obj):
        return obj.date_display
