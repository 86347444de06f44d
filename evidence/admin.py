"""Staff admin for the evidence: source documents, citations, and the cited records.

Each fact model (plenary, chairmanship, event, membership, adherence, annex
revision) is supported by citations. Its admin shows them inline, counts them on
the list page and flags a record whose sources disagree: two citations of the
record for the same field whose claims differ, by the one rule of
evidence.claims.disagreements (Citation.objects.contradicted in SQL). The change
page lists those claims source by source, marking the one the record follows.
"""

from django.contrib import admin
from django.db import models
from django.utils.html import format_html, format_html_join

from core.admin import ArchiveRecordAdmin, count_of, plain_help_text

from .claims import disagreements
from .models import Citation, SourceDocument


def citation_inline(fk_name, verbose_record):
    """A tabular inline of the citations supporting one kind of record."""

    class CitationInline(admin.TabularInline):
        model = Citation
        fk_name = None
        extra = 0
        fields = [
            "source",
            "passage",
            "field",
            "claim",
            "inferred",
            "is_followed",
            "note",
        ]
        autocomplete_fields = ["source"]
        verbose_name = f"citation of this {verbose_record}"
        verbose_name_plural = (
            f"citations: the passages that state this {verbose_record}"
        )

        def get_queryset(self, request):
            return super().get_queryset(request).select_related("source")

        def formfield_for_dbfield(self, db_field, request, **kwargs):
            formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
            # The admin's own widths make a row wider than a laptop's screen.
            if db_field.name in {"passage", "field", "claim"} and formfield:
                widget = formfield.widget
                widget.attrs["class"] = f"citation-{db_field.name}"
                if db_field.name == "passage":
                    widget.attrs["rows"] = 3
            return plain_help_text(formfield)

    CitationInline.fk_name = fk_name
    CitationInline.__name__ = f"{fk_name.title().replace('_', '')}CitationInline"
    CitationInline.__qualname__ = CitationInline.__name__
    return CitationInline


class DisagreementFilter(admin.SimpleListFilter):
    title = "sources"
    parameter_name = "sources"

    def lookups(self, request, model_admin):
        return [("disagree", "disagree"), ("agree", "agree or single source")]

    def queryset(self, request, queryset):
        if self.value() == "disagree":
            return queryset.filter(sources_disagree=True)
        if self.value() == "agree":
            return queryset.filter(sources_disagree=False)
        return queryset


class CitedFilter(admin.SimpleListFilter):
    title = "citations"
    parameter_name = "cited"

    def lookups(self, request, model_admin):
        return [("yes", "cited"), ("no", "no citation (entered by staff)")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(citation_count__gt=0)
        if self.value() == "no":
            return queryset.filter(citation_count=0)
        return queryset


class CitedRecordAdmin(ArchiveRecordAdmin):
    """The admin of a fact model: its citations inline, counted and compared.

    Subclasses set `citation_fk`, the name of Citation's foreign key to the model.
    """

    citation_fk = None

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        # One inline class per admin, so that the system checks see it too.
        verbose = model._meta.verbose_name
        self.inlines = [*self.inlines, citation_inline(self.citation_fk, verbose)]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                citation_count=count_of(Citation.objects.all(), self.citation_fk),
                sources_disagree=Citation.objects.disagreeing_on(self.citation_fk),
            )
        )

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), CitedFilter, DisagreementFilter]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "source_claims"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.fieldsets:
            return [*fieldsets, ("What the sources say", {"fields": ["source_claims"]})]
        (name, options), *rest = fieldsets
        fields = [field for field in options["fields"] if field != "source_claims"]
        return [
            (name, {**options, "fields": fields}),
            *rest,
            ("What the sources say", {"fields": ["source_claims"]}),
        ]

    @admin.display(description="citations", ordering="citation_count")
    def citations(self, obj):
        return obj.citation_count

    @admin.display(
        description="sources disagree", boolean=True, ordering="-sources_disagree"
    )
    def disagree(self, obj):
        return obj.sources_disagree

    @admin.display(description="claims by source")
    def source_claims(self, obj):
        """Every claim of the record's citations, the disagreements first."""
        if obj is None or obj.pk is None:
            return "Saved records list here what each source says of them."
        citations = list(obj.citations.select_related("source"))
        if not citations:
            return "No citation: this record was entered without a source."
        disagreed = dict(disagreements(citations))
        parts = []
        for field, claims in disagreed.items():
            parts.append(
                format_html(
                    '<p class="disagree">Sources disagree on {}:</p><ul>{}</ul>',
                    field,
                    format_html_join(
                        "",
                        '<li class="{}">{}: “{}”{}</li>',
                        (
                            (
                                "followed" if citation.is_followed else "",
                                citation.source,
                                citation.claim,
                                " (the record follows this source)"
                                if citation.is_followed
                                else "",
                            )
                            for claim in claims
                            for citation in claim.citations
                        ),
                    ),
                )
            )
        if not disagreed:
            parts.append(format_html("<p>{}</p>", "The sources agree."))
        agreed = [c for c in citations if c.field not in disagreed and c.claim]
        if agreed:
            parts.append(
                format_html(
                    "<ul>{}</ul>",
                    format_html_join(
                        "",
                        "<li>{} — {}: “{}”</li>",
                        ((c.field or "record", c.source, c.claim) for c in agreed),
                    ),
                )
            )
        return format_html(
            '<div class="source-claims">{}</div>',
            format_html_join("", "{}", ((part,) for part in parts)),
        )


@admin.register(SourceDocument)
class SourceDocumentAdmin(ArchiveRecordAdmin):
    list_display = [
        "title",
        "kind",
        "publisher",
        "published_on",
        "file_name",
        "plenary",
        "citation_count",
    ]
    list_filter = [
        "kind",
        "held",
        ("original", admin.EmptyFieldListFilter),
        "publisher",
    ]
    list_select_related = ["plenary__country"]
    search_fields = ["title", "file_name", "publisher", "text", "note"]
    date_hierarchy = "published"
    autocomplete_fields = ["plenary", "original"]
    prepopulated_fields = {"slug": ["file_name"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(cited=count_of(Citation.objects.all(), "source"))
        )

    @admin.display(description="published", ordering="published")
    def published_on(self, obj):
        return obj.published_display

    @admin.display(description="citations", ordering="cited")
    def citation_count(self, obj):
        return obj.cited


class SupportsFilter(admin.SimpleListFilter):
    title = "supports"
    parameter_name = "supports"

    def lookups(self, request, model_admin):
        return [(name, name.replace("_", " ")) for name in Citation.FACT_FIELDS]

    def queryset(self, request, queryset):
        if self.value() in Citation.FACT_FIELDS:
            return queryset.filter(**{f"{self.value()}__isnull": False})
        return queryset


@admin.register(Citation)
class CitationAdmin(ArchiveRecordAdmin):
    list_display = [
        "__str__",
        "source",
        "supports",
        "field",
        "claim",
        "is_followed",
        "disagreed",
    ]
    list_filter = [SupportsFilter, "is_followed", "inferred", "source__kind", "source"]
    search_fields = ["passage", "claim", "field", "key", "note", "source__title"]
    autocomplete_fields = ["source", *Citation.FACT_FIELDS]
    readonly_fields = ["key"]
    fieldsets = [
        (None, {"fields": ["key", "source", "passage", "field", "claim", "inferred"]}),
        ("Whether the record follows it", {"fields": ["is_followed"]}),
        (
            "The record it supports (exactly one)",
            {"fields": Citation.FACT_FIELDS},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related(
                "source",
                "plenary__country",
                "chairmanship",
                "event",
                "membership__country",
                "adherence__country",
                "annex_revision",
            )
            .prefetch_related("chairmanship__countries")
            .with_contradicted()
        )

    @admin.display(description="supports")
    def supports(self, obj):
        record = obj.record
        return f"{record._meta.verbose_name}: {record}" if record else "-"

    @admin.display(description="another source disagrees", boolean=True)
    def disagreed(self, obj):
        return obj.contradicted
