"""Paste and drop onto the main window open the Add dialog.

Kept apart from ``enroll/dialog.py`` so that starting the app does not import the dialog,
the scanner or the camera code: they load the first time the user adds an account.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QDragMoveEvent, QDropEvent, QKeySequence

from authenticator.ui.enroll.sources import Incoming, clipboard_incoming, incoming_from_mime
from authenticator.ui.host import Host


def _open(host: Host, incoming: Incoming | None = None) -> None:
    from authenticator.ui.enroll.dialog import open_enroll_dialog

    open_enroll_dialog(host, incoming)


class EnrollDropFilter(QObject):
    """Lets image files, images and otpauth links be dropped onto the main window."""

    def __init__(self, host: Host) -> None:
        super().__init__(host.window())
        self._host = host

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
                host = self._host
                # Not inside the drop handler: the platform's drag loop must end first.
                QTimer.singleShot(0, lambda: _open(host, incoming))
                return True
        return False

    def _usable(self, event: QDropEvent) -> Incoming | None:
        if not self._host.session.is_unlocked:
            return None
        return incoming_from_mime(event.mimeData())


class EnrollHooks(QObject):
    """Add (button, Ctrl+N), paste (Ctrl+V outside text fields) and drop open the dialog."""

    def __init__(self, host: Host) -> None:
        super().__init__(host.window())
        self.host = host
        self.drop_filter = EnrollDropFilter(host)
        host.add_drop_handler(self.drop_filter)
        host.add_requested.connect(self.open)
        action = QAction(self.tr("&Paste QR code or link"), host.window())
        action.setObjectName("paste_enroll")
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.Paste))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(self.paste)
        host.add_window_action(action)
        self.paste_action = action

    def open(self, incoming: Incoming | None = None) -> None:
        _open(self.host, incoming)

    def paste(self) -> None:
        if not self.host.session.is_unlocked:
            return
        incoming = clipboard_incoming()
        if incoming is None:
            self.host.notify(self.tr("The clipboard holds no QR code image and no "
                                     "otpauth:// link to add."))
            return
        _open(self.host, incoming)
