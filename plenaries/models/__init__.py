"""Plenaries, their chairs, events and the resolutions their texts cite."""

from .chairs import Chairmanship, ChairPerson, Person
from .events import Event
from .plenaries import Plenary, Resolution

__all__ = [
    "ChairPerson",
    "Chairmanship",
    "Event",
    "Person",
    "Plenary",
    "Resolution",
]
