"""Readers' reports of an error on a record's page, for staff to triage.

A report names its record by the page's path and a label taken when it was filed,
not by a foreign key: any record page can be reported, and the report outlives a
renamed or deleted record. Reports are not archive records: filing one changes
no page, so it leaves the page cache alone. The change that fixed a report is a
foreign key to its change log entry (a string one: the change log sits above
reports, and reads the accepted reports each entry fixed).
"""

from django.db import models
from django.utils.text import Truncator
from simple_history.models import HistoricalRecords


class ErrorReportQuerySet(models.QuerySet):
    def fixed(self):
        """Accepted reports with the change that fixed them, newest first: what the
        public may see of them (never the reader's text or address)."""
        return (
            self.filter(status=ErrorReport.Status.ACCEPTED, fixed_by__isnull=False)
            .select_related("fixed_by")
            .only("page", "record", "created", "fixed_by__id")
        )

    def accepted(self):
        """What a change log entry may show of the reports it fixed: the day each
        was filed (never the reader's text or address)."""
        return self.filter(status=ErrorReport.Status.ACCEPTED).only(
            "created", "fixed_by"
        )


class ErrorReport(models.Model):
    """A reader's report of an error on a record's page."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"
        DUPLICATE = "duplicate", "Duplicate"

    page = models.CharField(
        "record page",
        max_length=200,
        help_text="The path of the record's page, e.g. /plenaries/2016-busan/.",
    )
    record = models.CharField(
        max_length=300, help_text="The record as its page named it when reported."
    )
    text = models.TextField("what is wrong", max_length=5000)
    evidence_url = models.URLField("evidence", max_length=500, blank=True)
    email = models.EmailField("reader's e-mail", blank=True)
    status = models.CharField(
        max_length=10, choices=Status, default=Status.OPEN, db_index=True
    )
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    staff_note = models.TextField(
        blank=True, max_length=5000, help_text="For staff only; never published."
    )
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        help_text="The earlier report of the same error.",
    )
    fixed_by = models.ForeignKey(
        "changes.Change",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
        verbose_name="the change that fixed it",
        help_text="The change log entry that corrected the error, by its number "
        "(n in change-n, the end of its address); the log then notes that a "
        "reader's report led to it.",
    )

    history = HistoricalRecords()

    objects = ErrorReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    status__in=["open", "accepted", "rejected", "duplicate"]
                ),
                name="reports_errorreport_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(duplicate_of__isnull=True)
                | models.Q(status="duplicate"),
                name="reports_errorreport_duplicate_of_only_when_duplicate",
            ),
            models.CheckConstraint(
                condition=~models.Q(duplicate_of=models.F("pk")),
                name="reports_errorreport_not_its_own_duplicate",
            ),
        ]

    def __str__(self):
        return f"Report on {self.record}: {self.excerpt}"

    @property
    def excerpt(self):
        """The start of the report's text, on one line."""
        return Truncator(" ".join(self.text.split())).chars(80)
