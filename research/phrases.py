r"""Whole-word phrase matching done by the database, as a regular expression would.

The trends match a phrase case-insensitively, from the start of a word, to the end
of a word after an optional plural ending (research.trends.pattern):
\bcatch\-all(?:e?s)?\b. SQLite has no regular expressions of its own (Django's
REGEXP calls back into Python for every row) and PostgreSQL's differ from Python's,
so each passage is stored folded (PlenaryText): lower case, with MARK at every
place `re` sees a word boundary ("Catch-all controls." becomes
"|catch|-|all| |controls|." with MARK for |). A phrase is folded the same way, and
its forms are that folded phrase with each allowed ending ("|catch|-|all|",
"|catch|-|alls|", "|catch|-|alles|"). A form occurs in a folded passage exactly where
the expression matches the passage: the marks at its ends stand for the \b, the
marks inside it are the same in phrase and passage, since they depend only on
their characters. Plain string functions (INSTR or STRPOS, and REPLACE) then find
and count the uses, on either database.

Counting each form by how much REPLACE removes gives the expression's count, since
at most one form matches at a place; only a phrase that can overlap itself
("a or a" in "a or a or a") could count an overlapping use twice.
"""

import functools
import re

from django.db.models import Case, F, Func, IntegerField, Q, Value, When
from django.db.models.functions import Replace, StrIndex
from django.db.models.lookups import GreaterThan

MARK = "\x01"  # never in a passage: fold() turns any into a space
BOUNDARY = re.compile(r"\b")
PLURAL_ENDINGS = ("", "s", "es")


def fold(text):
    """The text in lower case with MARK at every word boundary."""
    return BOUNDARY.sub(MARK, text.replace(MARK, " ").lower())


def stem(phrase):
    """What every form of the phrase begins with: a cheap test to run first."""
    return fold(phrase).removesuffix(MARK)


@functools.lru_cache(maxsize=64)
def forms(phrase):
    """The folded strings that are a use of the phrase (spaces already tidied):
    with each plural ending when the phrase ends with a word."""
    folded = fold(phrase)
    if not folded.endswith(MARK):
        return (folded,)
    return tuple(stem(phrase) + ending + MARK for ending in PLURAL_ENDINGS)


def count(folded_text, phrase):
    """How many times a folded text uses the phrase, as the database counts it."""
    return sum(folded_text.count(form) for form in forms(phrase))


class OctetLength(Func):
    """The length in bytes: read from the value's header, where LENGTH() counts
    characters one by one."""

    function = "OCTET_LENGTH"
    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, template="LENGTH(CAST(%(expressions)s AS BLOB))"
        )


def contains(field, text):
    """A condition: the field holds the text (INSTR, STRPOS: no LIKE pattern)."""
    return GreaterThan(StrIndex(F(field), Value(text)), 0)


def used(phrase, field="folded"):
    """A condition: the folded field uses the phrase."""
    condition = Q()
    for form in forms(phrase):
        condition |= Q(contains(field, form))
    return Q(contains(field, stem(phrase))) & condition


def uses(phrase, field="folded"):
    """An expression: how many times the folded field uses the phrase."""
    total = Value(0)
    for form in forms(phrase):
        removed = OctetLength(field) - OctetLength(
            Replace(field, Value(form), Value(""))
        )
        total += Case(
            When(contains(field, form), then=removed / len(form.encode())),
            default=Value(0),
        )
    return total
