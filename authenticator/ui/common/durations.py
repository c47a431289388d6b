"""Durations and clock offsets in the window's words (translated; the lower layers give
numbers and enums, e.g. :func:`authenticator.core.drift.split_duration`)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from authenticator.core.drift import split_duration


class Durations(QObject):
    """Only a translation context (``self.tr`` is what lupdate reads plural forms from)."""

    def humanize(self, seconds: float) -> str:
        parts = split_duration(seconds)
        if parts is None:
            return self.tr("an unknown time")
        if parts.days:
            days = self.tr("%n day(s)", "", parts.days)
            return self.tr("{days} {hours} h").format(days=days, hours=parts.hours) \
                if parts.hours else days
        if parts.hours:
            return (self.tr("{hours} h {minutes} min") if parts.minutes
                    else self.tr("{hours} h")).format(hours=parts.hours, minutes=parts.minutes)
        if parts.minutes:
            return (self.tr("{minutes} min {seconds} s") if parts.seconds
                    else self.tr("{minutes} min")).format(minutes=parts.minutes,
                                                          seconds=parts.seconds)
        return self.tr("{seconds} s").format(seconds=parts.seconds)


def humanize_seconds(seconds: float) -> str:
    """``47 s``, ``2 min 3 s``, ``3 h 5 min``, ``2 days 4 h`` in the user's language; the
    sign is ignored (the sentence says slow or fast, ahead or behind)."""
    return Durations().humanize(seconds)


def signed_seconds(offset: float) -> str:
    """``+47 s`` / ``-2 min 3 s`` for the correction indicator."""
    return ("-" if round(offset) < 0 else "+") + humanize_seconds(offset)

