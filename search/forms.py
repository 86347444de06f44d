from django import forms

from .models import SearchEntry
from .query import MAX_QUERY_LENGTH, clean_query


class SearchForm(forms.Form):
    """The search box: free text, and optionally one kind of record."""

    q = forms.CharField(label="Search for", required=False)
    kind = forms.ChoiceField(
        label="Look in",
        required=False,
        choices=[("", "Everything"), *SearchEntry.Kind.choices],
    )

    truncated = False

    def clean_q(self):
        query, self.truncated = clean_query(self.cleaned_data["q"])
        return query

    @property
    def max_length(self):
        return MAX_QUERY_LENGTH

    def search_arguments(self):
        """(query, kind) to search for; a kind that is not one is ignored."""
        self.is_valid()
        data = self.cleaned_data
        return data.get("q", ""), data.get("kind", "")
