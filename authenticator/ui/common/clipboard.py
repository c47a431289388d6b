"""Clipboard that marks codes as sensitive and clears them after a delay.

The deadline is checked on the app's one-second tick against an injected monotonic
clock, so tests advance time instead of sleeping. The clipboard is only cleared while
it still holds our code: something the user copied since is left alone.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QObject, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

# Hints understood by clipboard managers and OS clipboard histories.
KDE_HINT = "x-kde-passwordManagerHint"
WIN_EXCLUDE = 'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"'
WIN_HISTORY = 'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"'
WIN_CLOUD = 'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"'
MAC_CONCEALED = "application/x-nspasteboard-concealed-type"


def sensitive_mime(text: str) -> QMimeData:
    data = QMimeData()
    data.setText(text)
    data.setData(KDE_HINT, QByteArray(b"secret"))
    if sys.platform == "win32":
        zero = QByteArray(b"\x00\x00\x00\x00")
        data.setData(WIN_EXCLUDE, QByteArray(b"\x01\x00\x00\x00"))
        data.setData(WIN_HISTORY, zero)
        data.setData(WIN_CLOUD, zero)
    elif sys.platform == "darwin":
        data.setData(MAC_CONCEALED, QByteArray(text.encode()))
    return data


class SecureClipboard(QObject):
    cleared = Signal()

    def __init__(self, monotonic: Callable[[], float], parent: Any = None) -> None:
        super().__init__(parent)
        self._monotonic = monotonic
        self._ours: str | None = None
        self._deadline: float | None = None
        self.delay_seconds = 30

    @property
    def clipboard(self) -> QClipboard:
        return QGuiApplication.clipboard()

    def copy(self, text: str) -> None:
        self.clipboard.setMimeData(sensitive_mime(text))
        self._ours = text
        self._deadline = (self._monotonic() + self.delay_seconds
                          if self.delay_seconds > 0 else None)

    def copied_notice(self, label: str) -> str:
        """What to tell after copying the code of ``label``: when it will be cleared."""
        if self.delay_seconds > 0:
            return self.tr("Copied {label}, clears in {n} s").format(label=label,
                                                                     n=self.delay_seconds)
        return self.tr("Copied {label}").format(label=label)

    @property
    def pending(self) -> bool:
        """A copied code is waiting to be cleared."""
        return self._deadline is not None

    def holds_ours(self) -> bool:
        return self._ours is not None and self.clipboard.text() == self._ours

    def tick(self) -> None:
        if self._deadline is not None and self._monotonic() >= self._deadline:
            self.clear_now()

    def clear_now(self) -> None:
        """Clear if the clipboard still holds what we put there (lock, quit, deadline)."""
        if self.holds_ours():
            self.clipboard.clear()
            self.cleared.emit()
        self._ours = None
        self._deadline = None
