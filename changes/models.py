"""The public change log: one entry per change to a record, one per load."""

from django.db import models
from django.urls import reverse
from django.utils import timezone

from reports.models import ErrorReport

ANCHOR_PREFIX = "change-"

# The reason load_archive gives its history rows (ingest.loader.CHANGE_REASON,
# which a test keeps equal): those rows are folded into the load's one entry.
LOADER_REASON = "load_archive"


def number_of(anchor):
    """The entry's number in an anchor ("change-12"), or None."""
    number = str(anchor).removeprefix(ANCHOR_PREFIX)
    if not str(anchor).startswith(ANCHOR_PREFIX) or not number.isdigit():
        return None
    number = int(number)
    return number if number < 2**63 else None


class ChangeQuerySet(models.QuerySet):
    def of_record(self, label, pk):
        return self.filter(record_label=label, record_pk=pk)

    def with_reports(self):
        """With the accepted readers' reports each entry fixed, oldest first, as
        `fixed_reports`: their dates only, one query for the page."""
        return self.prefetch_related(
            models.Prefetch(
                "reports",
                queryset=ErrorReport.objects.accepted().order_by("created", "pk"),
                to_attr="fixed_reports",
            )
        )

    def listed_before(self, anchor):
        """The entries the log shows before the one with this anchor (newest
        first: by time, then number); none if there is no such entry."""
        number = number_of(anchor)
        found = self.filter(pk=number).values_list("made_at")[:1] if number else []
        if not found:
            return self.none()
        made_at = found[0][0]
        return self.filter(
            models.Q(made_at__gt=made_at) | models.Q(made_at=made_at, pk__gt=number)
        )


class ChangeManager(models.Manager.from_queryset(ChangeQuerySet)):
    def record_load(
        self, created=0, updated=0, kept=0, removed=0, reason=LOADER_REASON
    ):
        """The one entry of a load that changed the archive (`reason`: the
        loader's, or the document an editor published)."""
        return self.create(
            kind=Change.Kind.LOADED,
            made_at=timezone.now(),
            reason=reason,
            created_count=created,
            updated_count=updated,
            kept_count=kept,
            removed_count=removed,
        )


class Change(models.Model):
    """A published change to the archive: a record's, or a whole load's."""

    class Kind(models.TextChoices):
        CREATED = "created", "Created"
        CHANGED = "changed", "Changed"
        DELETED = "deleted", "Deleted"
        LOADED = "loaded", "Archive loaded"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    made_at = models.DateTimeField()
    reason = models.CharField(max_length=200, blank=True)
    # The record: its model ("plenaries.plenary"), row, name when changed, and
    # its page and the identifier of its change log now (blank once deleted).
    record_label = models.CharField(max_length=100, blank=True)
    record_pk = models.BigIntegerField(null=True, blank=True)
    record_name = models.CharField(max_length=300, blank=True)
    record_key = models.CharField(max_length=500, blank=True)
    record_url = models.CharField(max_length=500, blank=True)
    # [field label, old value, new value] for each field that changed.
    changed_fields = models.JSONField(default=list, blank=True)
    # The last history row of the record the change wrote (for staff).
    history_id = models.BigIntegerField(null=True, blank=True)
    # A load's counts.
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    kept_count = models.PositiveIntegerField(default=0)
    removed_count = models.PositiveIntegerField(default=0)

    objects = ChangeManager()

    class Meta:
        ordering = ["-made_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="loaded") | ~models.Q(record_label=""),
                name="change_names_its_record",
            )
        ]
        indexes = [
            models.Index(fields=["-made_at", "-id"], name="change_newest_idx"),
            models.Index(
                fields=["record_label", "record_pk", "-made_at"],
                name="change_record_idx",
            ),
            models.Index(fields=["record_label", "record_key"], name="change_key_idx"),
        ]

    def __str__(self):
        if self.is_load:
            return f"Archive loaded from fixtures, {self.made_at:%Y-%m-%d}"
        return f"{self.get_kind_display()}: {self.record_name}"

    def get_absolute_url(self):
        """Its place in the log: ?entry= opens the page holding it."""
        return f"{reverse('changes:list')}?entry={self.anchor}#{self.anchor}"

    @property
    def anchor(self):
        """The entry's public identifier, its anchor on every page listing it."""
        return f"{ANCHOR_PREFIX}{self.pk}"

    @property
    def is_load(self):
        return self.kind == self.Kind.LOADED

    @property
    def record_changes_url(self):
        """The record's own change log, while the record has an identifier."""
        if not self.record_key:
            return ""
        return reverse(
            "changes:record",
            kwargs={"label": self.record_label, "key": self.record_key},
        )

    @property
    def load_summary(self):
        summary = (
            f"Archive loaded from fixtures: {self.created_count} "
            f"record{'s' if self.created_count != 1 else ''} created, "
            f"{self.updated_count} updated, {self.kept_count} kept as staff "
            "edited them"
        )
        if self.removed_count:
            summary += f", {self.removed_count} removed"
        return summary
