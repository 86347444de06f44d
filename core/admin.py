"""What every archive record's admin shares: its history, and plain help texts."""

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.html import escape
from simple_history.admin import SimpleHistoryAdmin
from simple_history.manager import SIMPLE_HISTORY_REVERSE_ATTR_NAME


def count_of(queryset, fk_name):
    """The number of rows of `queryset` whose `fk_name` is the outer record.

    A subquery rather than Count(): Count() groups the whole query, and a grouped
    query drops the model's default ordering (autocomplete pages then come
    unordered).
    """
    counted = (
        queryset.filter(**{fk_name: OuterRef("pk")})
        .order_by()
        .values(fk_name)
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted), 0)


def plain_help_text(formfield):
    """Show a help text as written: the admin takes it for HTML, so "<year>-<city>"
    would show as "-"."""
    if formfield is not None and formfield.help_text:
        formfield.help_text = escape(formfield.help_text)
    return formfield


class ArchiveRecordForm(forms.ModelForm):
    """A record's form in admin, with the reason the public change log shows."""

    change_reason = forms.CharField(
        label="Reason for this change",
        max_length=100,
        help_text="A short note, shown publicly in the change log "
        "(your user name is not), e.g. “date corrected from the 2016 statement”.",
    )


REASON_FIELDSET = ("Reason for this change", {"fields": ["change_reason"]})


class HistoryAdmin(SimpleHistoryAdmin):
    """History to read and revert from (reverting needs the permission to change)."""

    save_on_top = True
    # django-simple-history's own, less an inline style the CSP refuses.
    object_history_list_template = "core/admin/object_history_list.html"

    class Media:
        css = {"all": ["admin/css/archive.css"]}

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """A past version, and the form that reverts to it: only for those who may
        change the record (django-simple-history asks only for view permission,
        and reverts on a POST)."""
        history_model = self.model.history.model
        try:
            history_model._meta.get_field(self.model._meta.pk.attname).to_python(
                unquote(object_id)
            )
            history_model._meta.pk.to_python(version_id)
        except ValidationError:
            raise Http404("No such version.") from None
        # None for a deleted record, which the form recreates: then the
        # permission to change any record of the model is what counts.
        obj = self.get_object(request, unquote(object_id))
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return super().history_form_view(
            request, object_id, version_id, extra_context=extra_context
        )

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)
        version = getattr(obj, SIMPLE_HISTORY_REVERSE_ATTR_NAME, None)
        if version is None or not version._history_m2m_fields:
            return form_class
        return with_history_m2m(form_class, version)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        return plain_help_text(formfield)


class ArchiveRecordAdmin(HistoryAdmin):
    """The admin of every record of the archive: its history, and the reason for
    each change, which the public change log shows."""

    form = ArchiveRecordForm
    delete_confirmation_template = "core/admin/delete_confirmation.html"

    # The reason for each change: asked on every change form (and the form that
    # reverts to a version), given to the record's history row and to its inlines'.
    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": without_reason(options["fields"])})
            for name, options in super().get_fieldsets(request, obj)
        ]
        return [*fieldsets, REASON_FIELDSET]

    def save_model(self, request, obj, form, change):
        obj._change_reason = form.cleaned_data.get("change_reason", "")
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            inline_form.instance._change_reason = form.cleaned_data.get(
                "change_reason", ""
            )
        super().save_formset(request, form, formset, change)

    def delete_view(self, request, object_id, extra_context=None):
        """A deletion without a reason shows the confirmation again, asking."""
        if request.method == "POST" and not reason_posted(request):
            request.POST = request.POST.copy()
            request.POST.clear()  # Django's view then confirms rather than deletes
            extra_context = {**(extra_context or {}), "reason_missing": True}
        return super().delete_view(request, object_id, extra_context)

    def delete_model(self, request, obj):
        obj._change_reason = reason_posted(request)
        super().delete_model(request, obj)


def without_reason(fields):
    return [field for field in fields if field != "change_reason"]


def reason_posted(request):
    return request.POST.get("change_reason", "").strip()[:100]


def with_history_m2m(form_class, version):
    """The form of a version to revert to, its M2M fields as that version held them
    (Django would fill them from the record as it is now)."""
    initial = {}
    for m2m in version._history_m2m_fields:
        target = m2m.m2m_reverse_field_name() + "_id"
        rows = getattr(version, m2m.name).values_list(target, flat=True)
        initial[m2m.name] = list(rows)

    class VersionForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.initial.update(
                {name: ids for name, ids in initial.items() if name in self.fields}
            )

    return VersionForm
