"""Database functions for grouping by month or year, fast on both databases.

Django's TruncMonth and ExtractYear run a Python function per row on SQLite;
grouping thousands of rows that way costs tens of milliseconds. These read the
ISO text SQLite stores dates as, and use to_char on PostgreSQL: either way the
result is text, 'YYYY-MM' or 'YYYY'.
"""

from django.db.models import CharField, Func


class _DateText(Func):
    output_field = CharField()
    length = None  # characters of the ISO date kept
    pattern = None  # the same, as a PostgreSQL to_char pattern

    def as_sql(self, compiler, connection, **extra):
        return super().as_sql(
            compiler, connection, template=f"substr(%(expressions)s, 1, {self.length})"
        )

    def as_postgresql(self, compiler, connection, **extra):
        return super().as_sql(
            compiler, connection, template=f"to_char(%(expressions)s, '{self.pattern}')"
        )


class MonthOf(_DateText):
    """'YYYY-MM' of a date column."""

    length, pattern = 7, "YYYY-MM"


class YearOf(_DateText):
    """'YYYY' of a date column."""

    length, pattern = 4, "YYYY"
