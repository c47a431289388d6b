"""The browser extension's channel on Unix sockets (Linux, macOS): the app listens with
Python sockets and QSocketNotifier, where earlier versions used QtNetwork's QLocalServer.

What a user sees: the native host reaches the running app and gets every reply, however
the bytes are cut; a host that stops reading costs the app neither its responsiveness nor
unbounded memory; the socket is theirs only; a crash leaves nothing that stops the next
start, a second app never takes the socket of the first; QtNetwork is not loaded.
"""

from __future__ import annotations

import contextlib
import os
import socket
import stat
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from authenticator.browser import channel, protocol
from authenticator.ui.browser import unix_server
from authenticator.ui.browser.server import MAX_CONNECTIONS, BrowserServer

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")

ORIGIN = "chrome-extension://bgdnohhekfobinafpcfklnnhffikjaam/"


def envelope(**message: Any) -> bytes:
    return protocol.encode({"origin": ORIGIN, "message": message}, protocol.MAX_ENVELOPE)


class Client:
    """A native host's end: blocking sends (big ones from a thread), reads that never wait."""

    def __init__(self, address: str) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(address)
        self.decoder = protocol.FrameDecoder(protocol.MAX_MESSAGE + 1024)
        self.replies: list[Any] = []
        self.closed = False

    def poll(self) -> None:
        while not self.closed:
            try:
                data = self.sock.recv(1 << 20, socket.MSG_DONTWAIT)
            except BlockingIOError:
                return
            except ConnectionResetError:
                data = b""
            if not data:
                self.closed = True
                return
            self.replies.extend(self.decoder.feed(data))

    def send_in_thread(self, data: bytes) -> threading.Thread:
        thread = threading.Thread(target=self.sock.sendall, args=(data,), daemon=True)
        thread.start()
        return thread

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def server(qtbot) -> Iterator[BrowserServer]:
    running = BrowserServer()  # in the test's own runtime folder (tests/conftest.py)
    assert running.listen(), running.error
    yield running
    running.close()


@pytest.fixture
def client(server: BrowserServer) -> Iterator[Client]:
    c = Client(server.address)
    yield c
    c.close()


def messages(server: BrowserServer) -> list[tuple[Any, dict[str, Any]]]:
    got: list[tuple[Any, dict[str, Any]]] = []
    server.received.connect(lambda conn, message: got.append((conn, message)))
    return got


def gone(server: BrowserServer) -> list[Any]:
    seen: list[Any] = []
    server.disconnected.connect(seen.append)
    return seen


def connection_of(qtbot, server: BrowserServer, client: Client) -> Any:
    """The server's connection object for ``client`` (it sends a ping to learn it)."""
    got = messages(server)
    client.sock.sendall(envelope(type="ping", id="hello"))
    qtbot.waitUntil(lambda: any(m["message"].get("id") == "hello" for _c, m in got))
    return next(c for c, m in got if m["message"].get("id") == "hello")


@contextlib.contextmanager
def not_blocking(client: Client) -> Iterator[list[bool]]:
    """Around sends on the GUI thread to a host that does not read: should one block (the
    bug), the host's socket is shut after a while, which ends it; the list then says so."""
    blocked: list[bool] = []

    def unblock() -> None:
        blocked.append(True)
        client.sock.shutdown(socket.SHUT_RDWR)

    watchdog = threading.Timer(20, unblock)
    watchdog.start()
    try:
        yield blocked
    finally:
        watchdog.cancel()


def test_a_message_cut_anywhere_arrives_whole_and_in_order(qtbot, server, client):
    got = messages(server)
    data = envelope(type="ping", id=1) + envelope(type="ping", id=2)
    client.sock.sendall(data[:2])  # inside the length
    qtbot.waitUntil(lambda: [c.decoder._buffer for c in server._connections] == [data[:2]])
    client.sock.sendall(data[2:10])  # inside the body
    qtbot.waitUntil(lambda: [len(c.decoder._buffer) for c in server._connections] == [10])
    assert got == []
    with qtbot.waitSignals([server.received, server.received]):
        client.sock.sendall(data[10:])  # the end of one, the other whole
    assert [m for _c, m in got] == [{"origin": ORIGIN, "message": {"type": "ping", "id": 1}},
                                    {"origin": ORIGIN, "message": {"type": "ping", "id": 2}}]
    assert got[0][0] is got[1][0]


def test_a_reply_reaches_the_host(qtbot, server, client):
    conn = connection_of(qtbot, server, client)
    server.send(conn, {"status": "ok", "id": 7})
    qtbot.waitUntil(lambda: client.poll() or bool(client.replies))
    assert client.replies == [{"status": "ok", "id": 7}]
    assert not conn.writer.isEnabled()  # nothing pending: the write notifier is off


def test_an_oversized_message_gets_an_error_and_the_connection_goes_on(qtbot, server, client):
    got = messages(server)
    too_big = protocol.MAX_ENVELOPE + 1
    sending = client.send_in_thread(struct.pack("=I", too_big) + b"x" * too_big
                                    + envelope(type="ping", id="after"))
    qtbot.waitUntil(lambda: client.poll() or bool(client.replies), timeout=10_000)
    assert client.replies == [{"status": "error", "error": "message too large"}]
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    assert got[0][1]["message"] == {"type": "ping", "id": "after"}
    sending.join()


def test_a_big_reply_goes_out_in_pieces_as_the_host_reads(qtbot, server, client):
    conn = connection_of(qtbot, server, client)
    blob = "y" * (protocol.MAX_MESSAGE - 100)  # far more than a socket buffer holds
    with not_blocking(client) as blocked:
        server.send(conn, {"status": "ok", "blob": blob})
        server.send(conn, {"status": "ok", "id": 2})  # queued behind it, in order
    assert blocked == []
    assert conn.outgoing and conn.writer.isEnabled()
    qtbot.waitUntil(lambda: client.poll() or len(client.replies) == 2, timeout=10_000)
    assert client.replies == [{"status": "ok", "blob": blob}, {"status": "ok", "id": 2}]
    assert not conn.outgoing and not conn.writer.isEnabled()


def test_a_host_that_never_reads_is_dropped_and_the_app_does_not_wait(qtbot, server, client):
    conn = connection_of(qtbot, server, client)
    sizes = []
    with not_blocking(client) as blocked, \
            qtbot.waitSignal(server.disconnected, timeout=10_000) as dropped:
        for _ in range(2 * unix_server.MAX_OUTGOING // protocol.MAX_MESSAGE):
            server.send(conn, {"status": "ok", "blob": "z" * (protocol.MAX_MESSAGE - 100)})
            sizes.append(len(conn.outgoing))
    assert blocked == []
    assert dropped.args == [conn] and not conn.is_open
    assert max(sizes) <= unix_server.MAX_OUTGOING and sizes[-1] == 0
    assert server._connections == []
    qtbot.waitUntil(lambda: client.poll() or client.closed, timeout=10_000)


def test_a_host_that_goes_away_is_told_once_and_replies_to_it_are_dropped(qtbot, server,
                                                                          client):
    conn = connection_of(qtbot, server, client)
    seen = gone(server)
    with qtbot.waitSignal(server.disconnected):
        client.close()
    assert seen == [conn] and not conn.is_open
    server.send(conn, {"status": "ok"})  # the feature answering late: nothing happens
    server.close()
    assert seen == [conn]


def test_close_closes_every_connection_and_removes_the_socket(qtbot, server, client):
    conn = connection_of(qtbot, server, client)
    seen = gone(server)
    server.close()
    assert seen == [conn]
    assert not Path(server.address).exists()
    qtbot.waitUntil(lambda: client.poll() or client.closed)
    with pytest.raises(channel.ChannelError):
        channel.connect()


def test_a_handler_that_closes_the_server_stops_the_messages(qtbot, server, client):
    seen = gone(server)
    got: list[Any] = []

    def on_message(conn: Any, message: dict[str, Any]) -> None:
        got.append(message)
        server.close()

    server.received.connect(on_message)
    client.sock.sendall(envelope(type="ping", id=1) + envelope(type="ping", id=2))
    qtbot.waitUntil(lambda: bool(seen))
    assert [m["message"]["id"] for m in got] == [1] and len(seen) == 1


def test_the_native_host_connects_and_round_trips(qtbot, server):
    conn_holder: list[Any] = []
    server.received.connect(lambda conn, message: (conn_holder.append(conn),
                                                   server.send(conn, {"id": 5, "ok": True})))
    sock = channel.connect()  # what authenticator/browser/host.py uses
    try:
        sock.sendall(envelope(type="ping", id=5))
        qtbot.waitUntil(lambda: bool(conn_holder))
        sock.settimeout(10)
        assert protocol.read_message(sock.makefile("rb")) == {"id": 5, "ok": True}
    finally:
        sock.close()


def test_no_more_than_the_connection_limit(qtbot, server):
    clients = [Client(server.address) for _ in range(MAX_CONNECTIONS + 1)]
    try:
        qtbot.waitUntil(lambda: clients[-1].poll() or clients[-1].closed)
        assert len(server._connections) == MAX_CONNECTIONS
        assert not any(c.closed for c in clients[:-1])
    finally:
        for c in clients:
            c.close()


@pytest.mark.parametrize("leftover", ["socket", "file"])
def test_what_a_crash_left_at_the_path_is_replaced(qtbot, leftover):
    address = channel.server_address()
    channel.ensure_private_dir(Path(address).parent)
    if leftover == "socket":  # bound, never removed: nobody answers on it
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as dead:
            dead.bind(address)
    else:
        Path(address).write_bytes(b"")
    running = BrowserServer()
    try:
        assert running.listen(), running.error
        assert Path(address).is_socket()
        client = Client(address)
        got = messages(running)
        client.sock.sendall(envelope(type="ping"))
        qtbot.waitUntil(lambda: bool(got))
        client.close()
    finally:
        running.close()


def test_a_socket_a_live_app_answers_on_is_left_to_it(qtbot):
    address = channel.server_address()
    channel.ensure_private_dir(Path(address).parent)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as live:
        live.bind(address)
        live.listen()
        inode = os.stat(address).st_ino
        second = BrowserServer()
        assert not second.listen()
        assert second.error == "another Authenticator window answers the browser extension"
        second.close()
        assert os.stat(address).st_ino == inode


def test_close_leaves_a_socket_file_that_is_no_longer_its_own(qtbot):
    first = BrowserServer()
    assert first.listen()
    Path(first.address).unlink()  # removed by hand, say; then another app started
    second = BrowserServer()
    assert second.listen()
    try:
        first.close()
        assert Path(second.address).is_socket()
        channel.connect().close()
    finally:
        second.close()


def test_the_socket_file_is_for_this_user_only(qtbot):
    previous = os.umask(0)  # even when the umask lets everybody in
    try:
        running = BrowserServer()
        assert running.listen()
        umask_after = os.umask(0)
    finally:
        os.umask(previous)
    try:
        assert umask_after == 0  # the umask is left as it was
        mode = stat.S_IMODE(os.stat(running.address).st_mode)
        assert mode & 0o077 == 0, oct(mode)
        assert stat.S_IMODE(os.stat(Path(running.address).parent).st_mode) == 0o700
    finally:
        running.close()


def test_the_qtnetwork_fallback_speaks_the_same_protocol(qtbot):
    """What Windows uses (no Unix sockets in its Python), run here on QtNetwork's."""
    from authenticator.ui.browser import qtnetwork

    fallback = qtnetwork.BrowserServer()
    assert fallback.listen(), fallback.error
    try:
        fallback.received.connect(lambda conn, message: fallback.send(
            conn, {"id": message["message"]["id"], "status": "ok"}))
        client = Client(fallback.address)
        data = envelope(type="ping", id=3)
        client.sock.sendall(data[:3])
        client.sock.sendall(data[3:])
        qtbot.waitUntil(lambda: client.poll() or bool(client.replies))
        assert client.replies == [{"id": 3, "status": "ok"}]
        client.close()
    finally:
        fallback.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux")
def test_the_browser_server_does_not_load_qtnetwork():
    code = """if True:
    import socket, sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    import authenticator.ui.browser.feature  # what installing the feature imports
    from authenticator.browser import channel, protocol
    from authenticator.ui.browser.server import BrowserServer
    server = BrowserServer()
    assert server.listen(), server.error
    server.received.connect(lambda conn, message: server.send(conn, {"id": 1}))
    sock = channel.connect()
    sock.sendall(protocol.encode({"origin": "o", "message": {"type": "ping", "id": 1}}))
    sock.setblocking(False)
    while True:
        app.processEvents()
        try:
            if sock.recv(100):
                break
        except BlockingIOError:
            pass
    server.close()
    print("PySide6.QtNetwork" in sys.modules)
    """
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                         check=True, timeout=120)
    assert out.stdout.split() == ["False"]
