"""How sure a rule is of what it found: values below SHOWN are withheld, those below SURE are marked for the clerk."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SHOWN = 0.5  # below: left empty, the clerk is told why (a wrong value is worse than an empty one)
SURE = 0.75  # below: proposed, but marked for the clerk to check


@dataclass(frozen=True)
class Found:
    value: Any
    confidence: float
    note: str = ""

    @property
    def shown(self) -> bool:
        return self.value not in (None, "", []) and self.confidence >= SHOWN


NOTHING = Found(None, 0.0)


def best(*candidates: Found | None) -> Found:
    """The most confident of the candidates that hold a value."""
    held = [c for c in candidates if c is not None and c.value not in (None, "", [])]
    return max(held, key=lambda c: c.confidence) if held else NOTHING
