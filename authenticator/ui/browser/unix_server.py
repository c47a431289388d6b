"""The app's end of the local channel on a Unix socket (Linux, macOS): Python sockets watched
by ``QSocketNotifier`` (QtCore), so nothing blocks the GUI thread and QtNetwork is not
loaded (issue #18). Where Python has no Unix sockets, qtnetwork.py does the same.

Each connection is one native host process (one browser profile). Messages use the
native-messaging framing; a connection from another user is closed at once. What a
connection is sent goes out as fast as the peer reads it: what the socket does not take at
once waits in the connection's buffer, written when the socket can take more; a peer that
stops reading is dropped once that buffer passes :data:`MAX_OUTGOING`.
"""

from __future__ import annotations

import errno
import socket
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Qt, Signal

from authenticator.browser import channel, protocol
from authenticator.browser.channel import MAX_CONNECTIONS
from authenticator.ui.common import unix_socket
from authenticator.ui.common.listening import Listening

READ_CHUNK = 64 * 1024
READS_PER_WAKE = 16  # 1 MiB at most per activation; what is left comes at the next one
#: Replies waiting for a peer that does not read; beyond this it is dropped.
MAX_OUTGOING = 4 * protocol.MAX_ENVELOPE
TAKEN = "another Authenticator window answers the browser extension"
_SEND_FLAGS = getattr(socket, "MSG_NOSIGNAL", 0)  # a broken pipe is an error, not a signal


class Connection:
    """One native host connected: what the signals carry and :meth:`BrowserServer.send`
    takes. Compared by identity."""

    __slots__ = ("decoder", "outgoing", "reader", "socket", "writer")

    def __init__(self, sock: socket.socket, reader: QSocketNotifier,
                 writer: QSocketNotifier) -> None:
        self.socket: socket.socket | None = sock  # None once closed
        self.reader = reader
        self.writer = writer
        self.decoder = protocol.FrameDecoder(protocol.MAX_ENVELOPE)
        self.outgoing = bytearray()

    @property
    def is_open(self) -> bool:
        return self.socket is not None

    def __repr__(self) -> str:
        return f"<Connection {'open' if self.is_open else 'closed'}>"


class BrowserServer(QObject):
    #: (connection, envelope dict) for each well-formed message
    received = Signal(object, dict)
    #: a connection closed (by the peer, an error, the limits, or :meth:`close`): once each
    disconnected = Signal(object)
    _dropped = Signal(object)  # dropped inside send(): told from the event loop

    def __init__(self, address: str | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.address = address or channel.server_address()
        self.error = ""
        self._listening: Listening | None = None
        self._connections: list[Connection] = []
        self._by_notifier: dict[object, Connection] = {}
        self._dropped.connect(self.disconnected, Qt.ConnectionType.QueuedConnection)

    def listen(self) -> bool:
        """Listen unless another running app already does (then this one stays out)."""
        if self._listening is not None:
            return True
        try:
            channel.ensure_private_dir(Path(self.address).parent)
        except channel.ChannelError as exc:
            self.error = str(exc)
            return False
        try:
            bound = unix_socket.listen(self.address)
        except OSError as exc:
            self.error = TAKEN if exc.errno == errno.EADDRINUSE else (exc.strerror or str(exc))
            return False
        self._listening = Listening(self, bound, self._accept)
        return True

    def close(self) -> None:
        """Stop listening, close every connection (each told by ``disconnected``) and remove
        the socket file if it is still ours."""
        if self._listening is not None:
            self._listening.stop()
            self._listening = None
        for conn in list(self._connections):
            self._drop(conn)

    # -- connections ----------------------------------------------------------------------------
    def _accept(self, *_args: object) -> None:
        while self._listening is not None:
            try:
                sock, _address = self._listening.socket.accept()
            except OSError:  # none left (or out of descriptors: the next activation retries)
                return
            if len(self._connections) >= MAX_CONNECTIONS or not channel.peer_is_us(
                    sock.fileno()):
                sock.close()
                continue
            sock.setblocking(False)
            reader = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Read, self)
            writer = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Write, self)
            writer.setEnabled(False)  # only while something waits to be written
            conn = Connection(sock, reader, writer)
            self._connections.append(conn)
            self._by_notifier[reader] = self._by_notifier[writer] = conn
            reader.activated.connect(self._read)
            writer.activated.connect(self._write)

    def _drop(self, conn: Connection, *, later: bool = False) -> None:
        """Close ``conn`` and forget it; ``disconnected`` is emitted once (``later``: from the
        event loop, when the caller is in the middle of its own work)."""
        sock = conn.socket
        if sock is None:
            return
        conn.socket = None
        for notifier in (conn.reader, conn.writer):
            notifier.setEnabled(False)  # before its descriptor is closed
            self._by_notifier.pop(notifier, None)
            notifier.deleteLater()
        conn.outgoing = bytearray()
        self._connections.remove(conn)
        sock.close()
        if later:
            self._dropped.emit(conn)
        else:
            self.disconnected.emit(conn)

    def _read(self, *_args: object) -> None:
        conn = self._by_notifier.get(self.sender())
        if conn is None:
            return
        for _ in range(READS_PER_WAKE):
            sock = conn.socket
            if sock is None:
                return
            try:
                data = sock.recv(READ_CHUNK)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                data = b""
            if not data:  # the host went away (or the connection broke)
                self._drop(conn)
                return
            self._dispatch(conn, data)
            if len(data) < READ_CHUNK:
                return  # nothing more for now, most likely: the notifier tells otherwise

    def _dispatch(self, conn: Connection, data: bytes) -> None:
        # Not read again while its messages are handled (a handler may run an event loop).
        conn.reader.setEnabled(False)
        try:
            for message in conn.decoder.feed(data):
                if not conn.is_open:
                    return
                if isinstance(message, protocol.ProtocolError):
                    self.send(conn, protocol.error_reply(message.reason))
                else:
                    self.received.emit(conn, message)
        finally:
            if conn.is_open:
                conn.reader.setEnabled(True)

    # -- replies --------------------------------------------------------------------------------
    def send(self, conn: Any, message: dict[str, Any]) -> None:
        """Send ``message`` to ``conn`` without blocking (nothing when it is closed)."""
        if not isinstance(conn, Connection) or conn.socket is None:
            return
        try:
            data = protocol.encode(message)
        except ValueError:
            data = protocol.encode(protocol.error_reply("reply too large", message.get("id")))
        if not conn.outgoing:
            try:
                sent = conn.socket.send(data, _SEND_FLAGS)
            except (BlockingIOError, InterruptedError):
                sent = 0
            except OSError:
                self._drop(conn, later=True)
                return
            data = data[sent:]
            if not data:
                return
        conn.outgoing += data
        if len(conn.outgoing) > MAX_OUTGOING:  # it does not read what it is sent
            self._drop(conn, later=True)
            return
        conn.writer.setEnabled(True)

    def _write(self, *_args: object) -> None:
        conn = self._by_notifier.get(self.sender())
        if conn is None or conn.socket is None:
            return
        try:
            with memoryview(conn.outgoing) as pending:
                sent = conn.socket.send(pending, _SEND_FLAGS)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._drop(conn)
            return
        del conn.outgoing[:sent]
        if not conn.outgoing:
            conn.writer.setEnabled(False)
