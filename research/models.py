"""What the trends count in: the plenaries' texts folded, and the notable terms'
uses. Derived data, rebuilt with the search index (research.index), never edited."""

from django.db import models


class PlenaryText(models.Model):
    """A paragraph of a plenary's statement or summary, folded for counting phrases.

    One narrow row per paragraph (research.phrases explains the folding), so that
    counting a phrase in the database reads nothing else.
    """

    plenary = models.ForeignKey(
        "plenaries.Plenary", on_delete=models.CASCADE, related_name="+"
    )
    date = models.DateField(help_text="The plenary's start date.")
    year = models.PositiveSmallIntegerField(help_text="The plenary's start year.")
    folded = models.TextField()

    class Meta:
        ordering = ["date", "plenary", "pk"]

    def __str__(self):
        return f"A paragraph of the plenary of {self.date.isoformat()}, folded"


class TermUse(models.Model):
    """How many times one of the notable terms is used in one plenary's texts."""

    term = models.CharField(max_length=100)
    plenary = models.ForeignKey(
        "plenaries.Plenary", on_delete=models.CASCADE, related_name="+"
    )
    uses = models.PositiveIntegerField()

    class Meta:
        ordering = ["term", "plenary"]
        constraints = [
            models.UniqueConstraint(fields=["term", "plenary"], name="unique_term_use")
        ]

    def __str__(self):
        return f"“{self.term}”, {self.uses} time{'s' if self.uses != 1 else ''}"
