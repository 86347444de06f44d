"""Database functions for grouping by month or year, fast on both databases.

Django's TruncMonth and ExtractYear run a Python function per row on SQLite,
which a page grouping the whole timeline would wait for. These read the ISO text
SQLite stores dates as, and date_part on PostgreSQL (to_char goes by way of a
timestamp with time zone, more work for every row). Either way the result is a
number: the year, or the month as year * 100 + month (199305 for May 1993).
"""

from django.db.models import Func, IntegerField


class _DatePart(Func):
    output_field = IntegerField()
    arity = 1
    sqlite = None  # the number from the ISO text, 'YYYY-MM-DD' as %(date)s
    postgresql = None  # the same from date_part, the date as %(date)s

    def as_sql(self, compiler, connection, **extra):
        return self._number(compiler, self.sqlite)

    def as_postgresql(self, compiler, connection, **extra):
        return self._number(compiler, self.postgresql)

    def _number(self, compiler, template):
        # The date may appear more than once in the template, its parameters with it.
        date, params = compiler.compile(self.source_expressions[0])
        return template % {"date": date}, tuple(params) * template.count("%(date)s")


class MonthOf(_DatePart):
    """Year * 100 + month of a date column: 199305 for any day of May 1993."""

    sqlite = "CAST(substr(%(date)s, 1, 4) || substr(%(date)s, 6, 2) AS integer)"
    postgresql = (
        "(date_part('year', %(date)s)::integer * 100"
        " + date_part('month', %(date)s)::integer)"
    )


class YearOf(_DatePart):
    """The year of a date column."""

    sqlite = "CAST(substr(%(date)s, 1, 4) AS integer)"
    postgresql = "date_part('year', %(date)s)::integer"
