"""The app's sense of time, injected everywhere so tests never sleep.

``now()`` is the wall clock used for codes (plus the user's clock correction, if any);
``monotonic()`` measures idle time and clipboard delays, immune to clock jumps.
"""

from __future__ import annotations

import time


class TimeBase:
    def __init__(self, correction: float = 0.0) -> None:
        self.correction = correction

    def wall(self) -> float:
        """The computer's own clock, uncorrected."""
        return time.time()

    def now(self) -> float:
        return self.wall() + self.correction

    def monotonic(self) -> float:
        return time.monotonic()


class FakeTimeBase(TimeBase):
    """Manually advanced time for tests and screenshots."""

    def __init__(self, at: float = 1_700_000_000.0, correction: float = 0.0) -> None:
        super().__init__(correction)
        self._wall = at
        self._mono = 1000.0

    def wall(self) -> float:
        return self._wall

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        self._wall += seconds
        self._mono += seconds

    def jump_wall(self, seconds: float) -> None:
        """The wall clock jumps (NTP step, manual change) while monotonic time doesn't."""
        self._wall += seconds
