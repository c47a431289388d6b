"""Paste and drop onto the main window open the Add dialog.

Kept apart from ``enroll_dialog`` so that starting the app does not import the dialog,
the scanner or the camera code: they load the first time the user adds an account.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QDragMoveEvent, QDropEvent, QKeySequence

from authenticator.ui.enroll.sources import Incoming, clipboard_incoming, incoming_from_mime

if TYPE_CHECKING:
    from authenticator.ui.main_window import MainWindow


def _open(window: MainWindow, incoming: Incoming | None = None) -> None:
    from authenticator.ui.enroll.dialog import open_enroll_dialog

    open_enroll_dialog(window, incoming)


class EnrollDropFilter(QObject):
    """Lets image files, images and otpauth links be dropped onto the main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
                event, QDragMoveEvent):
            if self._usable(event) is not None:
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            incoming = self._usable(event)
            if incoming is not None:
                event.acceptProposedAction()
                window = self._window
                # Not inside the drop handler: the platform's drag loop must end first.
                QTimer.singleShot(0, lambda: _open(window, incoming))
                return True
        return False

    def _usable(self, event: QDropEvent) -> Incoming | None:
        if not self._window.session.is_unlocked:
            return None
        return incoming_from_mime(event.mimeData())


def install_enroll_hooks(window: MainWindow) -> None:
    """Paste (Ctrl+V outside text fields) and drop onto the window open the Add dialog."""
    drop_filter = EnrollDropFilter(window)
    window.setAcceptDrops(True)
    window.installEventFilter(drop_filter)
    window.codes.view.viewport().installEventFilter(drop_filter)

    def paste() -> None:
        if not window.session.is_unlocked:
            return
        incoming = clipboard_incoming()
        if incoming is None:
            window.notify(window.tr("The clipboard holds no QR code image and no "
                                    "otpauth:// link to add."))
            return
        _open(window, incoming)

    action = QAction(window.tr("&Paste QR code or link"), window)
    action.setObjectName("paste_enroll")
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Paste))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(paste)
    window.addAction(action)
