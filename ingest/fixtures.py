"""The archive as Django JSON fixtures: natural keys, no pks, sorted, byte-stable.

One file per model, as `ingest.tables` names it. Only the countries, regions and
resolutions that some record refers to are written (not the whole gazetteer).

Citations: `key` is "<file>#<model>/<record key>/<field or 'record'>[/n]";
`passage` is quoted from the source (whitespace normalised); `field`/`claim` are,
by model:

- plenary: number, city, country, dates ("2011-04-11/2011-04-15", "1994-10",
  "1988"), start and end (a witness of one day alone, or where the record's days
  come from different witnesses: "2012-10-24"), opened_by, summary, next_host,
  next_announcement (claim: the dates announced, "2018"), member_count and
  listed_count (the number a witness states, and how many its list names),
  and resolutions,
  countries_of_concern, regions_of_concern (claim: what that document cites for
  the meeting, e.g. "1540, 1874, 1929");
- chairmanship: countries ("Luxembourg, Netherlands"), person:<name>;
- membership: since (what that witness says: "1997", "by 1998-10-05",
  "not yet on 1997-11-06"), founding;
- adherence: kind, declared ("by 2016-10-21", "2017-10"), ended;
- annex_revision: date, adopted_at; event: date.

Field "" (claim "") is corroborating evidence for the record as a whole, such as
a less precise date consistent with the one followed ("in October"). Claims that
differ within a field are a disagreement; `is_followed` is false on the claims
the record does not follow (ingest.merge.witnesses: the written rule). A claim of
the archivist's records has a locator for its passage ("claims.csv, row 12") and
the archivist's note in `note`.
"""

import json

from ingest import names
from ingest.build import build_archive
from ingest.tables import BY_LABEL, TABLES


def _date(value):
    return value.isoformat() if value else None


def _fk(value):
    return [value] if value not in (None, "") else None


def _m2m(values):
    return sorted([value] for value in values)


def _plenary(plenary):
    return {
        "slug": plenary.slug,
        "number": plenary.number,
        "city": plenary.city,
        "country": [plenary.country],
        "country_inferred": plenary.country_inferred,
        "start_date": _date(plenary.dates.start),
        "end_date": None if plenary.open_end else _date(plenary.dates.end),
        "date_precision": plenary.dates.precision,
        "latest_day": None if plenary.open_end else _date(plenary.dates.period_end),
        "opened_by": plenary.opened_by,
        "statement": plenary.statement,
        "summary": plenary.summary,
        "next_host": _fk(plenary.next_host),
        "next_announcement": plenary.next_announcement,
        "resolutions": _m2m(plenary.resolutions),
        "countries_of_concern": _m2m(plenary.countries_of_concern),
        "regions_of_concern": _m2m(plenary.regions_of_concern),
        "countries_named": _m2m(plenary.countries_named),
    }


def _source(source):
    published = source.published
    return {
        "file_name": source.file_name,
        "slug": source.slug,
        "title": source.title,
        "kind": source.kind,
        "publisher": source.publisher,
        "published": _date(published.start) if published else None,
        "published_precision": published.precision if published else "day",
        "url": source.url,
        "plenary": _fk(source.plenary),
        "text": source.text,
        "held": source.held,
        "note": source.note,
        "unread_reason": source.unread_reason,
        "original": _fk(source.original),
    }


_RECORD_FIELD = {
    "plenary": "plenary",
    "chairmanship": "chairmanship",
    "event": "event",
    "membership": "membership",
    "adherence": "adherence",
    "annex_revision": "annex_revision",
}


def _citation(citation):
    fields = {
        "key": citation.key,
        "source": [citation.source],
        "passage": citation.passage,
        "field": citation.field,
        "claim": citation.claim,
        "is_followed": citation.is_followed,
        "note": citation.note,
        "inferred": citation.inferred,
    }
    for name in _RECORD_FIELD.values():
        fields[name] = None
    if citation.model == "adherence":
        fields["adherence"] = citation.record.split("/")
    else:
        fields[_RECORD_FIELD[citation.model]] = [citation.record]
    return fields


def _chairmanship(chair):
    return {
        "slug": chair.slug,
        "countries": _m2m(chair.countries),
        "start_plenary": _fk(chair.start_plenary),
        "end_plenary": _fk(chair.end_plenary),
        "announced": chair.announced,
        "countries_inferred": chair.countries_inferred,
        "notes": chair.notes,
    }


def _chair_person(chair, person):
    return {
        "chairmanship": [chair.slug],
        "person": [person.key],
        "role": person.role,
        "title": person.title,
        "position": person.position,
        "described": person.described,
    }


def _people(archive):
    """Each person once, however many terms they served: the name and the other
    spellings of their first term's witnesses, and the spellings of the others."""
    people = {}
    for chair in archive.chairmanships:
        for person in chair.people:
            known = people.setdefault(
                person.key, {"key": person.key, "name": person.name, "variants": []}
            )
            for spelling in [person.name, *person.variants]:
                if spelling != known["name"] and spelling not in known["variants"]:
                    known["variants"].append(spelling)
    for fields in people.values():
        yield "plenaries.person", fields


def _membership(membership):
    return {
        "country": [membership.country],
        "since_earliest": _date(membership.since_earliest),
        "since_latest": _date(membership.since_latest),
        "since_precision": membership.since_precision,
        "founding": membership.founding,
        "notes": membership.notes,
    }


def _adherence(adherence):
    return {
        "country": [adherence.country],
        "kind": adherence.kind,
        "declared_earliest": _date(adherence.declared_earliest),
        "declared_latest": _date(adherence.declared_latest),
        "declared_precision": adherence.declared_precision,
        "ended": _date(adherence.ended),
        "notes": adherence.notes,
    }


def _annex_revision(revision):
    return {
        "slug": revision.slug,
        "date": _date(revision.date.start),
        "date_precision": revision.date.precision,
        "latest_day": _date(revision.date.period_end),
        "adopted_at_inferred": revision.adopted_at_inferred,
        "summary": revision.summary,
        "description": revision.description,
        "adopted_at": _fk(revision.adopted_at),
        "meeting": revision.meeting,
    }


def _event(event):
    end = event.dates.end if event.dates.end != event.dates.start else None
    return {
        "slug": event.slug,
        "kind": event.kind,
        "title": event.title,
        "description": event.description,
        "date": _date(event.dates.start),
        "end_date": _date(end),
        "date_precision": event.dates.precision,
        "countries": _m2m(event.countries),
        "plenary": _fk(event.plenary),
    }


def _country(code):
    country = names.COUNTRY_BY_ISO[code]
    return {
        "name": country.name,
        "iso_code": country.iso_code,
        "slug": country.slug,
        "other_names": list(country.other_names),
    }


def _region(slug):
    return {"name": names.REGION_BY_SLUG[slug].name, "slug": slug}


def _referenced(archive):
    """The codes of the countries, slugs of the regions and numbers of the
    resolutions that some record refers to: the only ones written."""
    countries, regions, resolutions = set(), set(), set()
    for plenary in archive.plenaries:
        countries.update([plenary.country, *plenary.countries_of_concern])
        countries.update(plenary.countries_named)
        if plenary.next_host:
            countries.add(plenary.next_host)
        regions.update(plenary.regions_of_concern)
        resolutions.update(plenary.resolutions)
    for chair in archive.chairmanships:
        countries.update(chair.countries)
    countries.update(membership.country for membership in archive.memberships)
    countries.update(adherence.country for adherence in archive.adherences)
    for event in archive.events:
        countries.update(event.countries)
    return countries, regions, resolutions


def _records(archive):
    """(model label, fields) of every record the archive's fixtures hold."""
    for source in archive.sources:
        yield "evidence.sourcedocument", _source(source)
    for plenary in archive.plenaries:
        yield "plenaries.plenary", _plenary(plenary)
    for chair in archive.chairmanships:
        yield "plenaries.chairmanship", _chairmanship(chair)
        for person in chair.people:
            yield "plenaries.chairperson", _chair_person(chair, person)
    yield from _people(archive)
    for membership in archive.memberships:
        yield "members.membership", _membership(membership)
    for adherence in archive.adherences:
        yield "members.adherence", _adherence(adherence)
    for revision in archive.annex_revisions:
        yield "annex.annexrevision", _annex_revision(revision)
    for event in archive.events:
        yield "plenaries.event", _event(event)
    for citation in archive.citations:
        yield "evidence.citation", _citation(citation)
    countries, regions, resolutions = _referenced(archive)
    for code in countries:
        yield "members.country", _country(code)
    for slug in regions:
        yield "members.region", _region(slug)
    for number in resolutions:
        yield "plenaries.resolution", {"number": number}


def fixture_objects(archive):
    """{file name: [fixture objects]} for an archive, one file per table."""
    objects = {table.fixture: [] for table in TABLES}
    for label, fields in _records(archive):
        objects[BY_LABEL[label].fixture].append({"model": label, "fields": fields})
    for items in objects.values():
        items.sort(key=_sort_key)
    return objects


def _sort_key(item):
    fields = item["fields"]
    for name in ("key", "slug", "iso_code", "file_name", "number"):
        if name in fields:
            return (0, str(fields[name]).zfill(6) if name == "number" else fields[name])
    return (1, json.dumps(fields, sort_keys=True, ensure_ascii=False))


def render(objects):
    """{file name: file content}: the JSON each fixture file holds, byte-stable."""
    return {
        name: json.dumps(items, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        for name, items in objects.items()
    }


def build_fixtures(sources_dir):
    """{file name: content} of every fixture file, from the documents."""
    return render(fixture_objects(build_archive(sources_dir)))
