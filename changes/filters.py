"""The filters of the change log."""

import django_filters
from django.utils.text import capfirst

from core.listing import ForgivingFilterSet

from .models import Change
from .recording import archive_models


def record_choices():
    """Each kind of record, by its model label ("plenaries.plenary")."""
    return sorted(
        (
            (model._meta.label_lower, capfirst(model._meta.verbose_name_plural))
            for model in archive_models()
        ),
        key=lambda choice: choice[1],
    )


class ChangeFilter(ForgivingFilterSet):
    kind = django_filters.ChoiceFilter(
        label="Kind of change",
        field_name="kind",
        lookup_expr="exact",
        choices=Change.Kind.choices,
    )
    record = django_filters.ChoiceFilter(
        label="Records",
        field_name="record_label",
        lookup_expr="exact",
        choices=record_choices,
    )

    class Meta:
        model = Change
        fields = []
