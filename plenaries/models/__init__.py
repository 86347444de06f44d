"""Plenaries, their chairs, events and the resolutions their texts cite."""

from .chairs import Chairmanship, ChairPerson
from .events import Event
from .plenaries import Plenary, Resolution

__all__ = [
    "ChairPerson",
    "Chairmanship",
    "Event",
    "Plenary",
    "Resolution",
]
