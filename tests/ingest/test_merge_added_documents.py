"""Documents added to sources/: statements of years the others lack extend the
archive; any added document builds, or fails with the parser's error."""

import datetime

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

D = datetime.date


def test_statements_of_years_the_sources_lack_extend_the_archive(tmp_path):
    """Two golden statements (one co-chaired, one dated across a year) added to the
    catalogue give two more plenaries, each with its chair term, after Montreux
    (the 34th: the 35th is unrecorded, so Montreux's term has no known end)."""
    import shutil

    from django.conf import settings

    from ingest.build import build_archive

    from .conftest import GOLDEN

    sources = tmp_path / "sources"
    shutil.copytree(settings.SOURCES_DIR, sources)
    plenaries_before = len(build_archive(sources).plenaries)
    entries = []
    for name, title in [
        ("lisbon-statement-year-in-title", "Public Statement, Lisbon, 4 October 2024"),
        ("wellington-statement-us-style", "Public Statement, Wellington"),
    ]:
        shutil.copy(GOLDEN / f"{name}.txt", sources)
        entries.append(
            f'\n[[document]]\nfile = "{name}.txt"\ntitle = "{title}"\n'
            'kind = "statement"\n'
        )
    with (sources / "catalogue.toml").open("a", encoding="utf-8") as catalogue:
        catalogue.write("".join(entries))
    extended = build_archive(sources)
    assert len(extended.plenaries) == plenaries_before + 2
    lisbon, wellington = extended.plenaries[-2:]
    assert (lisbon.slug, lisbon.number, lisbon.country) == ("2024-lisbon", 36, "PT")
    assert wellington.dates.claim == "2025-12-29/2026-01-02"
    joint = chair_of(extended, "2024-lisbon")
    assert (joint.slug, joint.countries) == ("2024-portugal-netherlands", ["PT", "NL"])
    assert [p.name for p in joint.people] == ["Ana Exemplo", "Jan Voorbeeld"]
    assert joint.end_plenary == "2025-wellington"
    montreux = chair_of(extended, "2022-montreux")
    assert montreux.end_plenary == ""
    assert "between this one and the 36th are not recorded" in montreux.notes
    # A chair named without a country: the person is kept, the country inferred.
    wellington_term = chair_of(extended, "2025-wellington")
    assert [p.name for p in wellington_term.people] == ["Sam Sample"]
    assert wellington_term.countries_inferred
    assert "no witness names the chairing country" in wellington_term.notes


STATEMENT_PIECES = [
    "The MTCR held its", "25th", "30th", "36th", "Plenary Meeting", "in",
    "Buenos Aires", "Busan", "Exampleville", "Norway", "from 11 to 15 April 2011",
    "from 17 to 21 October 2016", "on 1-3 May 2025", ".",
    "chaired by Ambassador A B.", "outgoing MTCR Chair (Brazil).",
    "incoming MTCR Chair (Norway).", "The MTCR has 2 members: Japan and Norway.",
    "joint MTCR Chairmanship by Ireland and Iceland in 2017-2018.",
    "Estonia has declared its adherence.", "welcomed India as a new member",
    "adopted amendments to the Annex", "The next Plenary will be held in Rome.",
    "Resolution 1540", "concern", "Iran", "\n\n",
]  # fmt: skip


@pytest.fixture(scope="module")
def sources_with_extra(tmp_path_factory):
    import shutil

    from django.conf import settings as django_settings

    folder = tmp_path_factory.mktemp("extra") / "sources"
    shutil.copytree(django_settings.SOURCES_DIR, folder)
    return folder


@pytest.mark.slow
@hypothesis_settings(max_examples=25, deadline=None)
@given(
    st.lists(st.sampled_from(STATEMENT_PIECES), max_size=25).map(" ".join),
    st.sampled_from(["statement", "chair-report"]),
)
def test_any_added_document_builds_or_fails_with_the_parsers_error(
    sources_with_extra, text, kind
):
    """A statement (or chair's report on Busan) of any content, added to the real
    sources, gives an archive or a ParseError, never another exception."""
    from ingest.build import build_archive
    from ingest.errors import ParseError
    from ingest.fixtures import fixture_objects

    catalogue = sources_with_extra / "catalogue.toml"
    original = catalogue.read_text(encoding="utf-8").split("\n# extra\n")[0]
    (sources_with_extra / "extra.txt").write_text(text, encoding="utf-8")
    plenary = 'plenary = "2016-busan"\n' if kind == "chair-report" else ""
    catalogue.write_text(
        f'{original}\n# extra\n[[document]]\nfile = "extra.txt"\ntitle = "Extra 2025"'
        f'\nkind = "{kind}"\n{plenary}',
        encoding="utf-8",
    )
    try:
        parsed_archive = build_archive(sources_with_extra)
    except ParseError:
        return
    assert len(parsed_archive.plenaries) >= 28
    fixture_objects(parsed_archive)


def chair_of(parsed_archive, plenary_slug):
    (term,) = [
        c for c in parsed_archive.chairmanships if c.start_plenary == plenary_slug
    ]
    return term
