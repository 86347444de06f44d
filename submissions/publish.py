"""Publishing a document added in admin: the archive rebuilt with it, in one go.

The archive is built by the merge build_fixtures uses, from sources/ and the
documents published in admin that sources/ does not hold yet, this one with the
editor's decisions applied; its fixtures are written to a temporary folder and
loaded by the loader load_archive uses, which keeps what staff edited and writes
one history row per record it creates or changes, with a reason naming the
document. All of it, the search index and the submission's own state, in one
transaction: if anything fails, nothing is written.
"""

import tempfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ingest.build import build_archive, source_of
from ingest.catalogue import read_catalogue
from ingest.errors import ParseError
from ingest.fixtures import fixture_objects, render
from ingest.loader import LoadError, load_archive
from search import index as search_index

from .models import Submission


class PublishError(Exception):
    """Why a document could not be published; nothing was written."""


def reason_for(submission):
    """The history rows' reason: names the document (at most 100 characters)."""
    return f"published {submission.file_name}"[:100]


def archive_with(submission, sources_dir=None):
    """The archive as it would be with `submission` published."""
    sources_dir = Path(sources_dir or settings.SOURCES_DIR)
    held = {entry.file for entry in read_catalogue(sources_dir)}
    if submission.file_name in held:
        raise PublishError(f"sources/ already holds {submission.file_name}.")
    others = Submission.objects.not_in(held).exclude(pk=submission.pk)
    extra = [
        source_of(other.entry(), other.text, other.decisions)
        for other in [*others.order_by("pk"), submission]
    ]
    return build_archive(sources_dir, extra)


def publish(submission, sources_dir=None):
    """Publish the document: the archive, its search index and the submission,
    all or nothing. Returns the loader's report; PublishError says why not."""
    if submission.is_published:
        raise PublishError(
            f"“{submission}” is already published: add a new document to give "
            "another witness."
        )
    try:
        with transaction.atomic():
            locked = Submission.objects.select_for_update().get(pk=submission.pk)
            if locked.is_published:
                raise PublishError(f"“{submission}” was published meanwhile.")
            files = render(fixture_objects(archive_with(submission, sources_dir)))
            with tempfile.TemporaryDirectory() as folder:
                for name, content in files.items():
                    (Path(folder) / name).write_text(content, encoding="utf-8")
                report = load_archive(folder, reason=reason_for(submission))
            submission.status = Submission.Status.PUBLISHED
            submission.published_at = timezone.now()
            submission._change_reason = reason_for(submission)
            submission.save(update_fields=["status", "published_at"])
            search_index.rebuild()
    except ParseError as error:
        raise PublishError(f"The archive cannot be built with it: {error}") from None
    except LoadError as error:
        raise PublishError(f"The archive refused it: {error}") from None
    return report
