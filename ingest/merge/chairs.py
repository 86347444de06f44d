"""Chairmanships: one term per plenary, from its host or the chairs the texts name."""

from ingest import names
from ingest.merge.chair_people import chair_people, countries_named_as_people, witness
from ingest.merge.plenaries import announcing_index, index_of
from ingest.merge.records import Chairmanship


def _term_index(archive, evidence):
    if evidence.term == "on-date":
        started = [
            i
            for i, p in enumerate(archive.plenaries)
            if p.dates.start <= evidence.date.start
        ]
        return started[-1] if started else None
    if evidence.term == "in-year":
        for index, plenary in enumerate(archive.plenaries):
            if plenary.dates.start.year == evidence.year and (
                not evidence.countries or plenary.country in evidence.countries
            ):
                return index
        return None
    if evidence.term == "next":
        index = announcing_index(archive, evidence)
        return index + 1 if index is not None else None
    index = index_of(archive, evidence.plenary) if evidence.plenary else None
    if index is None:
        return None
    return index - 1 if evidence.term == "previous" else index


def _gather_terms(archive):
    """One term per plenary: the evidence on who chairs it, the people named as its
    chair (reports first, then the other evidence) and its announcements."""
    terms = [
        {"countries": [], "evidence": [], "people": [], "announced": []}
        for _ in archive.plenaries
    ]
    for source in sorted(archive.sources, key=lambda s: not s.is_primary):
        for evidence in source.facts.chairs if source.facts else []:
            index = _term_index(archive, evidence)
            if index is None or not 0 <= index < len(terms):
                continue
            terms[index]["evidence"].append((source, evidence))
            if evidence.announcement and evidence.countries:
                terms[index]["announced"].append(evidence.passage)
    for index, plenary in enumerate(archive.plenaries):
        for source, report in plenary.reports:
            for person in report.chairs:
                terms[index]["people"].append(witness(source, person, None, report))
    for term in terms:
        for source, evidence in list(term["evidence"]):
            if evidence.person:
                term["people"].append(witness(source, evidence.person, evidence))
        countries_named_as_people(term)
    return terms


def _named_countries(term):
    """The countries the evidence names as chair, in order of first mention."""
    explicit = []
    for _, evidence in term["evidence"]:
        explicit.extend(c for c in evidence.countries if c not in explicit)
    return explicit


def _country_names(codes):
    return ", ".join(sorted(names.COUNTRY_BY_ISO[c].name for c in codes))


def _cite_countries(archive, plenary, chairmanship, term, explicit):
    """Cite each passage naming the chair, then the host's own reports (the host
    takes the chair at its plenary)."""
    slug, countries = chairmanship.slug, chairmanship.countries
    for source, evidence in term["evidence"]:
        if evidence.countries:
            archive.cite(
                source,
                "chairmanship",
                slug,
                "countries",
                _country_names(evidence.countries),
                evidence.passage,
                set(evidence.countries) <= set(countries),
            )
    claim = _country_names(countries)
    for source, report in plenary.reports:
        if report.country and not report.is_mention:
            archive.cite(
                source,
                "chairmanship",
                slug,
                "countries" if not explicit else "",
                claim if not explicit else "",
                report.country.passage,
            )


def _chairmanship(archive, index, term):
    """The term that starts at the index-th plenary, with its citations."""
    plenary = archive.plenaries[index]
    explicit = _named_countries(term)
    countries = list(explicit) or [plenary.country]
    if plenary.country in countries:
        countries.remove(plenary.country)
        countries.insert(0, plenary.country)
    year = plenary.dates.start.year
    slug = f"{year}-" + "-".join(names.COUNTRY_BY_ISO[c].slug for c in countries)
    following = (
        archive.plenaries[index + 1] if index + 1 < len(archive.plenaries) else None
    )
    unrecorded = following is not None and _unrecorded_between(plenary, following)
    chairmanship = Chairmanship(
        slug=slug,
        countries=countries,
        start_plenary=plenary.slug,
        end_plenary=following.slug if following and not unrecorded else "",
        announced=" ".join(dict.fromkeys(term["announced"])),
        countries_inferred=not explicit,
    )
    _cite_countries(archive, plenary, chairmanship, term, explicit)
    notes = []
    if not explicit:
        notes.append(
            "Inferred: no witness names the chairing country; the host of this "
            "plenary is taken to chair until the next one, as the regime's "
            "practice is."
        )
    if unrecorded:
        notes.append(
            f"The plenaries between this one and the {following.number}th are "
            "not recorded, so the term's end is not known."
        )
    chairmanship.notes = " ".join(notes)
    chairmanship.people = chair_people(archive, slug, term)
    return chairmanship


def _unrecorded_between(plenary, following):
    """Whether plenaries the archive has no record of fell between two (their
    numbers are known and not consecutive: the 1st in 1988, the 5th in 1991)."""
    if plenary.number is None or following.number is None:
        return False
    return following.number - plenary.number > 1


def merge_chairmanships(archive):
    terms = _gather_terms(archive)
    for index, term in enumerate(terms):
        archive.chairmanships.append(_chairmanship(archive, index, term))
