"""The documents the archive cites (sources.py) and the passages that support
each fact (citations.py)."""

from .citations import Citation, CitationQuerySet, FoldedClaim, exactly_one_set
from .sources import Inference, SourceDocument, SourceDocumentQuerySet

__all__ = [
    "Citation",
    "CitationQuerySet",
    "FoldedClaim",
    "Inference",
    "SourceDocument",
    "SourceDocumentQuerySet",
    "exactly_one_set",
]
