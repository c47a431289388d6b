"""Text carets stop blinking after a while without input, as on GTK and Windows.

A blinking caret repaints its field twice a second for as long as the window is open: on a
locked window nobody looks at (the unlock page's password field has the focus) that is
most of an idle authenticator's CPU. After ``timeout`` seconds without keyboard or mouse
input the caret stays drawn, steady; the next tick after any input restores blinking.
"""

from __future__ import annotations

from PySide6.QtGui import QStyleHints

BLINK_TIMEOUT_SECONDS = 5.0  # Windows' default caret timeout (GTK: 10 s)
_platform_flash_ms: int | None = None  # the platform's choice (0: never blinks)


class CaretBlink:
    def __init__(self, hints: QStyleHints, timeout: float = BLINK_TIMEOUT_SECONDS) -> None:
        global _platform_flash_ms
        if _platform_flash_ms is None:  # read once: a window before us may have stopped it
            _platform_flash_ms = hints.cursorFlashTime()
        self._hints = hints
        self._timeout = timeout
        self._flash_ms = _platform_flash_ms
        self.stopped = False
        if hints.cursorFlashTime() != self._flash_ms:
            hints.setCursorFlashTime(self._flash_ms)

    def update(self, idle_seconds: float) -> None:
        """Called on every tick with the time since the last input."""
        stop = idle_seconds >= self._timeout
        if stop != self.stopped:
            self.stopped = stop
            self._hints.setCursorFlashTime(0 if stop else self._flash_ms)
