"""The search index: the archive's texts cut into passages, each with its link."""

import functools
import operator

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connections, models
from django.db.models import Case, F, FloatField, Q, Value, When
from django.db.models.functions import Cast, Length, Ln, Lower, Replace

from . import query as query_syntax

SEARCH_CONFIG = "english"
# PostgreSQL's GIN index on the vectors (migration 0002).
VECTOR_INDEX = "search_entry_vector_gin"
# The weights PostgreSQL's ts_rank gives to A, B, C (and D, the title words every
# passage carries), used by the SQLite fallback too.
RANK_WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2}
PLENARY_TEXTS = ["statement", "summary"]


class ParsedOnce(SearchQuery):
    """The search query as a scalar subquery, which PostgreSQL computes once per
    execution (an InitPlan).

    Written inline, websearch_to_tsquery(config, %s) is folded into a constant
    only while the planner sees the words. From the sixth run of the statement on
    a connection, psycopg having prepared it, PostgreSQL may switch to a generic plan.
    That plan parses the words again for every passage it ranks, a cost that grows
    with the number of passages a search matches.
    """

    def as_sql(self, compiler, connection, **extra):
        sql, params = super().as_sql(compiler, connection, **extra)
        return f"(SELECT {sql})", params


class SearchResults:
    """The records matching a query, best first, each with its best passage.

    A sequence a Paginator can page. One query ranks the matching passages on
    narrow rows (id, record, rank), keeps each record's best, and returns the page
    asked for with the number of records in all; only that page's passages are
    then read whole. Tell it the page you expect (`expect`) and counting and paging
    share that one query.
    """

    def __init__(self, matches=None):
        self.matches = matches
        self.expected = (0, 20)
        self._pages = {}
        self._total = None

    def expect(self, offset, limit):
        self.expected = (max(offset, 0), limit)
        return self

    def count(self):
        if self._total is None:
            self._page(*self.expected)
        if self._total is None:  # the page expected lies past the end
            self._page(0, 1)
        if self._total is None:  # nothing matches
            self._total = 0
        return self._total

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start = index.start or 0
        return self._page(start, index.stop - start)

    def _page(self, offset, limit):
        if self.matches is None:
            self._total = 0
            return []
        for (cached_offset, cached_limit), rows in self._pages.items():
            # The paginator asks for the last page up to the count, no further.
            if cached_offset == offset and cached_limit >= limit:
                return rows[:limit]
        self._pages[offset, limit] = self._fetch(offset, limit)
        return self._pages[offset, limit]

    def ranking(self, offset, limit):
        """The ranking query for a page: its SQL and parameters."""
        # Unordered: the window functions below order what they need, and the
        # model's ordering (by text keys) would sort every match once more.
        matches = self.matches.order_by().values_list(
            "id", "document", "position", "date", "rank"
        )
        inner, params = matches.query.sql_with_params()
        sql = (
            "SELECT id, rank, COUNT(*) OVER () FROM ("
            " SELECT id, rank, date, document, ROW_NUMBER() OVER ("
            "  PARTITION BY document ORDER BY rank DESC, position) AS best"
            f" FROM ({inner}) AS matched) AS ranked"
            " WHERE best = 1"
            " ORDER BY rank DESC, date DESC NULLS LAST, document"
            " LIMIT %s OFFSET %s"
        )
        return sql, (*params, limit, offset)

    def _fetch(self, offset, limit):
        with connections[self.matches.db].cursor() as cursor:
            cursor.execute(*self.ranking(offset, limit))
            rows = cursor.fetchall()
        if rows:
            self._total = rows[0][2]
        entries = self.matches.model.objects.using(self.matches.db).in_bulk(
            [row[0] for row in rows]
        )
        found = []
        for pk, rank, _total in rows:
            entry = entries[pk]
            entry.rank = rank
            found.append(entry)
        return found


class SearchEntryQuerySet(models.QuerySet):
    def search(self, text):
        """Records matching the query, best first, each with its best passage.

        PostgreSQL: websearch_to_tsquery against the stored vectors (GIN index),
        ranked by ts_rank. Elsewhere: every wanted term (by its stem) as a substring
        of the passage or its record's title, ranked by weighted occurrences.
        Either way: rank normalised by passage length, ties by date, newest first.
        """
        terms = query_syntax.parse(text)
        if not query_syntax.wanted(terms):
            return SearchResults()
        if self.db_vendor() == "postgresql":
            return SearchResults(self._postgresql_matches(text))
        return SearchResults(self._substring_matches(terms))

    def db_vendor(self):
        return connections[self.db].vendor

    def plenary_texts(self):
        """The passages of the plenaries' statements and summaries."""
        return self.filter(kind=SearchEntry.Kind.PLENARY, field__in=PLENARY_TEXTS)

    def _postgresql_matches(self, text):
        query = ParsedOnce(text, search_type="websearch", config=SEARCH_CONFIG)
        return self.filter(vector=query).annotate(
            rank=SearchRank(F("vector"), query, normalization=Value(1))
        )

    def _substring_matches(self, terms):
        def contains(term):
            if term.is_phrase:
                # Every word by LIKE first: the regular expression, a Python
                # function in SQLite, then runs only on passages that may match.
                pattern = term.pattern()
                words = [Q(text__icontains=stem) for stem in term.stems]
                in_text = functools.reduce(operator.and_, words)
                return (in_text & Q(text__iregex=pattern)) | Q(title__iregex=pattern)
            return Q(text__icontains=term.text) | Q(title__icontains=term.text)

        wanted = [term for term in terms if not term.excluded]
        excluded = [term for term in terms if term.excluded]
        condition = functools.reduce(operator.and_, (contains(t) for t in wanted))
        for term in excluded:
            condition &= ~contains(term)
        # SQLite's lower() changes ASCII letters only: the lowered text is as long
        # as the text, which is measured as it is rather than lowered once more.
        lowered = Lower("text")
        occurrences = functools.reduce(
            operator.add,
            (
                Cast(
                    Length("text")
                    - Length(Replace(lowered, Value(t.stems[0]), Value(""))),
                    FloatField(),
                )
                / len(t.stems[0])
                for t in wanted
            ),
        )
        weight = Case(
            *(
                When(weight=key, then=Value(value))
                for key, value in RANK_WEIGHTS.items()
            ),
            output_field=FloatField(),
        )
        return self.filter(condition).annotate(
            rank=weight * occurrences / (Value(1.0) + Ln(Value(1.0) + Length("text")))
        )


class SearchEntry(models.Model):
    """A passage of a record's text, as search finds and shows it.

    Derived data, rebuilt by search.index.rebuild() from the archive's records; the
    PostgreSQL search vector is filled by that rebuild and indexed with GIN by a
    migration that runs on PostgreSQL only.
    """

    class Kind(models.TextChoices):
        PLENARY = "plenary", "Plenary"
        EVENT = "event", "Event"
        SOURCE = "source", "Source document"
        ANNEX = "annex", "Annex revision"

    class Weight(models.TextChoices):
        A = "A", "Title"
        B = "B", "Summary"
        C = "C", "Full text"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    key = models.CharField(max_length=200, help_text="The record's slug.")
    document = models.PositiveIntegerField(
        default=0, help_text="Numbers the records: the passages of one share it."
    )
    title = models.CharField(max_length=500)
    url = models.CharField(max_length=500, help_text="The record's page.")
    date = models.DateField(null=True, blank=True)
    date_display = models.CharField(max_length=100, blank=True)
    field = models.CharField(max_length=30, help_text="The record's field quoted.")
    position = models.PositiveIntegerField(help_text="Paragraph number in the field.")
    text = models.TextField(help_text="The passage as plain text.")
    anchor = models.CharField(
        max_length=50, blank=True, help_text="The passage's own anchor on its page."
    )
    weight = models.CharField(max_length=1, choices=Weight.choices)
    vector = SearchVectorField(null=True, editable=False)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "key", "position"]
        verbose_name_plural = "search entries"
        # The passages of a few fields without reading every other's: the research
        # trends read the plenaries' statements and summaries, not the sources'.
        # Field first, so that it offers no order for search to sort by instead of
        # reading its GIN index.
        indexes = [
            models.Index(fields=["field", "key"], name="search_entry_field_key_idx")
        ]

    def __str__(self):
        return f"{self.title} ({self.field} ¶{self.position})"


class IndexState(models.Model):
    """What the archive looked like when the index was last built (one row)."""

    stamp = models.CharField(max_length=500, blank=True)
    built = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"Search index built {self.built:%Y-%m-%d %H:%M}"
