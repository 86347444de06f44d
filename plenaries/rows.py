"""The rows of the plenary and chair lists, as their exports and the API give them."""

from core.dates import edtf_span
from core.exports import CHUNK_SIZE, Rows, grouped
from members.models import Country

from .models import Chairmanship, ChairPerson, Plenary, Resolution


def plenary_rows(plenaries, absolute):
    # Each list in one query, in the order of the page's prefetches: terms by
    # slug, people by pk, countries by name. Each takes the filters as a
    # subquery (a list of thousands of keys costs more), so none is read when
    # they select nothing: a text search would run in each for nothing.
    if not plenaries.exists():
        return
    selected = plenaries.values("pk")
    # By slug within a plenary, as the model's ordering (by the opening
    # plenary's date, then slug), but without joining the plenaries for it.
    terms = grouped(
        Chairmanship.objects.filter(start_plenary__in=selected)
        .order_by("start_plenary_id", "slug")
        .values_list("start_plenary", "pk")
    )
    people = grouped(
        (term, ChairPerson.name_for(title, name))
        for term, title, name in ChairPerson.objects.filter(
            chairmanship__start_plenary__in=selected
        ).values_list("chairmanship", "title", "person__name")
    )
    countries = grouped(
        Country.objects.filter(chairmanships__start_plenary__in=selected).values_list(
            "chairmanships", "name"
        )
    )
    resolutions = grouped(
        Resolution.objects.filter(plenaries__in=selected).values_list(
            "plenaries", "number"
        )
    )
    # Rows as tuples, not instances: building a Plenary per row was a large
    # share of a large export's time.
    rows = plenaries.values_list(
        "pk", "number", "slug", "city", "country_name", "country_code",
        "start_date", "end_date", "date_precision", "has_statement",
    ).iterator(chunk_size=CHUNK_SIZE)  # fmt: skip
    for pk, number, slug, city, country, code, start, end, precision, has in rows:
        begun = terms.get(pk, ())
        yield {
            "number": number,
            "slug": slug,
            "city": city,
            "country": country,
            "country_code": code,
            "start_date": start,
            "end_date": end,
            "date_precision": precision,
            "dates": Plenary(
                start_date=start, end_date=end, date_precision=precision
            ).dates_display,
            "dates_edtf": edtf_span(start, end, precision),
            "chairs": [name for term in begun for name in people.get(term, ())],
            "chair_countries": [
                name for term in begun for name in countries.get(term, ())
            ],
            "has_statement": has,
            "resolutions": resolutions.get(pk, []),
            "url": absolute(Plenary(slug=slug).get_absolute_url()),
        }


PLENARY_FIELDS = (
    "number", "slug", "city", "country", "country_code", "start_date",
    "end_date", "date_precision", "dates", "dates_edtf", "chairs",
    "chair_countries", "has_statement", "resolutions", "url",
)  # fmt: skip

PLENARY_ROWS = Rows(
    fields=PLENARY_FIELDS,
    records=Plenary.objects.for_export,
    build=plenary_rows,
)


def chair_rows(terms, absolute):
    # Countries and people in one query each, in the order of the page's
    # prefetches: countries by name, people by pk. As for plenaries, none is
    # read when the filters select nothing.
    if not terms.exists():
        return
    selected = terms.values("pk")
    countries = grouped(
        Country.objects.filter(chairmanships__in=selected).values_list(
            "chairmanships", "name", "iso_code"
        )
    )
    people = grouped(
        (person.chairmanship_id, person)
        for person in ChairPerson.objects.filter(chairmanship__in=selected)
        .select_related("person")
        .only(
            "chairmanship",
            "title",
            "position",
            "role",
            "described",
            "person__name",
            "person__key",
        )
    )
    for term in terms.iterator(chunk_size=CHUNK_SIZE):
        held_by = countries.get(term.pk, [])
        yield {
            "slug": term.slug,
            "countries": [name for name, _ in held_by],
            "country_codes": [code for _, code in held_by],
            "joint": len(held_by) > 1,
            "start_plenary": term.start_plenary_slug or "",
            "start_date": term.start_plenary_date,
            # A term's start and end: the dates of its plenaries (blank where
            # none is recorded).
            "start_edtf": edtf_span(
                term.start_plenary_date,
                term.start_plenary_end,
                term.start_plenary_precision,
            ),
            "end_plenary": term.end_plenary_slug or "",
            "end_date": term.end_plenary_date,
            "end_edtf": edtf_span(
                term.end_plenary_date, term.end_plenary_end, term.end_plenary_precision
            ),
            "people": [
                ", ".join(filter(None, [str(p), p.position, p.described]))
                for p in people.get(term.pk, ())
            ],
            "person_keys": [p.person.key for p in people.get(term.pk, ())],
            "roles": [p.role for p in people.get(term.pk, ())],
            "url": absolute(term.get_absolute_url()),
        }


CHAIR_FIELDS = (
    "slug", "countries", "country_codes", "joint", "start_plenary",
    "start_date", "start_edtf", "end_plenary", "end_date", "end_edtf", "people",
    "person_keys", "roles", "url",
)  # fmt: skip

CHAIR_ROWS = Rows(
    fields=CHAIR_FIELDS,
    records=Chairmanship.objects.for_export,
    build=chair_rows,
)
