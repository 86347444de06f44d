"""People's names as the documents write them: their titles, and one key per
person however the witnesses spell the name (joined only by a reviewed table)."""

import re

from ingest.names import slugify

# The titles the documents name people with, before the name. An honorific is
# written with or without its full stop ("Mr." and "Mr" are one title).
TITLES = [
    "H. E.", "H.E.", "HE", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Mr", "Mrs", "Ms",
    "Dr", "Prof", "Ambassador", "Amb.", "Political Director", "State Secretary",
    "Acting Foreign Minister", "Foreign Minister", "Minister", "Deputy Minister",
    "Minister-Counsellor", "Counsellor", "Secretary", "Ambassador-at-Large",
]  # fmt: skip
TITLE_RE = re.compile(
    r"^(?:(?:the\s+)?(?:"
    + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
    + r"),?\s+)+"
)


def clean_title(title):
    """A title with its honorifics written one way: "H. E." -> "H.E.", "Mr." -> "Mr"."""
    title = re.sub(r"\bH\.\s?E\.", "H.E.", title.strip().rstrip(","))
    return re.sub(r"\b(Mrs|Mr|Ms|Dr|Prof)\.", r"\1", title)


def split_title(phrase):
    """(title, name) of a person as named: "Mr. John Quinn" and "Mr John Quinn" are
    both ("Mr", "John Quinn"); "Foreign Minister Westerwelle" is ("Foreign
    Minister", "Westerwelle"); a name without a title has "" for one."""
    phrase = re.sub(r"\s+", " ", phrase or "").strip()
    match = TITLE_RE.match(phrase + " ")
    name = (phrase + " ")[match.end() :].strip() if match else ""
    if not name:
        return "", phrase
    return clean_title(match.group()), name


def person_key(name):
    """A person's name folded for comparison: no title, accents, case or
    punctuation ("Mr. Roberto García-Moritán" -> "roberto garcia moritan").

    Spelling variants ("Fisher", "Fischer") stay apart: deciding they are one
    person is the merge's business, not this function's.
    """
    return slugify(split_title(name)[1]).replace("-", " ")


# Spellings of one person's name that the folded key does not join: each group
# is one person, whose key is that of its first spelling. Reviewed by hand: a
# name is joined to another only here, never by likeness.
SAME_PERSON = (("Per Fisher", "Per Fischer"),)


def split_honorific(name):
    """(title, name) of a name that starts with a title ("Mr Roland Smith" ->
    ("Mr", "Roland Smith")); ("", name) when it starts with none."""
    return split_title(name)


def _plain_name_key(name):
    return slugify(split_title(name)[1])


_SAME_PERSON_KEYS = {
    _plain_name_key(spelling): _plain_name_key(group[0])
    for group in SAME_PERSON
    for spelling in group
}


def person_identity(name):
    """The key of the person a name names: case, accents, punctuation and a
    leading title aside ("Mr. John Quinn" and "Mr John Quinn" are john-quinn),
    and the spellings of SAME_PERSON joined (per-fisher is per-fischer)."""
    key = _plain_name_key(name)
    return _SAME_PERSON_KEYS.get(key, key)


def is_capitalised_spelling(name):
    """Whether a spelling writes a word in capitals ("OH Joon"), as some texts
    write a family name: another witness's spelling shows the name better."""
    return any(len(word) > 1 and word.isupper() for word in name.split())
