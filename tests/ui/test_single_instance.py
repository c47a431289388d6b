"""The single-instance channel on Unix sockets (Linux, macOS): Python sockets and a
QSocketNotifier, where earlier versions used QtNetwork's QLocalServer/QLocalSocket.

What a user sees: a second launch (or ``authenticator pick``) reaches the running app, also
one of an older version and the other way round; the socket is theirs only; a crash leaves
nothing that stops the next start.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from authenticator.ui.platform.single_instance import (
    MAX_MESSAGE,
    MESSAGE,
    PICK,
    SingleInstance,
    channel,
    notify_running,
)

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")

NAME = "authenticator-test-channel"


@pytest.fixture
def temp_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """$TMPDIR of the test: where the socket goes. Short: a socket path has ~100 characters
    at most."""
    folder = tempfile.mkdtemp(prefix="si-")
    monkeypatch.setenv("TMPDIR", folder)
    yield Path(folder)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def instance(qtbot, temp_dir: Path) -> Iterator[SingleInstance]:
    running = SingleInstance(NAME)
    assert running.listen()
    yield running
    running.close()


def received(instance: SingleInstance) -> list[str]:
    """The commands ``instance`` signals from now on."""
    seen: list[str] = []
    instance.raise_requested.connect(lambda: seen.append("raise"))
    instance.pick_requested.connect(lambda: seen.append("pick"))
    return seen


def connect() -> socket.socket:
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(channel.socket_path(NAME))
    client.setblocking(False)
    return client


def closed_by_peer(client: socket.socket) -> bool:
    try:
        return client.recv(1) == b""
    except BlockingIOError:
        return False
    except ConnectionResetError:
        return True


def returns_soon(qtbot, call: Callable[[], bool]) -> bool:
    """What ``call`` returns, which must come long before the 10 minutes it is allowed to wait
    (run in a thread: a call that waits for its time-out fails the test instead of hanging)."""
    result: list[bool] = []
    threading.Thread(target=lambda: result.append(call()), daemon=True).start()
    qtbot.waitUntil(lambda: bool(result), timeout=10_000)
    return result[0]


def test_a_command_split_across_two_sends_is_one_command(qtbot, instance):
    seen = received(instance)
    with connect() as client:
        client.sendall(b"pi")
        qtbot.waitUntil(lambda: [c.lines.rest for c in instance._connections.values()]
                        == [b"pi"])
        assert seen == []
        with qtbot.waitSignal(instance.pick_requested):
            client.sendall(b"ck\n")
    qtbot.waitUntil(lambda: not instance._connections)  # closed: forgotten
    assert seen == ["pick"]


def test_a_message_over_the_limit_drops_the_connection_without_a_signal(qtbot, instance):
    seen = received(instance)
    with connect() as client:
        client.sendall(b"x" * MAX_MESSAGE + b"\n" + MESSAGE)
        qtbot.waitUntil(lambda: closed_by_peer(client))
    assert seen == []
    assert not instance._connections
    with qtbot.waitSignal(instance.raise_requested):  # the limit itself is fine
        assert notify_running(NAME, message=b" " * (MAX_MESSAGE - len(MESSAGE)) + MESSAGE)


@pytest.mark.parametrize("leftover", ["socket", "file"])
def test_what_a_crash_left_at_the_path_is_replaced(qtbot, temp_dir, leftover):
    path = channel.socket_path(NAME)
    if leftover == "socket":  # bound, never removed: nobody answers on it
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as dead:
            dead.bind(path)
    else:
        Path(path).write_bytes(b"")
    running = SingleInstance(NAME)
    assert running.listen()
    try:
        assert Path(path).is_socket()
        with qtbot.waitSignal(running.raise_requested):
            assert notify_running(NAME)
    finally:
        running.close()


def test_a_socket_a_live_instance_answers_on_is_left_to_it(qtbot, temp_dir):
    path = channel.socket_path(NAME)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as live:
        live.bind(path)
        live.listen()
        inode = os.stat(path).st_ino
        second = SingleInstance(NAME)
        assert not second.listen()
        assert os.stat(path).st_ino == inode


@pytest.mark.parametrize("there", ["nothing", "a file", "a dead socket"])
def test_notify_running_answers_false_at_once_when_nobody_listens(qtbot, temp_dir, there):
    path = channel.socket_path(NAME)
    if there == "a file":
        Path(path).write_bytes(b"raise\n")
    elif there == "a dead socket":
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as dead:
            dead.bind(path)
    assert returns_soon(qtbot, lambda: notify_running(NAME, timeout_ms=600_000)) is False


def test_close_removes_the_socket_file(qtbot, temp_dir):
    running = SingleInstance(NAME)
    assert running.listen()
    path = Path(channel.socket_path(NAME))
    assert path.is_socket()
    running.close()
    assert not path.exists()
    assert not notify_running(NAME)


def test_close_leaves_a_socket_file_that_is_no_longer_its_own(qtbot, temp_dir):
    first = SingleInstance(NAME)
    assert first.listen()
    path = Path(channel.socket_path(NAME))
    path.unlink()  # removed by hand, say; then another instance started
    second = SingleInstance(NAME)
    assert second.listen()
    try:
        first.close()
        assert path.is_socket()
        with qtbot.waitSignal(second.raise_requested):
            assert notify_running(NAME)
    finally:
        second.close()


def test_the_socket_file_is_for_this_user_only(qtbot, temp_dir):
    previous = os.umask(0)  # even when the umask lets everybody in
    try:
        running = SingleInstance(NAME)
        assert running.listen()
        umask_after = os.umask(0)
    finally:
        os.umask(previous)
    try:
        assert umask_after == 0  # the umask is left as it was
        mode = stat.S_IMODE(os.stat(channel.socket_path(NAME)).st_mode)
        assert mode & 0o077 == 0, oct(mode)
    finally:
        running.close()


def test_an_older_version_running_is_found(qtbot, temp_dir):
    from PySide6.QtNetwork import QLocalServer

    older = QLocalServer()
    assert older.listen(NAME)
    try:
        with qtbot.waitSignal(older.newConnection):
            assert notify_running(NAME, message=PICK)
        connection = older.nextPendingConnection()
        qtbot.waitUntil(lambda: connection.bytesAvailable() >= len(PICK))
        assert bytes(connection.readAll().data()) == PICK
    finally:
        older.close()


def test_an_older_version_finds_this_one(qtbot, instance):
    from PySide6.QtNetwork import QLocalSocket

    older = QLocalSocket()
    older.connectToServer(NAME)
    assert older.waitForConnected(5000)
    with qtbot.waitSignal(instance.pick_requested):
        older.write(PICK)
        older.flush()
    older.disconnectFromServer()


@pytest.mark.parametrize("tmpdir", ["unset", "only $TMP", "plain", "trailing slash", "dots",
                                    "symlink", "relative"])
def test_the_socket_is_where_qlocalserver_puts_it(qtbot, monkeypatch, tmpdir):
    from PySide6.QtNetwork import QLocalServer

    folder = tempfile.mkdtemp(prefix="si-")
    monkeypatch.chdir(os.path.dirname(folder))
    os.symlink(folder, f"{folder}-link")
    values = {"plain": folder, "trailing slash": f"{folder}/", "dots": f"{folder}/./x/..",
              "symlink": f"{folder}-link", "relative": os.path.basename(folder)}
    if tmpdir in ("unset", "only $TMP"):  # Qt reads $TMPDIR only ($TMP: tempfile does)
        monkeypatch.delenv("TMPDIR", raising=False)
        if tmpdir == "only $TMP":
            monkeypatch.setenv("TMP", folder)
    else:
        monkeypatch.setenv("TMPDIR", values[tmpdir])
    name = f"authenticator-test-{os.path.basename(folder)}"
    older = QLocalServer()
    try:
        assert older.listen(name)
        assert channel.socket_path(name) == older.fullServerName()
    finally:
        older.close()
        os.unlink(f"{folder}-link")
        shutil.rmtree(folder)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux")
def test_neither_end_loads_qtnetwork_and_the_sender_loads_no_qt(temp_dir):
    code = """if True:
    import sys
    import authenticator.ui  # the package itself loads QtCore
    loaded = set(sys.modules)
    from authenticator.ui.platform.single_instance import notify_running
    assert not notify_running("authenticator-nobody")
    sender = sorted(m for m in set(sys.modules) - loaded if m.startswith(("PySide6", "shiboken")))
    from PySide6.QtCore import QCoreApplication
    app = QCoreApplication([])
    from authenticator.ui.platform.single_instance import SingleInstance
    running = SingleInstance("authenticator-here")
    assert running.listen() and notify_running("authenticator-here")
    running.close()
    print(sender, "PySide6.QtNetwork" in sys.modules)
    """
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                         check=True, timeout=60)
    assert out.stdout.split() == ["[]", "False"]


def test_the_qtnetwork_fallback_speaks_the_same_protocol(qtbot, temp_dir):
    """What Windows uses (no Unix sockets in its Python), run here on QtNetwork's."""
    from authenticator.ui.platform.single_instance import qtnetwork

    fallback = qtnetwork.SingleInstance(NAME)
    assert fallback.listen()
    try:
        seen = received(fallback)
        with qtbot.waitSignal(fallback.pick_requested):
            assert qtnetwork.notify_running(NAME, 5000, PICK)
        with qtbot.waitSignal(fallback.raise_requested):
            assert notify_running(NAME)
        with qtbot.waitSignal(fallback.raise_requested):
            qtnetwork.notify_running(NAME, 5000, b"pi")  # then "ck" never comes
            qtnetwork.notify_running(NAME, 5000, b"x" * MAX_MESSAGE + b"\npick\n")  # too long
            qtnetwork.notify_running(NAME, 5000, b"\traise  \n")
        assert seen == ["pick", "raise", "raise"]
    finally:
        fallback.close()
    assert not qtnetwork.notify_running(NAME, 100, MESSAGE)
