"""Both ends of the channel with QtNetwork's ``QLocalServer``/``QLocalSocket``: where Python
has no Unix sockets (Windows: a named pipe). Imported only there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from authenticator.ui.platform.single_instance.channel import Lines


def notify_running(name: str, timeout_ms: int, message: bytes) -> bool:
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
        self._lines: dict[object, Lines] = {}

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
            self._lines[socket] = Lines()
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(self._forget)
            socket.disconnected.connect(socket.deleteLater)

    def _read(self) -> None:
        socket = self.sender()
        lines = self._lines.get(socket)
        if not isinstance(socket, QLocalSocket) or lines is None:
            return
        commands = lines.feed(bytes(socket.readAll().data()))
        if commands is None:  # over MAX_MESSAGE
            self._lines.pop(socket, None)
            socket.abort()
            return
        for command in commands:
            if command == "raise":
                self.raise_requested.emit()
            else:
                self.pick_requested.emit()

    def _forget(self) -> None:
        self._lines.pop(self.sender(), None)

    def close(self) -> None:
        self.server.close()
