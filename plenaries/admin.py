"""Staff admin for plenaries, chairs, events and resolutions."""

from django.contrib import admin

from core.admin import ArchiveRecordAdmin, count_of
from evidence.admin import CitedRecordAdmin
from plenaries.models import (
    Chairmanship,
    ChairPerson,
    Event,
    Person,
    Plenary,
    Resolution,
)


class HasStatementFilter(admin.SimpleListFilter):
    title = "public statement"
    parameter_name = "statement"

    def lookups(self, request, model_admin):
        return [("yes", "has one"), ("no", "none known")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(statement="")
        if self.value() == "no":
            return queryset.filter(statement="")
        return queryset


@admin.register(Plenary)
class PlenaryAdmin(CitedRecordAdmin):
    citation_fk = "plenary"
    list_display = [
        "__str__",
        "number",
        "dates",
        "country",
        "has_statement",
        "citations",
        "disagree",
    ]
    list_display_links = ["__str__"]
    list_filter = ["date_precision", "country_inferred", HasStatementFilter, "country"]
    list_select_related = ["country"]
    search_fields = ["slug", "city", "country__name", "opened_by", "summary"]
    date_hierarchy = "start_date"
    autocomplete_fields = [
        "country",
        "next_host",
        "resolutions",
        "countries_of_concern",
        "regions_of_concern",
        "countries_named",
    ]
    prepopulated_fields = {"slug": ["city"]}
    fieldsets = [
        (None, {"fields": ["number", "slug", "city", "country", "opened_by"]}),
        (
            "Dates",
            {
                "fields": ["start_date", "end_date", "date_precision", "latest_day"],
                "description": "For a meeting known only to the month or year, enter "
                "the first and last day it may have run and set the precision.",
            },
        ),
        ("Public statement", {"fields": ["statement", "summary"]}),
        ("Next meeting", {"fields": ["next_host", "next_announcement"]}),
        (
            "What the meeting's texts name",
            {
                "fields": [
                    "resolutions",
                    "countries_of_concern",
                    "regions_of_concern",
                    "countries_named",
                ]
            },
        ),
    ]

    @admin.display(description="dates", ordering="start_date")
    def dates(self, obj):
        return obj.dates_display

    @admin.display(description="statement", boolean=True)
    def has_statement(self, obj):
        return bool(obj.statement)


@admin.register(Resolution)
class ResolutionAdmin(ArchiveRecordAdmin):
    list_display = ["__str__", "number", "cited_by"]
    search_fields = ["number"]

    def get_queryset(self, request):
        cited_by = Plenary.resolutions.through.objects.all()
        return (
            super()
            .get_queryset(request)
            .annotate(plenary_count=count_of(cited_by, "resolution"))
        )

    @admin.display(description="plenaries citing it", ordering="plenary_count")
    def cited_by(self, obj):
        return obj.plenary_count


class ChairPersonInline(admin.TabularInline):
    model = ChairPerson
    extra = 0
    fields = ["person", "role", "title", "position", "described"]
    autocomplete_fields = ["person"]
    verbose_name = "person who served"
    verbose_name_plural = "people who served this term"


class PersonRoleInline(admin.TabularInline):
    model = ChairPerson
    fk_name = "person"
    extra = 0
    fields = ["chairmanship", "role", "title", "position", "described"]
    autocomplete_fields = ["chairmanship"]
    verbose_name = "role"
    verbose_name_plural = "chairs held"


@admin.register(Chairmanship)
class ChairmanshipAdmin(CitedRecordAdmin):
    citation_fk = "chairmanship"
    list_display = [
        "__str__",
        "slug",
        "start_plenary",
        "end_plenary",
        "people_names",
        "is_joint",
        "citations",
        "disagree",
    ]
    list_select_related = ["start_plenary__country", "end_plenary__country"]
    list_filter = ["countries_inferred", "countries"]
    search_fields = ["slug", "countries__name", "people__person__name", "notes"]
    autocomplete_fields = ["countries", "start_plenary", "end_plenary"]
    inlines = [ChairPersonInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("countries", "people__person")
        )

    @admin.display(description="people")
    def people_names(self, obj):
        return "; ".join(str(person) for person in obj.people.all())

    @admin.display(description="joint", boolean=True)
    def is_joint(self, obj):
        return obj.is_joint


@admin.register(Person)
class PersonAdmin(ArchiveRecordAdmin):
    list_display = ["name", "key", "other_spellings"]
    search_fields = ["name", "key", "variants", "notes"]
    inlines = [PersonRoleInline]

    @admin.display(description="other spellings")
    def other_spellings(self, obj):
        return "; ".join(obj.variants)


@admin.register(ChairPerson)
class ChairPersonAdmin(ArchiveRecordAdmin):
    list_display = ["person", "role", "title", "position", "chairmanship"]
    list_filter = ["role", "title"]
    search_fields = [
        "person__name",
        "person__variants",
        "title",
        "position",
        "described",
        "chairmanship__slug",
    ]
    autocomplete_fields = ["chairmanship", "person"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("chairmanship", "person")
            .prefetch_related("chairmanship__countries")
        )


@admin.register(Event)
class EventAdmin(CitedRecordAdmin):
    citation_fk = "event"
    list_display = ["title", "kind", "dates", "plenary", "citations", "disagree"]
    list_filter = ["kind", "date_precision"]
    list_select_related = ["plenary__country"]
    search_fields = ["title", "description", "slug", "countries__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["countries", "plenary"]
    prepopulated_fields = {"slug": ["title"]}

    @admin.display(description="dates", ordering="date")
    def dates(self, obj):
        return obj.dates_display
