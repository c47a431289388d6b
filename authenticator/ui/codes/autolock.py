"""Auto-lock: when the person last used the app (keyboard or mouse, anywhere in it)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject

#: Bound once: the filter sees every event of the app, an enum lookup per event adds up.
_INPUT = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
          QEvent.Type.MouseMove)


class ActivityFilter(QObject):
    """Notes the time of the last keyboard or mouse input anywhere in the app."""

    def __init__(self, monotonic: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._monotonic = monotonic
        self.last_activity = monotonic()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.last_activity = self._monotonic()
        return False

    def touch(self) -> None:
        self.last_activity = self._monotonic()

    def idle_seconds(self) -> float:
        return float(self._monotonic() - self.last_activity)


def autolock_due(minutes: float, idle: float, saved: bool) -> bool:
    """Lock after ``minutes`` without input (0: never), but never over unsaved changes."""
    return minutes > 0 and idle >= minutes * 60 and saved
