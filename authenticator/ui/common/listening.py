"""A bound Unix socket watched for connections on the GUI thread (both local servers)."""

from __future__ import annotations

import socket
import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

from authenticator.ui.common import unix_socket


class Listening:
    """``bound`` (unix_socket.listen) watched by a notifier owned by ``owner``: ``on_ready``
    runs when connections wait. As QLocalServer's destructor did, the socket file goes when
    :meth:`stop` is called, when ``owner`` goes away, or at exit (if it is still ours)."""

    def __init__(self, owner: QObject, bound: unix_socket.Bound,
                 on_ready: Callable[..., None]) -> None:
        self.socket: socket.socket = bound[0]
        self._notifier = QSocketNotifier(bound[0].fileno(), QSocketNotifier.Type.Read, owner)
        self._notifier.activated.connect(on_ready)
        self._finalizer = weakref.finalize(owner, unix_socket.release, *bound)

    def stop(self) -> None:
        self._notifier.setEnabled(False)
        self._notifier.deleteLater()
        self._finalizer()
