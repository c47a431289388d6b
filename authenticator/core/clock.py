"""Injected time. Everything that computes codes or countdowns takes a :class:`Clock`."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Unix seconds used for codes (may include a correction)."""
        ...


class SystemClock:
    """Wall clock plus an optional correction (seconds, server minus local)."""

    def __init__(self, offset: float = 0.0) -> None:
        self.offset = offset

    def now(self) -> float:
        return time.time() + self.offset


class FixedClock:
    """A settable clock for tests and for ``code --at``."""

    def __init__(self, at: float = 0.0) -> None:
        self.at = at

    def now(self) -> float:
        return self.at

    def advance(self, seconds: float) -> None:
        self.at += seconds
