"""The change log: every change, newest first, and each record's own."""

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.views.generic import ListView
from django_filters.views import FilterView

from core.listing import ClampedPaginationMixin, EntryPaginationMixin

from .filters import ChangeFilter
from .models import Change
from .recording import archive_models, record_key_of


class ChangeListView(EntryPaginationMixin, FilterView):
    """Every published change, a page of 50: an entry is linked to by its anchor,
    on the page ?entry= opens (Change.get_absolute_url)."""

    model = Change
    filterset_class = ChangeFilter
    paginate_by = 50
    template_name = "changes/change_list.html"

    def get_queryset(self):
        return super().get_queryset().with_reports()


class RecordChangesView(ClampedPaginationMixin, ListView):
    """One record's changes, newest first, with their values in full."""

    paginate_by = 20
    template_name = "changes/record_changes.html"

    def get_queryset(self):
        label = self.kwargs["label"]
        model = archive_model(label)
        self.record, pk = find_record(model, label, self.kwargs["key"])
        return Change.objects.of_record(label, pk).with_reports()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.record
        entries = context["object_list"] = list(context["object_list"])
        context.update(
            record_name=str(record) if record else entries[0].record_name,
            record_url=record_url(record),
            record_kind=archive_model(self.kwargs["label"])._meta.verbose_name,
        )
        return context


def archive_model(label):
    if label.lower() != label:
        raise Http404("No such kind of record.")
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        raise Http404("No such kind of record.") from None
    if model not in archive_models():
        raise Http404("No such kind of record.")
    return model


def find_record(model, label, key):
    """(the record, its pk) of a change log's identifier: the record that has it
    now, else the last record that had it in the log (since deleted)."""
    record = current_record(model, key)
    if record is not None:
        return record, record.pk
    pk = (
        Change.objects.filter(record_label=label, record_key=key)
        .values_list("record_pk", flat=True)
        .first()
    )
    if pk is None:
        raise Http404("No such record.")
    return None, pk


def current_record(model, key):
    manager = model._default_manager
    try:
        if any(field.name == "slug" for field in model._meta.concrete_fields):
            return manager.get(slug=key)
        record = manager.get_by_natural_key(*key.split("/"))
    except (ObjectDoesNotExist, ValidationError, ValueError, TypeError):
        return None
    # A natural key written another way ("07" for 7) names the record too, but
    # its log has one address.
    return record if record_key_of(record) == key else None


def record_url(record):
    page = getattr(record, "get_absolute_url", None)
    try:
        return page() if page else ""
    except ObjectDoesNotExist:
        return ""
