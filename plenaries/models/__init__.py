"""Plenaries, their chairs, events and the documents every fact is drawn from."""

from .chairs import Chairmanship, ChairPerson
from .events import Event
from .plenaries import Plenary, Resolution
from .sources import Citation, SourceDocument

__all__ = [
    "ChairPerson",
    "Chairmanship",
    "Citation",
    "Event",
    "Plenary",
    "Resolution",
    "SourceDocument",
]
