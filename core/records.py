"""The base of every archive record: its history, and what was last loaded."""

from django.db import models
from django.dispatch import Signal
from simple_history.models import HistoricalRecords

# Sent after a change to the archive that sends no post_save or post_delete (a bulk
# load): whatever keeps a copy of the archive (the page cache) drops it.
archive_changed = Signal()


class ArchiveRecord(models.Model):
    """A record the archive keeps the history of; load_archive may have written it."""

    # A digest of the values load_archive last wrote: when the row no longer matches
    # it, staff have edited the record, and the loader keeps their version.
    loaded_digest = models.CharField(max_length=64, blank=True, editable=False)

    history = HistoricalRecords(inherit=True, excluded_fields=["loaded_digest"])

    class Meta:
        abstract = True
