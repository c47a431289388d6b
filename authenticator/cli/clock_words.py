"""The command line's English for clock offsets (the window has its own, translated)."""

from __future__ import annotations

from authenticator.core.drift import ClockState, DriftLevel, read_offset, split_duration


def humanize_seconds(seconds: float) -> str:
    """A duration for people: ``47 s``, ``2 min 3 s``, ``3 h 5 min``, ``2 days 4 h``.

    Rounded to the second; the sign is ignored (callers say "slow" or "fast").
    """
    parts = split_duration(seconds)
    if parts is None:
        return "an unknown time"
    if parts.days:
        text = f"{parts.days} day{'' if parts.days == 1 else 's'}"
        return f"{text} {parts.hours} h" if parts.hours else text
    if parts.hours:
        return f"{parts.hours} h {parts.minutes} min" if parts.minutes else f"{parts.hours} h"
    if parts.minutes:
        return (f"{parts.minutes} min {parts.seconds} s" if parts.seconds
                else f"{parts.minutes} min")
    return f"{parts.seconds} s"


def describe_offset(offset: float) -> str:
    """One sentence about this computer's clock, given server time minus local time."""
    reading = read_offset(offset)
    if reading.state is ClockState.UNKNOWN:
        return "This computer's clock could not be compared with the correct time."
    if reading.state is ClockState.RIGHT:
        return "This computer's clock is correct to within a second."
    head = f"This computer's clock is {humanize_seconds(reading.seconds)} {reading.state}"
    if reading.level is DriftLevel.WARNING:
        return f"{head}; sites may reject your codes."
    if reading.level is DriftLevel.NOTICE:
        return f"{head}; codes typed near the end of their time step may be rejected."
    return f"{head}, which is close enough for codes."
