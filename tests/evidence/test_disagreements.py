"""One rule for "the sources disagree": the Python of the pages
(evidence.claims.disagreements) and the SQL of the admin lists
(Citation.objects.contradicted) give the same answer, on the real archive and on
the edge cases (case, whitespace, no claim, no field, three sources, one source
twice), and every page that shows a disagreement uses them."""

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evidence.claims import disagreements, fold
from evidence.models import Citation, FoldedClaim
from tests.conftest import admin_url
from tests.factories import CitationFactory, PlenaryFactory, SourceDocumentFactory

pytestmark = pytest.mark.django_db

CLAIM_LENGTH = Citation._meta.get_field("claim").max_length


def record_key(citation):
    return tuple(getattr(citation, f"{name}_id") for name in Citation.FACT_FIELDS)


def contradicted_in_python():
    """The pks of the citations that disagreements() shows, record by record."""
    by_record = {}
    for citation in Citation.objects.all():
        by_record.setdefault(record_key(citation), []).append(citation)
    return {
        citation.pk
        for citations in by_record.values()
        for _field, claims in disagreements(citations)
        for claim in claims
        for citation in claim.citations
    }


def contradicted_in_sql():
    return set(Citation.objects.contradicted().values_list("pk", flat=True))


def assert_python_and_sql_agree():
    """Citation by citation, and record by record for each kind of record."""
    in_python = contradicted_in_python()
    assert contradicted_in_sql() == in_python
    annotated = Citation.objects.with_contradicted().values_list("pk", "contradicted")
    assert {pk for pk, contradicted in annotated if contradicted} == in_python
    for name in Citation.FACT_FIELDS:
        model = Citation._meta.get_field(name).related_model
        records = model.objects.annotate(
            disagree=Citation.objects.disagreeing_on(name)
        ).prefetch_related("citations")
        for record in records:
            expected = bool(disagreements(list(record.citations.all())))
            assert record.disagree is expected, (name, record.pk)
    return in_python


def folded_in_sql():
    folded = FoldedClaim("claim", CLAIM_LENGTH)
    return dict(Citation.objects.annotate(folded=folded).values_list("claim", "folded"))


def test_the_fold_joins_whitespace_and_lowers_the_letters_a_to_z():
    assert fold("  17 October\n2016\t") == "17 october 2016"
    assert fold("17\xa0\r\n  OCTOBER 2016") == "17 october 2016"
    assert fold(" \t\n") == ""
    # Other letters compare as written, as SQLite's LOWER() leaves them.
    assert fold("Roald NÆSS") == "roald nÆss"


def test_the_real_archive_disagrees_alike_in_python_and_sql():
    call_command("load_archive", verbosity=0)
    assert Citation.objects.count() > 400
    contradicted = assert_python_and_sql_agree()
    # The archive's own disagreements, as the parser marks them: each claim the
    # record does not follow is contradicted by the one it follows, except a
    # claim set aside on a field the record claims nothing of (the overview's
    # last day of Sochi 2021, from a witness wrong on its first: the record
    # gives no last day), which contradicts no other claim.
    not_followed = set(
        Citation.objects.filter(is_followed=False).values_list("pk", flat=True)
    )
    assert not_followed
    assert not_followed - contradicted == set(
        Citation.objects.filter(plenary__slug="2021-sochi", field="end").values_list(
            "pk", flat=True
        )
    )
    for claim, folded in folded_in_sql().items():
        assert folded == fold(claim), claim


def cite(plenary, source, claim, field="dates", **kwargs):
    return CitationFactory(
        plenary=plenary,
        source=source,
        passage=f"{field}: {claim}",
        field=field,
        claim=claim,
        **kwargs,
    )


@pytest.fixture
def plenary():
    return PlenaryFactory()


@pytest.fixture
def plenaries():
    return PlenaryFactory.create_batch(2)


@pytest.fixture
def sources():
    return SourceDocumentFactory.create_batch(3)


@pytest.mark.parametrize(
    ("claims", "disagree"),
    [
        (["17-21 October 2016", "17-21 october 2016"], False),
        (["17-21 October 2016", "  17-21   October\n2016 "], False),
        (["17-21 October 2016", "17\t-21 October 2016"], True),
        (["17-21 October 2016", "October 2016"], True),
        (["17-21 October 2016", ""], False),
        (["17-21 October 2016", "   "], False),
        (["", ""], False),
        (["Roald Næss", "ROALD NÆSS"], True),
        (["Roald Næss", "ROALD NæSS"], False),
        (["October 2016", "October 2016", "october  2016"], False),
        (["October 2016", "October 2016", "17 October 2016"], True),
    ],
)
def test_two_or_three_sources_disagree_when_their_folded_claims_differ(
    plenary, sources, claims, disagree
):
    for source, claim in zip(sources, claims, strict=False):
        cite(plenary, source, claim)
    contradicted = assert_python_and_sql_agree()
    assert bool(contradicted) is disagree
    # A citation without a claim is never among the contradicted.
    assert all(fold(c.claim) for c in Citation.objects.filter(pk__in=contradicted))


def test_claims_of_the_record_as_a_whole_contradict_nothing(plenary, sources):
    cite(plenary, sources[0], "Busan", field="")
    cite(plenary, sources[1], "Seoul", field="")
    assert assert_python_and_sql_agree() == set()


def test_only_the_same_field_of_the_same_record_is_compared(plenary, sources):
    cite(plenary, sources[0], "Busan", field="city")
    cite(plenary, sources[1], "Seoul", field="host")
    cite(PlenaryFactory(), sources[1], "Seoul", field="city")
    assert assert_python_and_sql_agree() == set()


def test_two_passages_of_one_source_can_disagree(plenary, sources):
    first = cite(plenary, sources[0], "17-21 October 2016")
    second = cite(plenary, sources[0], "October 2016", is_followed=False)
    cite(plenary, sources[0], "", is_followed=False)
    assert assert_python_and_sql_agree() == {first.pk, second.pk}


FIELDS = st.sampled_from(["", "dates", "city"])
# Letters that fold and letters that do not, digits, and every kind of whitespace
# the rule folds (and one it does not: a form feed).
CLAIMS = st.text(alphabet="aAbBzZéÉ19 -\t\n\r\xa0\x0c", max_size=12)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(
        st.tuples(st.integers(0, 1), st.integers(0, 2), FIELDS, CLAIMS),
        max_size=8,
    )
)
def test_generated_citations_disagree_alike_in_python_and_sql(
    plenaries, sources, citations
):
    # The fixtures are made once for all the examples; the citations each time.
    Citation.objects.all().delete()
    for record, source, field, claim in citations:
        cite(plenaries[record], sources[source], claim, field=field)
    assert_python_and_sql_agree()


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.text(
        st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
        max_size=CLAIM_LENGTH,
    )
)
def test_the_sql_fold_is_the_python_fold(plenary, sources, claim):
    Citation.objects.all().delete()
    cite(plenary, sources[0], claim)
    assert folded_in_sql() == {claim: fold(claim)}


def test_every_page_uses_the_one_rule(admin_client, client, plenary, sources):
    """Claims that differ in case and spacing only, and a citation with no claim:
    no page says the sources disagree. A real difference: every page says so."""
    cite(plenary, sources[0], "17-21 October 2016")
    cite(plenary, sources[1], "17-21  october 2016", is_followed=False)
    cite(plenary, sources[2], "", is_followed=False)

    def shown():
        listed = admin_client.get(admin_url(type(plenary), "changelist"))
        row = next(r for r in listed.context["cl"].result_list if r.pk == plenary.pk)
        flagged = (
            admin_client.get(
                admin_url(type(plenary), "changelist"), {"sources": "disagree"}
            )
            .context["cl"]
            .result_list
        )
        citations = admin_client.get(admin_url(Citation, "changelist"))
        marked = {c.pk for c in citations.context["cl"].result_list if c.contradicted}
        change = admin_client.get(admin_url(type(plenary), "change", plenary.pk))
        public = client.get(plenary.get_absolute_url())
        return {
            "list column": row.sources_disagree,
            "list filter": plenary in list(flagged),
            "citation list": bool(marked),
            "change page": "Sources disagree on dates" in change.content.decode(),
            "public page": "Where the sources disagree" in public.content.decode(),
        }

    assert not any(shown().values()), shown()
    cite(plenary, sources[2], "October 2016", is_followed=False)
    assert all(shown().values()), shown()
