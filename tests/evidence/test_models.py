"""The database refuses a citation that supports no record, or more than one."""

import pytest
from django.db import IntegrityError, transaction

from evidence.models import Citation
from tests.factories import (
    EventFactory,
    PlenaryFactory,
    SourceDocumentFactory,
)

pytestmark = pytest.mark.django_db


def refused(create):
    """True when the database raises IntegrityError for what `create` writes."""
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


def test_a_citation_must_support_exactly_one_record():
    source = SourceDocumentFactory()
    plenary = PlenaryFactory()
    event = EventFactory()
    assert refused(lambda: Citation.objects.create(source=source, passage="no record"))
    assert refused(
        lambda: Citation.objects.create(
            source=source, passage="two records", plenary=plenary, event=event
        )
    )
    Citation.objects.create(source=source, passage="one record", event=event)
    assert event.citations.count() == 1
