"""The app's sense of time, injected everywhere so tests never sleep.

A thin name over :class:`authenticator.core.clock.CorrectedClock` (the one clock
abstraction): ``now()`` is the time used for codes (the computer's clock plus the user's
clock correction, if any), ``wall()`` the computer's own clock, ``monotonic()`` measures
idle time and clipboard delays, immune to clock jumps.
"""

from __future__ import annotations

from authenticator.core.clock import CorrectedClock, FixedClock, TickingClock


class TimeBase(CorrectedClock):
    def __init__(self, correction: float = 0.0, source: TickingClock | None = None) -> None:
        super().__init__(source, correction)


class FakeTimeBase(TimeBase):
    """Manually advanced time for tests and screenshots (a :class:`FixedClock` source)."""

    def __init__(self, at: float = 1_700_000_000.0, correction: float = 0.0) -> None:
        self.clock = FixedClock(at, monotonic=1000.0)
        super().__init__(correction, self.clock)

    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)

    def jump_wall(self, seconds: float) -> None:
        """The wall clock jumps (NTP step, manual change) while monotonic time doesn't."""
        self.clock.jump(seconds)
