"""The rows of the partner and adherent lists, as their exports and the API give
them; a country's API answer carries them too."""

from core.exports import CHUNK_SIZE, Rows, evidence, grouped
from evidence.models import Citation

from .models import Adherence, Country, Membership

# The evidence of a partnership or an adherence: what the record follows first,
# as the list pages show it.
EVIDENCE_ORDER = ("-is_followed", "pk")
# The adherent list's order, on its page and in its rows.
ADHERENT_ORDER = ("kind", "country__name")


def partner_rows(memberships, absolute):
    """`since` is EDTF ("1990", "[1997-11-07..1998-10-05]"), with the first and
    last day the partnership may have begun."""
    passages = grouped(
        Citation.objects.passages_of("membership", memberships.values("pk")).order_by(
            *EVIDENCE_ORDER
        )
    )
    for membership in memberships.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "country": membership.country.name,
            "country_code": membership.country.iso_code,
            "since": membership.since_edtf,
            "since_earliest": membership.since_earliest,
            "since_latest": membership.since_latest,
            "since_precision": membership.since_precision,
            "since_display": membership.since_display,
            "founding": membership.founding,
            "evidence": evidence(passages.get(membership.pk, ())),
            "url": absolute(Country.url_for(membership.country.slug)),
        }


PARTNER_FIELDS = (
    "country", "country_code", "since", "since_earliest", "since_latest",
    "since_precision", "since_display", "founding", "evidence", "url",
)  # fmt: skip

PARTNER_ROWS = Rows(
    fields=PARTNER_FIELDS,
    records=Membership.objects.for_export,
    build=partner_rows,
)


def adherent_rows(adherences, absolute):
    passages = grouped(
        Citation.objects.passages_of("adherence", adherences.values("pk")).order_by(
            *EVIDENCE_ORDER
        )
    )
    for adherence in adherences.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "country": adherence.country.name,
            "country_code": adherence.country.iso_code,
            "kind": adherence.kind,
            "kind_display": adherence.get_kind_display(),
            "declared": adherence.declared_edtf,
            "declared_earliest": adherence.declared_earliest,
            "declared_latest": adherence.declared_latest,
            "declared_precision": adherence.declared_precision,
            "declared_display": adherence.declared_display,
            "ended": adherence.ended,
            "evidence": evidence(passages.get(adherence.pk, ())),
            "url": absolute(Country.url_for(adherence.country.slug)),
        }


def adherent_records():
    """The adherences as their rows read them, in the list's order."""
    return Adherence.objects.for_export().order_by(*ADHERENT_ORDER)


ADHERENT_FIELDS = (
    "country", "country_code", "kind", "kind_display", "declared",
    "declared_earliest", "declared_latest", "declared_precision", "declared_display",
    "ended",
    "evidence", "url",
)  # fmt: skip

ADHERENT_ROWS = Rows(
    fields=ADHERENT_FIELDS,
    records=adherent_records,
    build=adherent_rows,
)
