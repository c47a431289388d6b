"""The app's end of the local channel with QtNetwork's ``QLocalServer``: where Python has
no Unix sockets (Windows: a named pipe). Imported only there; elsewhere unix_server.py
does the same with Python sockets (see server.py).

Each connection is one native host process (one browser profile). Messages use the
native-messaging framing; a connection from another user is closed at once.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from authenticator.browser import channel, protocol
from authenticator.browser.channel import MAX_CONNECTIONS


class BrowserServer(QObject):
    #: (connection, envelope dict) for each well-formed message
    received = Signal(object, dict)
    disconnected = Signal(object)

    def __init__(self, address: str | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.address = address or channel.server_address()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.setMaxPendingConnections(MAX_CONNECTIONS)
        self.server.newConnection.connect(self._on_connection)
        self._decoders: dict[QLocalSocket, protocol.FrameDecoder] = {}
        self.error = ""

    def listen(self) -> bool:
        """Listen unless another running app already does (then this one stays out)."""
        if sys.platform != "win32":
            try:
                channel.ensure_private_dir(Path(self.address).parent)
            except channel.ChannelError as exc:
                self.error = str(exc)
                return False
        probe = QLocalSocket(self)
        probe.connectToServer(self.address)
        answered = probe.waitForConnected(200)
        probe.abort()
        probe.setParent(None)
        probe.deleteLater()
        if answered:
            self.error = "another Authenticator window answers the browser extension"
            return False
        QLocalServer.removeServer(self.address)  # a stale socket left by a crash
        if not self.server.listen(self.address):
            self.error = self.server.errorString()
            return False
        return True

    def close(self) -> None:
        for sock in list(self._decoders):
            sock.abort()
        self._decoders.clear()
        self.server.close()

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            foreign = sys.platform != "win32" and not channel.peer_is_us(
                int(sock.socketDescriptor()))
            if len(self._decoders) >= MAX_CONNECTIONS or foreign:
                sock.abort()
                sock.deleteLater()
                continue
            sock.setParent(self)
            self._decoders[sock] = protocol.FrameDecoder(protocol.MAX_ENVELOPE)
            # Bound slots, not lambdas: Qt drops them when this server is destroyed (a lambda
            # would outlive it and run on a deleted object when the window goes away).
            sock.readyRead.connect(self._read_sender)
            sock.disconnected.connect(self._gone_sender)

    def _read_sender(self) -> None:
        sock = self.sender()
        if isinstance(sock, QLocalSocket):
            self._read(sock)

    def _gone_sender(self) -> None:
        sock = self.sender()
        if isinstance(sock, QLocalSocket):
            self._gone(sock)

    def _read(self, sock: QLocalSocket) -> None:
        decoder = self._decoders.get(sock)
        if decoder is None:
            return
        for message in decoder.feed(bytes(sock.readAll().data())):
            if isinstance(message, protocol.ProtocolError):
                self.send(sock, protocol.error_reply(message.reason))
            else:
                self.received.emit(sock, message)

    def _gone(self, sock: QLocalSocket) -> None:
        if self._decoders.pop(sock, None) is not None:
            self.disconnected.emit(sock)
        sock.deleteLater()

    def send(self, sock: Any, message: dict[str, Any]) -> None:
        connected = QLocalSocket.LocalSocketState.ConnectedState
        if sock not in self._decoders or sock.state() != connected:
            return
        try:
            data = protocol.encode(message)
        except ValueError:
            data = protocol.encode(protocol.error_reply("reply too large", message.get("id")))
        sock.write(data)
        sock.flush()
