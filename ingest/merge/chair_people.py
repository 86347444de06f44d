"""The people of a chair's term: one per human being, each in one role, every
witness cited.

A witness is a document naming a person as (or in) the chair of a term. Spellings
of one person are joined by person_identity (an explicit table, never by
likeness); the name shown is the best witness's, the others kept as variants.
"""

import re
from dataclasses import dataclass

from ingest import names
from ingest.facts import ChairEvidence
from ingest.merge.records import Person
from ingest.people import is_capitalised_spelling, person_identity, split_honorific

# What a witness's words say of a role: the regime's chair, or a co-chair.
_REGIME_CHAIR = re.compile(r"\bchair(?:man|person)?\b", re.IGNORECASE)
_CO_CHAIR = re.compile(r"\bco-?chair", re.IGNORECASE)


@dataclass
class Witness:
    source: object  # merge.records.Source
    found: object  # facts.Person, as the witness names them
    evidence: ChairEvidence | None  # None: a chair of the report of the meeting
    report: object  # facts.PlenaryReport the witness reports on, if any
    title: str
    name: str

    @property
    def rank(self):
        """The lead's rule for witnesses: the meeting's own statement (or a cable
        carrying it) first, other official accounts next, overviews last."""
        kind = self.source.kind
        own = (
            self.report is not None
            and self.report.is_primary
            and not self.report.is_mention
            and (self.evidence is None or self.evidence.term == "current")
        )
        if own and kind in ("statement", "chair-report", "cable"):
            return 0
        if kind in ("overview", "encyclopedia", "presentation"):
            return 2
        return 1

    @property
    def session_chair(self):
        return self.evidence is not None and self.evidence.session_chair

    @property
    def names_regime_chair(self):
        """Whether the witness names the regime's chair (not only who chaired
        the meeting): a chair claim, or words such as "Chair of the MTCR"."""
        if self.session_chair:
            return False
        role = self.found.role
        return not role or bool(_REGIME_CHAIR.search(role))

    @property
    def says_co_chair(self):
        note = self.evidence.note if self.evidence is not None else ""
        return bool(_CO_CHAIR.search(f"{self.found.role} {note}"))


def witness(source, found, evidence=None, report=None):
    """A Witness, a title written into the name ("Mr Roland Smith") moved out."""
    title, name = split_honorific(found.name)
    if evidence is not None and report is None:
        report = evidence.plenary
    return Witness(source, found, evidence, report, found.title or title, name)


def countries_named_as_people(term):
    """A country is never a person: a witness that names one as the chair ("the
    chair, Norway") is evidence of the term's country, and cited as such."""
    people = []
    for seen in term["people"]:
        code = names.country_named(seen.name)
        if code is None:
            people.append(seen)
            continue
        evidence = ChairEvidence(
            term="current", passage=seen.found.passage, countries=[code]
        )
        term["evidence"].append((seen.source, evidence))
    term["people"] = people


def chair_people(archive, slug, term):
    """The people the witnesses name in the term, each cited under
    "person:<key>" with the spelling as the witness writes it; a spelling the
    record does not follow shows as a disagreement."""
    witnesses = {}
    for seen in sorted(term["people"], key=lambda w: w.rank):
        if seen.name:
            key = person_identity(seen.name)
            witnesses.setdefault(key, []).append(seen)
    people = {key: _person(key, seen) for key, seen in witnesses.items()}
    _assign_roles(people, witnesses)
    for key, person in people.items():
        for seen in witnesses[key]:
            claim = f"{seen.title} {seen.name}".strip()
            archive.cite(
                seen.source,
                "chairmanship",
                slug,
                f"person:{key}"[:50],
                f"{claim} ({seen.found.role})" if seen.found.role else claim,
                seen.found.passage,
                seen.name.casefold() == person.name.casefold(),
            )
    return list(people.values())


def _person(key, witnesses):
    """One person from the witnesses naming them, best first: the best spelling
    (one that writes no word in capitals, as some texts write a family name),
    the other spellings kept, the first title and position given."""
    spellings = list(dict.fromkeys(seen.name for seen in witnesses))
    plain = [s for s in spellings if not is_capitalised_spelling(s)]
    name = (plain or spellings)[0]
    return Person(
        name=name,
        title=next((seen.title for seen in witnesses if seen.title), ""),
        position=next((w.found.position for w in witnesses if w.found.position), ""),
        key=key,
        variants=[spelling for spelling in spellings if spelling != name],
        described="; ".join(
            dict.fromkeys(seen.found.role for seen in witnesses if seen.found.role)
        ),
    )


def _assign_roles(people, witnesses):
    """Chair, co-chair, or session chair: who chaired the meeting itself, where a
    witness says so, or where every witness says only that while another person
    is named the regime's chair (Copenhagen 2006)."""
    regime = {
        key
        for key, seen in witnesses.items()
        if any(w.names_regime_chair for w in seen)
    }
    for key, person in people.items():
        explicit = any(seen.session_chair for seen in witnesses[key])
        if key not in regime and (explicit or regime):
            person.role = "session-chair"
    chairs = [person for person in people.values() if person.role != "session-chair"]
    for person in chairs:
        if len(chairs) > 1 or any(w.says_co_chair for w in witnesses[person.key]):
            person.role = "co-chair"
