"""Staff admin for countries, regions, partnership and adherence."""

from django.contrib import admin

from core.admin import ArchiveRecordAdmin
from evidence.admin import CitedRecordAdmin

from .models import Adherence, Country, Membership, Region


class PartnerFilter(admin.SimpleListFilter):
    title = "partner"
    parameter_name = "partner"

    def lookups(self, request, model_admin):
        return [
            ("yes", "partner"),
            ("founding", "founding partner"),
            ("no", "not a partner"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(membership__isnull=False)
        if self.value() == "founding":
            return queryset.filter(membership__founding=True)
        if self.value() == "no":
            return queryset.filter(membership__isnull=True)
        return queryset


@admin.register(Country)
class CountryAdmin(ArchiveRecordAdmin):
    list_display = ["name", "iso_code", "other_spellings", "partnership"]
    list_filter = [PartnerFilter]
    list_select_related = ["membership"]
    search_fields = ["name", "iso_code", "slug", "other_names"]
    prepopulated_fields = {"slug": ["name"]}

    @admin.display(description="other names in the documents")
    def other_spellings(self, obj):
        return "; ".join(obj.other_names)

    @admin.display(description="partner")
    def partnership(self, obj):
        membership = getattr(obj, "membership", None)
        if membership is None:
            return "-"
        founding = ", founding" if membership.founding else ""
        return f"{membership.since_display}{founding}"


@admin.register(Region)
class RegionAdmin(ArchiveRecordAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Membership)
class MembershipAdmin(CitedRecordAdmin):
    citation_fk = "membership"
    list_display = [
        "country",
        "since_shown",
        "since_precision",
        "founding",
        "citations",
        "disagree",
    ]
    list_filter = ["founding", "since_precision"]
    list_select_related = ["country"]
    search_fields = ["country__name", "country__iso_code", "notes"]
    date_hierarchy = "since_latest"
    autocomplete_fields = ["country"]
    fields = [
        "country",
        "since_earliest",
        "since_latest",
        "since_precision",
        "founding",
        "notes",
    ]

    @admin.display(description="began", ordering="since_latest")
    def since_shown(self, obj):
        return obj.since_display


@admin.register(Adherence)
class AdherenceAdmin(CitedRecordAdmin):
    citation_fk = "adherence"
    list_display = [
        "country",
        "kind",
        "declared_shown",
        "ended",
        "citations",
        "disagree",
    ]
    list_filter = ["kind", "declared_precision"]
    list_select_related = ["country"]
    search_fields = ["country__name", "country__iso_code", "notes"]
    date_hierarchy = "declared_latest"
    autocomplete_fields = ["country"]
    fields = [
        "country",
        "kind",
        "declared_earliest",
        "declared_latest",
        "declared_precision",
        "ended",
        "notes",
    ]

    @admin.display(description="declared", ordering="declared_latest")
    def declared_shown(self, obj):
        return obj.declared_display
