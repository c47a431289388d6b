"""The running app's end of the channel on a Unix socket: Python sockets, watched by
``QSocketNotifier`` (QtCore) so nothing blocks and QtNetwork is not loaded."""

from __future__ import annotations

import socket
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from authenticator.ui.common.listening import Listening
from authenticator.ui.platform.single_instance import channel
from authenticator.ui.platform.single_instance.channel import MAX_MESSAGE, Lines


class _Connection:
    __slots__ = ("lines", "notifier", "socket")

    def __init__(self, connection: socket.socket, notifier: QSocketNotifier) -> None:
        self.socket = connection
        self.notifier = notifier
        self.lines = Lines()


class SingleInstance(QObject):
    """Listens on ``name`` (see :func:`channel.listen`); emits a signal per command received."""

    raise_requested = Signal()
    pick_requested = Signal()

    def __init__(self, name: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.name = name
        self._listening: Listening | None = None
        self._connections: dict[object, _Connection] = {}  # by their notifier

    def listen(self) -> bool:
        if self._listening is not None:
            return True
        bound = channel.listen(self.name)
        if bound is None:
            return False
        self._listening = Listening(self, bound, self._accept)
        return True

    def _accept(self, *_args: object) -> None:
        while self._listening is not None:
            try:
                connection, _address = self._listening.socket.accept()
            except OSError:  # none left (or out of descriptors: the next activation retries)
                return
            connection.setblocking(False)
            notifier = QSocketNotifier(connection.fileno(), QSocketNotifier.Type.Read, self)
            self._connections[notifier] = _Connection(connection, notifier)
            notifier.activated.connect(self._read)

    def _read(self, *_args: object) -> None:
        entry = self._connections.get(self.sender())
        if entry is None:
            return
        try:
            # One byte past the limit at most: a read of more drops the connection. What is
            # left is read at the next activation.
            data = entry.socket.recv(MAX_MESSAGE + 1)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        commands = entry.lines.feed(data) if data else None
        if commands is None:  # closed, broken, or over MAX_MESSAGE
            self._drop(entry)
            return
        for command in commands:
            if command == "raise":
                self.raise_requested.emit()
            else:
                self.pick_requested.emit()

    def _drop(self, entry: _Connection) -> None:
        entry.notifier.setEnabled(False)  # before its descriptor is closed
        entry.notifier.deleteLater()
        self._connections.pop(entry.notifier, None)
        entry.socket.close()

    def close(self) -> None:
        """Stop listening and remove the socket file if it is still ours. Connections already
        made are read to their end, as with ``QLocalServer.close()``."""
        if self._listening is not None:
            self._listening.stop()
            self._listening = None
