"""One coarse timer aligned to the second boundary: drives codes, countdowns, clipboard
clearing, auto-lock and clock-jump detection. Idle cost: one wake-up per second while
something on screen moves; the window stretches the interval (``set_interval``) when
nothing does (hidden, minimised, locked)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from authenticator.core.clock import Clock, SystemClock


class SecondTicker(QObject):
    ticked = Signal()

    def __init__(self, parent: Any = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.clock: Clock = clock if clock is not None else SystemClock()  # the codes' time
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)

    interval = 1  # whole seconds between wake-ups

    def start(self) -> None:
        self.interval = 1
        self._schedule()

    def set_interval(self, seconds: int) -> None:
        """Wake every ``seconds`` seconds from the next wake-up on; a shorter interval
        takes effect at once (no waiting out a long sleep)."""
        seconds = max(1, int(seconds))
        if seconds == self.interval:
            return
        shorter = seconds < self.interval
        self.interval = seconds
        if shorter and self._timer.isActive():
            self._schedule()

    def stop(self) -> None:
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def _schedule(self) -> None:
        # Wake just after the next whole second so countdowns change in step with codes.
        ms_into_second = int(self.clock.now() * 1000) % 1000
        self._timer.start(1000 * self.interval - ms_into_second + 5)

    def _on_timeout(self) -> None:
        self._schedule()
        self.ticked.emit()
