"""Statements of three decades word their meeting, dates and chairs in more ways
than the five documents in sources/: each form here (written for these tests, in
the style of real statements, with invented names) gives the facts it states."""

import pytest

from ingest import names
from ingest.catalogue import parse_published
from ingest.documents.statement import StatementError, parse_statement
from ingest.people import person_key, split_title
from ingest.sentences import parse_person

ROLE = "chaired the plenary"
UNTIL = "Chair of the MTCR until the next plenary"

FORMS = {
    # id: (text, catalogue title, published, expected facts)
    "person-before-the-verb": (
        "The MTCR held its 20th Plenary Meeting in Madrid from 3 to 7 October 2005. "
        "Ambassador Elena Muestra of the Foreign Ministry chaired the meeting.",
        "", None,
        {"dates": "2005-10-03/2005-10-07",
         "chairs": [("Ambassador", "Elena Muestra", "Foreign Ministry", ROLE)]},
    ),
    "long-position-after-the-name": (
        "The MTCR held its 12th Plenary Meeting in Edinburgh from 14 to 17 October "
        "1997. Mr Rowan Example, Director for International Security in the Foreign "
        "and Commonwealth Office, chaired the Plenary.",
        "", None,
        {"dates": "1997-10-14/1997-10-17",
         "chairs": [("Mr", "Rowan Example", "Director for International Security "
                     "in the Foreign and Commonwealth Office", ROLE)]},
    ),
    "elected-to-chair": (
        "The 22nd Plenary Meeting of the MTCR took place in Athens from 5 to 9 "
        "November 2007. Ambassador Nikos Paradeigma was elected to chair the Plenary.",
        "", None,
        {"dates": "2007-11-05/2007-11-09",
         "chairs": [("Ambassador", "Nikos Paradeigma", "", ROLE)]},
    ),
    "confirmed-as-chair-until-the-next-plenary": (
        "The MTCR held its 19th Plenary Meeting in Prague from 9 to 11 November 2004. "
        "Mr Tomas Vzor of the Czech Republic was confirmed as Chair of the MTCR until "
        "the next plenary.",
        "", None,
        {"dates": "2004-11-09/2004-11-11",
         "chairs": [("Mr", "Tomas Vzor", "Czech Republic", UNTIL)]},
    ),
    "co-chairs-with-different-titles": (
        "The MTCR held its 31st Plenary Meeting in Dublin from 16 to 20 October 2017. "
        "Ambassador Aoife Sampla of Ireland and Minister-Counsellor Jon Daemi of "
        "Iceland co-chaired the Plenary.",
        "", None,
        {"dates": "2017-10-16/2017-10-20",
         "chairs": [("Ambassador", "Aoife Sampla", "Ireland", "co-chaired the plenary"),
                    ("Minister-Counsellor", "Jon Daemi", "Iceland",
                     "co-chaired the plenary")],
         "countries": ["IE", "IS"]},
    ),
    "co-chaired-by-different-titles": (
        "The MTCR held its 31st Plenary Meeting in Dublin from 16 to 20 October 2017. "
        "The Plenary was co-chaired by Ambassador Aoife Sampla of Ireland and "
        "Minister-Counsellor Jon Daemi of Iceland.",
        "", None,
        {"dates": "2017-10-16/2017-10-20",
         "chairs": [("Ambassador", "Aoife Sampla", "Ireland", "co-chaired the plenary"),
                    ("Minister-Counsellor", "Jon Daemi", "Iceland",
                     "co-chaired the plenary")],
         "countries": ["IE", "IS"]},
    ),
    "chaired-by-a-country": (
        "The MTCR held its 9th Plenary Meeting in Oslo from 2 to 4 July 1992. "
        "The Plenary was chaired by Norway.",
        "", None,
        {"dates": "1992-07-02/1992-07-04", "chairs": [], "countries": ["NO"]},
    ),
    "chaired-by-two-countries": (
        "The MTCR held its 29th Plenary Meeting in Rotterdam from 5 to 9 October 2015. "
        "The Plenary was co-chaired by the Netherlands and Luxembourg.",
        "", None,
        {"dates": "2015-10-05/2015-10-09", "chairs": [], "countries": ["NL", "LU"]},
    ),
    "a-country-before-the-verb": (
        "The MTCR held its 9th Plenary Meeting in Oslo from 2 to 4 July 1992. "
        "Norway chaired the Plenary.",
        "", None,
        {"dates": "1992-07-02/1992-07-04", "chairs": [], "countries": ["NO"]},
    ),
    "under-the-chairmanship-of-a-country": (
        "The MTCR held its 29th Plenary Meeting in Rotterdam from 5 to 9 October 2015 "
        "under the chairmanship of the Netherlands.",
        "", None,
        {"dates": "2015-10-05/2015-10-09", "chairs": [], "countries": ["NL"]},
    ),
    "between-with-spaced-en-dash": (
        "The MTCR held its 29th Plenary Meeting in Rotterdam between 5 – 9 October "
        "2015.",
        "", None, {"dates": "2015-10-05/2015-10-09"},
    ),
    "between-with-spaced-hyphen": (
        "The MTCR held its 29th Plenary Meeting in Rotterdam between 5 - 9 October "
        "2015.",
        "", None, {"dates": "2015-10-05/2015-10-09"},
    ),
    "between-with-unspaced-em-dash": (
        "The MTCR held its 29th Plenary Meeting in Rotterdam between 5—9 October 2015.",
        "", None, {"dates": "2015-10-05/2015-10-09"},
    ),
    "between-with-a-non-breaking-hyphen": (
        "The MTCR held its 29th Plenary Meeting in Rotterdam between 5\u20119 "
        "October 2015.",
        "", None, {"dates": "2015-10-05/2015-10-09"},
    ),
    "between-with-a-spaced-figure-dash": (
        "The MTCR held its 29th Plenary Meeting in Rotterdam between 5 \u2012 9 "
        "October 2015.",
        "", None, {"dates": "2015-10-05/2015-10-09"},
    ),
    "elected-to-chair-until-the-next-plenary": (
        "The MTCR held its 29th Plenary Meeting in Rotterdam from 5 to 9 October "
        "2015. Dr Ana Primer of Spain was elected to chair the MTCR until the next "
        "plenary.",
        "", None,
        {"dates": "2015-10-05/2015-10-09",
         "chairs": [("Dr", "Ana Primer", "Spain", f"{ROLE}; {UNTIL}")]},
    ),
    "between-and": (
        "The MTCR held its 29th Plenary Meeting in Rotterdam between 5 and 9 October "
        "2015.",
        "", None, {"dates": "2015-10-05/2015-10-09"},
    ),
    "days-across-months-year-in-the-title": (
        "The MTCR held its Plenary Meeting in Sochi from 29 June to 2 July.",
        "Public Statement of the MTCR Plenary, Sochi 2026", None,
        {"dates": "2026-06-29/2026-07-02"},
    ),
    "days-across-months-year-in-the-catalogue": (
        "The MTCR held its Plenary Meeting in Sochi from 29 June to 2 July.",
        "", "2026-07-03",
        {"dates": "2026-06-29/2026-07-02"},
    ),
    "dateline-is-the-release-not-the-meeting": (
        "Rotterdam, 9 October 2015 – The MTCR held its 29th Plenary Meeting in "
        "Rotterdam from 5 to 9 October.",
        "", None, {"dates": "2015-10-05/2015-10-09"},
    ),
    "dateline-with-a-hyphen-and-meeting-days-before-it": (
        "THE HAGUE, 12 October 2015 - The MTCR held its 29th Plenary Meeting in "
        "Rotterdam from 5 to 9 October.",
        "", None, {"dates": "2015-10-05/2015-10-09"},
    ),
    "dateline-on-its-own-line": (
        "Rotterdam, 9 October 2015\n\nThe MTCR held its 29th Plenary Meeting in "
        "Rotterdam from 5 to 9 October.",
        "", None, {"dates": "2015-10-05/2015-10-09"},
    ),
    "opens-tomorrow-from-the-dateline": (
        "Busan, 16 October 2016 – The 30th Plenary Meeting of the MTCR opens tomorrow "
        "in Busan.",
        "", None, {"dates": "2016-10-17", "announced": True},
    ),
    "opens-tomorrow-from-the-catalogue-date": (
        "The 33rd Plenary Meeting of the MTCR opens tomorrow in Sochi.",
        "", "2026-09-27", {"dates": "2026-09-28", "announced": True},
    ),
    "opened-by-a-foreign-minister": (
        "The MTCR held its 26th Plenary Meeting in Berlin from 10 to 13 September "
        "2012. Foreign Minister Beispiel opened the meeting.",
        "", None,
        {"dates": "2012-09-10/2012-09-13", "opener": "Foreign Minister Beispiel"},
    ),
}  # fmt: skip


def read(text, title, published):
    published = parse_published(published) if published else None
    return parse_statement(text, title=title, published=published)


@pytest.mark.parametrize(("text", "title", "published", "expected"),
                         FORMS.values(), ids=FORMS.keys())  # fmt: skip
def test_each_form_gives_the_facts_it_states(text, title, published, expected):
    facts = read(text, title, published)
    report = facts.plenaries[0]
    assert report.dates.value.claim == expected["dates"]
    assert report.dates.value.precision == "day"
    assert report.announced == expected.get("announced", False)
    if "chairs" in expected:
        chairs = [(p.title, p.name, p.position, p.role) for p in report.chairs]
        assert chairs == expected["chairs"]
    if "countries" in expected:
        current = [e.countries for e in facts.chairs if e.term == "current"]
        assert current == [expected["countries"]]
    if "opener" in expected:
        assert report.opened_by.value == expected["opener"]


def test_a_country_is_never_recorded_as_a_chair_person():
    """The old reader took "chaired by Norway" for a person named Norway."""
    for form in ("chaired-by-a-country", "chaired-by-two-countries"):
        text, title, published, _ = FORMS[form]
        report = read(text, title, published).plenaries[0]
        assert not [p for p in report.chairs if names.country_named(p.name)]


def test_a_dateline_without_meeting_dates_in_the_body_gives_no_dates():
    """The release date is not the meeting's: the statement is left unread."""
    with pytest.raises(StatementError) as error:
        parse_statement(
            "Rotterdam, 9 October 2015 – The MTCR held its 29th Plenary Meeting in "
            "Rotterdam."
        )
    assert error.value.unread_reason == "no meeting date"


def test_opens_tomorrow_without_a_release_date_gives_no_dates():
    with pytest.raises(StatementError):
        parse_statement("The 33rd Plenary Meeting of the MTCR opens tomorrow in Sochi.")


@pytest.mark.parametrize(
    ("phrase", "title", "name"),
    [
        ("Mr John Quinn", "Mr", "John Quinn"),
        ("Mr. John Quinn", "Mr.", "John Quinn"),
        ("Ms Jane Example", "Ms", "Jane Example"),
        ("Dr Ana Primer", "Dr", "Ana Primer"),
        ("Foreign Minister Westerwelle", "Foreign Minister", "Westerwelle"),
        ("Minister-Counsellor Jon Daemi", "Minister-Counsellor", "Jon Daemi"),
        ("H. E. Ambassador Luis Ejemplo", "H. E. Ambassador", "Luis Ejemplo"),
    ],
)
def test_a_person_splits_into_title_and_name(phrase, title, name):
    person = parse_person(phrase)
    assert (person.title, person.name) == (title, name)


@pytest.mark.parametrize(
    ("phrase", "title", "name"),
    [
        ("Mr John Quinn", "Mr", "John Quinn"),
        ("Mr. John Quinn", "Mr", "John Quinn"),
        ("H. E. Ambassador Luis Ejemplo", "H.E. Ambassador", "Luis Ejemplo"),
        ("Foreign Minister Westerwelle", "Foreign Minister", "Westerwelle"),
        ("Westerwelle", "", "Westerwelle"),
    ],
)
def test_split_title_normalises_honorific_punctuation(phrase, title, name):
    assert split_title(phrase) == (title, name)


def test_person_key_folds_case_accents_and_punctuation():
    assert person_key("Roberto García Moritán") == person_key("ROBERTO GARCIA-MORITAN")
    assert person_key("Mr. John Quinn") == person_key("John Quinn")
    assert person_key("Per Fisher") != person_key("Per Fischer")


def test_the_reason_a_statement_is_unread_names_the_missing_facts():
    with pytest.raises(StatementError) as error:
        parse_statement("The MTCR held its 50th Plenary Meeting in Exampleville.")
    assert error.value.unread_reason == "no meeting date, no host country"
