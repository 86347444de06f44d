"""The gazetteer: every spelling the documents use finds its country or region."""

import pytest

from ingest import names


@pytest.mark.parametrize(
    ("spelling", "code"),
    [
        ("the Republic of Korea", "KR"), ("South Korea", "KR"), ("Korea", "KR"),
        ("the Russian Federation", "RU"), ("Russia", "RU"), ("DPRK", "KP"),
        ("North Korea", "KP"), ("Democratic People’s Republic of Korea", "KP"),
        ("Democratic People's Republic of Korea", "KP"), ("The Netherlands", "NL"),
        ("the Netherlands", "NL"), ("Macedonia", "MK"), ("the Czech Republic", "CZ"),
        ("the United States of America", "US"), ("the United Kingdom", "GB"),
        ("Islamic Republic of Pakistan", "PK"), ("REPUBLIC OF KOREA", "KR"),
    ],
)  # fmt: skip
def test_every_spelling_names_its_country(spelling, code):
    assert names.country_named(spelling) == code


def test_adjectives_find_countries_in_passing_but_are_not_names():
    text = "the threat posed by the Iranian and North Korean missile programs"
    assert names.country_codes(text) == ["IR", "KP"]
    assert names.country_named("Iranian") is None


def test_the_longest_spelling_wins():
    """'Democratic People's Republic of Korea' is not the Republic of Korea."""
    text = "the Democratic People’s Republic of Korea and the Republic of Korea"
    assert names.country_codes(text) == ["KP", "KR"]


def test_a_member_list_reads_whole():
    listed = names.read_country_list(
        "Argentina, the Czech Republic, the Russian Federation, the United Kingdom "
        "and the United States of America"
    )
    assert listed.codes == ["AR", "CZ", "RU", "GB", "US"]
    assert listed.unknown == []


def test_unknown_names_in_a_list_are_reported_not_guessed():
    assert names.read_country_list("Argentina and Exampleland").unknown == [
        "Exampleland"
    ]


def test_regions_of_concern_including_two_at_once():
    text = "developments in South and North East Asia and in the Middle East"
    assert names.find_regions(text) == ["south-asia", "northeast-asia", "middle-east"]
    assert names.find_regions("the Asian Export Control Seminar") == []


def test_cities_give_their_country():
    assert names.city_country("BUSAN") == ("Busan", "KR")
    assert names.city_country("Rio de Janeiro") == ("Rio de Janeiro", "BR")
    assert names.city_country("Exampleville") is None


def test_the_states_the_documents_discuss_are_in_the_gazetteer(real_sources):
    """Non-partners the documents name (outreach, adherents, concerns) resolve, and
    no ISO code is used twice."""
    codes = [country.iso_code for country in names.COUNTRIES]
    assert len(codes) == len(set(codes))
    for spelling in ["Belarus", "Thailand", "Jordan", "Singapore", "Syria", "Taiwan",
                     "Saudi Arabia", "Pakistan", "Kazakhstan", "Estonia", "Latvia",
                     "Israel", "Romania", "Slovakia", "China", "India"]:  # fmt: skip
        assert (
            spelling
            in real_sources["nti-mtcr-overview.txt"]
            + real_sources["buenos-aires-2011-statement.txt"]
        )
        assert names.country_named(spelling)


def test_slugs_are_ascii():
    assert names.slugify("Roald Næss") == "roald-naess"
    assert names.slugify("Per Stig Møller") == "per-stig-moller"
    assert names.slugify("Republic of Korea") == "republic-of-korea"
