"""Injected time: the one clock abstraction of the app (core, storage, timesync, CLI, UI).

Everything that computes codes, countdowns or timestamps takes a :class:`Clock` instead of
reading the computer's clock itself; tests give it a :class:`FixedClock` and never sleep.

- :class:`SystemClock` is the only place that reads the computer's clocks.
- :class:`CorrectedClock` is the only place a clock correction (seconds, server or other
  device minus this computer) is applied. The window's time base is one of these.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Unix seconds used for codes and timestamps (may include a correction)."""
        ...


class TickingClock(Clock, Protocol):
    """A clock that also measures elapsed time (idle time, delays, clock-jump detection)."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary start, immune to the wall clock's jumps."""
        ...


class SystemClock:
    """The computer's own clocks, uncorrected."""

    def now(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()


class FixedClock:
    """A manually driven clock for tests and for ``code --at``: wall and monotonic time
    move together (:meth:`advance`) unless the wall clock jumps (:meth:`jump`)."""

    def __init__(self, at: float = 0.0, monotonic: float = 1000.0) -> None:
        self.at = at
        self.mono = monotonic

    def now(self) -> float:
        return self.at

    def monotonic(self) -> float:
        return self.mono

    def advance(self, seconds: float) -> None:
        self.at += seconds
        self.mono += seconds

    def jump(self, seconds: float) -> None:
        """The wall clock jumps (NTP step, manual change) while monotonic time doesn't."""
        self.at += seconds


class CorrectedClock:
    """``source`` plus a settable ``correction``: :meth:`now` is the corrected time codes
    use, :meth:`wall` the source's own time (what timestamps of this computer's events and
    clock checks need)."""

    def __init__(self, source: TickingClock | None = None, correction: float = 0.0) -> None:
        self.source: TickingClock = source if source is not None else SystemClock()
        self.correction = correction

    def wall(self) -> float:
        return self.source.now()

    def now(self) -> float:
        return self.wall() + self.correction

    def monotonic(self) -> float:
        return self.source.monotonic()
