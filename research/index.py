"""The trends' own tables, rebuilt with the search index, from its passages.

search.index.rebuild() calls `rebuild()` in its transaction once the passages are
written: their Markdown is already rendered there, which is most of the work. The
plenaries' statement and summary passages are folded into PlenaryText, and the
notable terms counted in them into TermUse, so the notable terms' page reads a few
rows per term. A change to NOTABLE_TERMS shows after the next rebuild.
"""

from collections import Counter

from plenaries.models import Plenary
from search.models import SearchEntry

from .models import PlenaryText, TermUse
from .phrases import count, fold
from .trends import NOTABLE_TERMS


def rebuild(using="default"):
    """Replace PlenaryText and TermUse; returns the number of texts folded."""
    PlenaryText.objects.using(using).all().delete()
    TermUse.objects.using(using).all().delete()
    plenary_ids = dict(Plenary.objects.using(using).values_list("slug", "pk"))
    texts, uses = [], Counter()
    passages = (
        SearchEntry.objects.using(using)
        .plenary_texts()
        .values_list("key", "date", "text")
    )
    for key, date, text in passages.iterator():
        plenary = plenary_ids[key]
        folded = fold(text)
        texts.append(
            PlenaryText(plenary_id=plenary, date=date, year=date.year, folded=folded)
        )
        for term in NOTABLE_TERMS:
            uses[term, plenary] += count(folded, term)
    PlenaryText.objects.using(using).bulk_create(texts, batch_size=500)
    TermUse.objects.using(using).bulk_create(
        [
            TermUse(term=term, plenary_id=plenary, uses=number)
            for (term, plenary), number in uses.items()
            if number
        ],
        batch_size=500,
    )
    return len(texts)
