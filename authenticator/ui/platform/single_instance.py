"""One running app per user and vault: a second launch asks the first to show itself.

The protocol is one command per line: ``raise`` (show the window; what every older
version sends) and ``pick`` (show the quick pick box). Unknown lines are ignored.
"""

from __future__ import annotations

import getpass
import hashlib
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

MESSAGE = b"raise\n"
PICK = b"pick\n"
MAX_MESSAGE = 256  # bytes read from one connection at most


def server_name(vault_path: str) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    digest = hashlib.sha256(f"{user}\0{vault_path}".encode()).hexdigest()[:16]
    return f"authenticator-{digest}"


def notify_running(name: str, timeout_ms: int = 500, message: bytes = MESSAGE) -> bool:
    """True when another instance answered (and was sent ``message``: raise its window,
    or show the quick pick box)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(message)
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(timeout_ms)
    return True


class SingleInstance(QObject):
    raise_requested = Signal()
    pick_requested = Signal()

    def __init__(self, name: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_connection)
        self._pending: dict[object, bytes] = {}

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        # A stale socket file left by a crash: remove it and try once more.
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.setParent(self)
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(self._forget)
            socket.disconnected.connect(socket.deleteLater)

    def _read(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        # Commands are whole lines; a line may arrive in pieces. Nobody of ours sends
        # more than a few bytes: past MAX_MESSAGE the connection is dropped.
        pending = self._pending.get(socket, b"") + bytes(socket.readAll().data())
        if len(pending) > MAX_MESSAGE:
            self._pending.pop(socket, None)
            socket.abort()
            return
        *lines, rest = pending.split(b"\n")
        self._pending[socket] = rest
        for line in lines:
            command = line.strip().decode("ascii", "replace")
            if command == "raise":
                self.raise_requested.emit()
            elif command == "pick":
                self.pick_requested.emit()

    def _forget(self) -> None:
        self._pending.pop(self.sender(), None)

    def close(self) -> None:
        self.server.close()
