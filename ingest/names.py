"""A gazetteer: the countries, cities and regions the documents name, however spelt.

Each country has its ISO 3166-1 code, the name the archive uses, and the other
spellings the documents use ("the Republic of Korea", "South Korea", "Korea" are
all KR). Adjectives ("Iranian", "Swiss") find a country named in passing.
"""

import re
import unicodedata
from dataclasses import dataclass, field

_LIGATURES = {"æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ß": "ss", "œ": "oe", "đ": "d"}


def slugify(text):
    """ASCII, lower case, hyphens: "Republic of Korea" -> "republic-of-korea"."""
    for letter, ascii_letters in _LIGATURES.items():
        text = text.replace(letter, ascii_letters)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True)
class Country:
    iso_code: str
    name: str
    other_names: tuple = ()
    adjectives: tuple = ()

    @property
    def slug(self):
        return slugify(self.name)


@dataclass(frozen=True)
class Region:
    name: str
    other_names: tuple = ()

    @property
    def slug(self):
        return slugify(self.name)


def _c(iso, name, *other_names, adjectives=()):
    return Country(iso, name, tuple(other_names), tuple(adjectives))


COUNTRIES = [
    # The partners.
    _c("AR", "Argentina", adjectives=["Argentine", "Argentinian"]),
    _c("AU", "Australia", adjectives=["Australian"]),
    _c("AT", "Austria", adjectives=["Austrian"]),
    _c("BE", "Belgium", adjectives=["Belgian"]),
    _c("BR", "Brazil", adjectives=["Brazilian"]),
    _c("BG", "Bulgaria", adjectives=["Bulgarian"]),
    _c("CA", "Canada", adjectives=["Canadian"]),
    _c("CZ", "Czech Republic", "the Czech Republic", "Czechia", adjectives=["Czech"]),
    _c("DK", "Denmark", adjectives=["Danish"]),
    _c("FI", "Finland", adjectives=["Finnish"]),
    _c("FR", "France", adjectives=["French"]),
    _c("DE", "Germany", "Federal Republic of Germany", adjectives=["German"]),
    _c("GR", "Greece", "Hellenic Republic", adjectives=["Greek"]),
    _c("HU", "Hungary", adjectives=["Hungarian"]),
    _c("IS", "Iceland", adjectives=["Icelandic"]),
    _c("IN", "India", "Republic of India", adjectives=["Indian"]),
    _c("IE", "Ireland", "Republic of Ireland", adjectives=["Irish"]),
    _c("IT", "Italy", adjectives=["Italian"]),
    _c("JP", "Japan", adjectives=["Japanese"]),
    _c("LU", "Luxembourg", adjectives=["Luxembourgish"]),
    _c(
        "NL",
        "Netherlands",
        "the Netherlands",
        "The Netherlands",
        "Holland",
        adjectives=["Dutch"],
    ),
    _c("NZ", "New Zealand", "NZ", adjectives=["New Zealand's"]),
    _c("NO", "Norway", adjectives=["Norwegian"]),
    _c("PL", "Poland", adjectives=["Polish"]),
    _c("PT", "Portugal", adjectives=["Portuguese"]),
    _c(
        "KR",
        "Republic of Korea",
        "the Republic of Korea",
        "South Korea",
        "Korea",
        "ROK",
        adjectives=["Korean", "South Korean"],
    ),
    _c(
        "RU",
        "Russia",
        "Russian Federation",
        "the Russian Federation",
        adjectives=["Russian"],
    ),
    _c("ZA", "South Africa", "Republic of South Africa", adjectives=["South African"]),
    _c("ES", "Spain", "Kingdom of Spain", adjectives=["Spanish"]),
    _c("SE", "Sweden", adjectives=["Swedish"]),
    _c("CH", "Switzerland", "Swiss Confederation", adjectives=["Swiss"]),
    _c("TR", "Turkey", "Türkiye", "Turkiye", adjectives=["Turkish"]),
    _c("UA", "Ukraine", adjectives=["Ukrainian"]),
    _c(
        "GB",
        "United Kingdom",
        "the United Kingdom",
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        adjectives=["British"],
    ),
    _c(
        "US",
        "United States",
        "the United States",
        "United States of America",
        "the United States of America",
        "USA",
        "U.S.A.",
        "US",
        "U.S.",
        adjectives=["American"],
    ),
    # Adherents, applicants and states the texts discuss.
    _c("EE", "Estonia", adjectives=["Estonian"]),
    _c("LV", "Latvia", adjectives=["Latvian"]),
    _c("LT", "Lithuania", adjectives=["Lithuanian"]),
    _c("KZ", "Kazakhstan", "Republic of Kazakhstan", adjectives=["Kazakh"]),
    _c("IL", "Israel", "State of Israel", adjectives=["Israeli"]),
    _c(
        "MK",
        "North Macedonia",
        "Macedonia",
        "Republic of North Macedonia",
        "Former Yugoslav Republic of Macedonia",
        adjectives=["Macedonian"],
    ),
    _c("RO", "Romania", adjectives=["Romanian"]),
    _c("SK", "Slovakia", "Slovak Republic", adjectives=["Slovak"]),
    _c("SI", "Slovenia", adjectives=["Slovenian"]),
    _c("HR", "Croatia", adjectives=["Croatian"]),
    _c("CY", "Cyprus", adjectives=["Cypriot"]),
    _c("MT", "Malta", adjectives=["Maltese"]),
    _c("RS", "Serbia", adjectives=["Serbian"]),
    _c("BY", "Belarus", adjectives=["Belarusian"]),
    _c(
        "CN",
        "China",
        "People's Republic of China",
        "People’s Republic of China",
        "PRC",
        adjectives=["Chinese"],
    ),
    _c(
        "KP",
        "North Korea",
        "Democratic People's Republic of Korea",
        "Democratic People’s Republic of Korea",
        "DPRK",
        adjectives=["North Korean"],
    ),
    _c("IR", "Iran", "Islamic Republic of Iran", adjectives=["Iranian"]),
    _c("IQ", "Iraq", adjectives=["Iraqi"]),
    _c("SY", "Syria", "Syrian Arab Republic", adjectives=["Syrian"]),
    _c("LY", "Libya", adjectives=["Libyan"]),
    _c("EG", "Egypt", adjectives=["Egyptian"]),
    _c("YE", "Yemen", adjectives=["Yemeni"]),
    _c("SA", "Saudi Arabia", adjectives=["Saudi"]),
    _c("AE", "United Arab Emirates", "UAE", adjectives=["Emirati"]),
    _c("QA", "Qatar", adjectives=["Qatari"]),
    _c("JO", "Jordan", "Hashemite Kingdom of Jordan", adjectives=["Jordanian"]),
    _c("PK", "Pakistan", "Islamic Republic of Pakistan", adjectives=["Pakistani"]),
    _c("AF", "Afghanistan", adjectives=["Afghan"]),
    _c("TW", "Taiwan", adjectives=["Taiwanese"]),
    _c("SG", "Singapore", adjectives=["Singaporean"]),
    _c("TH", "Thailand", adjectives=["Thai"]),
    _c("MY", "Malaysia", adjectives=["Malaysian"]),
    _c("ID", "Indonesia", adjectives=["Indonesian"]),
    _c("PH", "Philippines", "the Philippines", adjectives=["Filipino"]),
    _c("VN", "Vietnam", "Viet Nam", adjectives=["Vietnamese"]),
    _c("MN", "Mongolia", adjectives=["Mongolian"]),
    _c("UZ", "Uzbekistan", adjectives=["Uzbek"]),
    _c("KG", "Kyrgyzstan", "Kyrgyz Republic", adjectives=["Kyrgyz"]),
    _c("TM", "Turkmenistan", adjectives=["Turkmen"]),
    _c("TJ", "Tajikistan", adjectives=["Tajik"]),
    _c("AZ", "Azerbaijan", adjectives=["Azerbaijani"]),
    _c("AM", "Armenia", adjectives=["Armenian"]),
    _c("GE", "Georgia", adjectives=["Georgian"]),
    _c("MX", "Mexico", adjectives=["Mexican"]),
    _c("CL", "Chile", adjectives=["Chilean"]),
    _c("MA", "Morocco", adjectives=["Moroccan"]),
    _c("DZ", "Algeria", adjectives=["Algerian"]),
    _c("NG", "Nigeria", adjectives=["Nigerian"]),
]
COUNTRY_BY_ISO = {country.iso_code: country for country in COUNTRIES}

# The cities that have hosted or may host a plenary or an MTCR meeting.
CITIES = {
    "Athens": "GR", "Auckland": "NZ", "Bern": "CH", "Berlin": "DE", "Bonn": "DE",
    "Brasília": "BR", "Brasilia": "BR", "Brussels": "BE", "Budapest": "HU",
    "Buenos Aires": "AR", "Busan": "KR", "Canberra": "AU", "Copenhagen": "DK",
    "Dublin": "IE", "Edinburgh": "GB", "Geneva": "CH", "Helsinki": "FI",
    "Interlaken": "CH", "Lisbon": "PT", "London": "GB", "Luxembourg": "LU",
    "Madrid": "ES", "Montreux": "CH", "Moscow": "RU", "New Delhi": "IN",
    "Noordwijk": "NL", "Oslo": "NO", "Ottawa": "CA", "Paris": "FR",
    "Prague": "CZ", "Pretoria": "ZA", "Reykjavik": "IS", "Reykjavík": "IS",
    "Rio de Janeiro": "BR", "Rome": "IT", "Rotterdam": "NL", "Seoul": "KR",
    "Sochi": "RU", "Sofia": "BG", "Stockholm": "SE", "The Hague": "NL",
    "Tokyo": "JP", "Vienna": "AT", "Warsaw": "PL", "Washington": "US",
    "Wellington": "NZ", "Kyiv": "UA", "Kiev": "UA", "Ankara": "TR",
    "Istanbul": "TR", "Cape Town": "ZA", "Sydney": "AU", "Lucerne": "CH",
}  # fmt: skip

REGIONS = [
    Region("Middle East", ("the Middle East",)),
    Region("Northeast Asia", ("North East Asia", "North-East Asia", "NE Asia")),
    Region("South Asia", ("Southern Asia",)),
    Region("Southeast Asia", ("South East Asia", "South-East Asia")),
    Region("Central Asia"),
    Region("Persian Gulf", ("the Persian Gulf", "the Gulf region")),
    Region("Korean Peninsula", ("the Korean Peninsula",)),
    Region("Asia"),
]
REGION_BY_SLUG = {region.slug: region for region in REGIONS}


def _spellings(country, adjectives=True):
    names = [country.name, *country.other_names]
    return names + list(country.adjectives) if adjectives else names


def _pattern(spellings):
    alternatives = sorted({re.escape(s) for s in spellings}, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])")


_COUNTRY_SPELLINGS = {
    spelling: country.iso_code
    for country in COUNTRIES
    for spelling in _spellings(country)
}
_NAME_SPELLINGS = {
    spelling.lower(): country.iso_code
    for country in COUNTRIES
    for spelling in _spellings(country, adjectives=False)
}
_COUNTRY_RE = _pattern(_COUNTRY_SPELLINGS)
_CITY_BY_LOWER = {city.lower(): city for city in CITIES}
_REGION_SPELLINGS = {
    spelling: region.slug
    for region in REGIONS
    for spelling in (region.name, *region.other_names)
}
# "South and North East Asia" names two regions at once.
_REGION_SPELLINGS_MULTI = {
    "South and North East Asia": ("south-asia", "northeast-asia")
}
_REGION_RE = _pattern([*_REGION_SPELLINGS, *_REGION_SPELLINGS_MULTI])


@dataclass(frozen=True)
class Mention:
    code: str
    start: int
    end: int
    text: str


def country_named(text):
    """The ISO code of a country name, exactly as a whole ("the Netherlands"), or None.

    Case does not matter ("REPUBLIC OF KOREA"); adjectives are not names.
    """
    cleaned = re.sub(r"\s+", " ", text or "").strip().strip(".,;:")
    return _NAME_SPELLINGS.get(cleaned.lower())


def city_country(text):
    """(city as the archive spells it, ISO code) for a known city, or None."""
    cleaned = re.sub(r"\s+", " ", text or "").strip().strip(".,;:").lower()
    city = _CITY_BY_LOWER.get(cleaned)
    return (city, CITIES[city]) if city else None


def find_countries(text, adjectives=True):
    """Every country a text names, in order, as Mentions (ISO code, span)."""
    found = []
    for match in _COUNTRY_RE.finditer(text):
        spelling = match.group()
        code = _COUNTRY_SPELLINGS[spelling]
        if not adjectives and spelling in COUNTRY_BY_ISO[code].adjectives:
            continue
        found.append(Mention(code, match.start(), match.end(), spelling))
    return found


def country_codes(text, adjectives=True):
    """The ISO codes of the countries a text names, first mention first, no repeats."""
    return list(dict.fromkeys(m.code for m in find_countries(text, adjectives)))


def find_regions(text):
    """The slugs of the regions a text names, first mention first, no repeats."""
    slugs = []
    for match in _REGION_RE.finditer(text):
        spelling = match.group()
        slugs.extend(
            _REGION_SPELLINGS_MULTI.get(spelling) or [_REGION_SPELLINGS[spelling]]
        )
    return list(dict.fromkeys(slugs))


@dataclass
class CountryList:
    """A list of countries read from "A, B, the C and D": codes, and what was unread."""

    codes: list = field(default_factory=list)
    unknown: list = field(default_factory=list)


def read_country_list(text):
    """Read "Argentina, Australia, ..., the United Kingdom and the United States"."""
    result = CountryList()
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+(?!Trade\b)", text.strip().rstrip("."))
    for part in parts:
        part = part.strip()
        if not part:
            continue
        code = country_named(part)
        if code:
            result.codes.append(code)
        else:
            result.unknown.append(part)
    return result
