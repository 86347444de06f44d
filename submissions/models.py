"""Documents staff add in admin: catalogue data, text and the editor's decisions,
until they are published into the archive (and exported to sources/)."""

import hashlib
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from ingest.catalogue import KINDS, parse_published

KIND_LABELS = {
    "statement": "Plenary public statement",
    "chair-report": "Chair's report",
    "overview": "Overview",
    "presentation": "Presentation",
}


def kind_choices():
    """The kinds the catalogue (and so build_fixtures) takes."""
    return [(kind, KIND_LABELS.get(kind, kind.replace("-", " "))) for kind in KINDS]


def text_hash(text):
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


class SubmissionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Submission.Status.PUBLISHED)

    def not_in(self, file_names):
        """The published ones sources/ does not hold yet (not exported)."""
        return self.published().exclude(file_name__in=list(file_names))


class Submission(models.Model):
    """A document an editor added in admin: what it is, its text, the decisions."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft: in review"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=500)
    kind = models.CharField(max_length=20, choices=kind_choices)
    publisher = models.CharField(max_length=200, blank=True)
    published = models.CharField(
        "date published",
        max_length=10,
        blank=True,
        help_text="As precisely as known: YYYY, YYYY-MM or YYYY-MM-DD.",
    )
    url = models.URLField("original address", max_length=500, blank=True)
    plenary = models.CharField(
        "plenary reported on",
        max_length=100,
        blank=True,
        help_text="Its slug (e.g. 2022-montreux), only where the text never names "
        "the meeting.",
    )
    file_name = models.CharField(max_length=100, unique=True, editable=False)
    text = models.TextField()
    text_hash = models.CharField(max_length=64, editable=False, db_index=True)
    decisions = models.JSONField(default=dict, blank=True, editable=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    added_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SubmissionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-added_at", "-pk"]
        permissions = [("publish_submission", "Can publish a document to the archive")]

    def __str__(self):
        return self.title

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def stem(self):
        return Path(self.file_name).stem

    def entry(self):
        """The document as a catalogue entry (ingest.catalogue.Entry's attributes)."""
        return SimpleNamespace(
            file=self.file_name,
            title=self.title,
            kind=self.kind,
            publisher=self.publisher,
            published=parse_published(self.published) if self.published else None,
            url=self.url,
            plenary=self.plenary,
        )

    def set_text(self, text):
        self.text = text
        self.text_hash = text_hash(text)
