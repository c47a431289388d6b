"""Work that can wait until a window is on screen: run it right after its first paint."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

_PAINT = QEvent.Type.Paint  # bound once: an enum lookup per event costs


class _AfterFirstPaint(QObject):
    """Watches one widget (not the whole application) until its first paint."""

    def __init__(self, widget: QWidget, work: Callable[[], None]) -> None:
        super().__init__(widget)
        self._work: Callable[[], None] | None = work
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == _PAINT and self._work is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # once the painted frame is out
        return False

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is not None:
            work()
        self.deleteLater()


def after_first_paint(widget: QWidget, work: Callable[[], None]) -> None:
    """Run ``work`` once, in the event loop turn after ``widget`` is first painted (never
    when it never is: a caller that keeps the window hidden runs the work itself)."""
    _AfterFirstPaint(widget, work)
