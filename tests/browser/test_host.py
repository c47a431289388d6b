"""The native host: checks framing, forwards to the app's socket, starts the app when needed,
and never talks to a socket owned by someone else or a folder others can enter."""

from __future__ import annotations

import os
import socket
import stat
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from authenticator.browser import channel, protocol
from authenticator.browser.host import Relay, caller_origin


class FakeApp:
    """Listens on the app's socket and answers each request with its own id and origin."""

    def __init__(self, env: dict[str, str]) -> None:
        path = channel.socket_path(env)
        channel.ensure_private_dir(path.parent)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(str(path))
        self.sock.listen()
        self.seen: list[dict[str, Any]] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return  # closed before anyone connected
        stream = conn.makefile("rb")
        while True:
            message = protocol.read_message(stream, protocol.MAX_ENVELOPE)
            if message is None:
                break
            assert isinstance(message, dict)
            self.seen.append(message)
            inner = message["message"]
            conn.sendall(protocol.encode({"id": inner.get("id"), "status": "ok",
                                          "origin": message["origin"]}))
        conn.close()

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"XDG_RUNTIME_DIR": str(tmp_path)}


def run_relay(env: dict[str, str], data: bytes, replies_wanted: int, launch: Any = None,
              origin: str = "chrome-extension://abc/", **clock: Any) -> list[Any]:
    """Run the host on pipes like a browser does: send ``data``, read replies until
    ``replies_wanted`` came, then close its stdin (the browser closing the port)."""
    in_r, in_w = os.pipe()
    out_r, out_w = os.pipe()
    stdin, stdout = os.fdopen(in_r, "rb", buffering=0), os.fdopen(out_w, "wb")
    relay = Relay(stdout, origin, lambda: channel.connect(env), launch or (lambda: None),
                  start_timeout=20, **clock)
    thread = threading.Thread(target=relay.run, args=(stdin,), daemon=True)
    thread.start()
    writer = threading.Thread(target=lambda: (os.write(in_w, data) if len(data) < 65536
                                              else _write_all(in_w, data)), daemon=True)
    writer.start()
    replies = []
    with os.fdopen(out_r, "rb", buffering=0) as out:
        while len(replies) < replies_wanted:
            item = protocol.read_message(out)
            assert item is not None
            replies.append(item)
        writer.join(10)
        os.close(in_w)
        thread.join(10)
    assert not thread.is_alive()
    stdout.close()
    stdin.close()
    return replies


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def test_requests_are_forwarded_with_the_caller_origin(env: dict[str, str]) -> None:
    app = FakeApp(env)
    try:
        data = protocol.encode({"type": "ping", "id": 1}) + protocol.encode({"type": "x", "id": 2})
        replies = run_relay(env, data, 2)
        assert replies == [{"id": 1, "status": "ok", "origin": "chrome-extension://abc/"},
                           {"id": 2, "status": "ok", "origin": "chrome-extension://abc/"}]
        assert [m["message"]["id"] for m in app.seen] == [1, 2]
        assert all(m["origin"] == "chrome-extension://abc/" for m in app.seen)
    finally:
        app.close()


def test_hostile_messages_get_error_replies_and_are_not_forwarded(env: dict[str, str]) -> None:
    app = FakeApp(env)
    try:
        big = protocol.MAX_MESSAGE + 1
        data = (b"\x05\0\0\0{bad}" + b"\x02\0\0\0[]" + b"\x02\0\0\0\xff\xfe"
                + big.to_bytes(4, sys.byteorder) + b"x" * big)
        replies = run_relay(env, data, 4)
        assert replies == [
            {"status": "error", "error": "message is not valid JSON"},
            {"status": "error", "error": "message is not a JSON object"},
            {"status": "error", "error": "message is not UTF-8"},
            {"status": "error", "error": "message too large"},
        ]
        assert app.seen == []
    finally:
        app.close()


def test_the_app_is_started_when_not_running(env: dict[str, str]) -> None:
    started: list[FakeApp] = []
    replies = run_relay(env, protocol.encode({"type": "ping", "id": 9}), 1,
                        launch=lambda: started.append(FakeApp(env)))
    try:
        assert len(started) == 1
        assert [m["message"]["id"] for m in started[0].seen] == [9]
    finally:
        for app in started:
            app.close()
    assert replies == [{"id": 9, "status": "ok", "origin": "chrome-extension://abc/"}]


def test_no_app_and_none_starting_is_one_clear_reply(env: dict[str, str]) -> None:
    now = [0.0]  # the host's clock, advanced by its own waits: no real waiting
    replies = run_relay(env, protocol.encode({"type": "ping", "id": 4}), 1,
                        clock=lambda: now[0], sleep=lambda s: now.__setitem__(0, now[0] + s))
    assert now[0] > 20
    assert replies == [{"status": "no-app", "error": "Authenticator is not running", "id": 4}]


def test_caller_origin() -> None:
    assert caller_origin(["chrome-extension://abc/"]) == "chrome-extension://abc/"
    assert caller_origin(["chrome-extension://abc/", "--parent-window=0"]) == \
        "chrome-extension://abc/"
    assert caller_origin(["/home/u/.mozilla/x.json", "browser@authenticator.invalid"]) == \
        "moz-extension:browser@authenticator.invalid"
    assert caller_origin([]) == ""


def test_the_runtime_folder_is_private(tmp_path: Path) -> None:
    folder = channel.ensure_private_dir(tmp_path / "authenticator")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    os.chmod(folder, 0o755)  # noqa: S103 (opened to others on purpose)
    channel.ensure_private_dir(folder)  # tightened again
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    (tmp_path / "file").write_text("")
    with pytest.raises(channel.ChannelError, match="not a folder"):
        channel.ensure_private_dir(tmp_path / "file")
    assert channel.runtime_dir({"XDG_RUNTIME_DIR": "/run/user/5"}) == \
        Path("/run/user/5/authenticator")
    assert channel.runtime_dir({"TMPDIR": "/tmp/x"}).name == f"authenticator-{os.getuid()}"


def test_peer_credentials_are_ours() -> None:
    a, b = socket.socketpair(socket.AF_UNIX)
    try:
        assert channel.peer_uid(a) == os.getuid()
        assert channel.peer_is_us(b.fileno())
    finally:
        a.close()
        b.close()


def test_the_cli_host_answers_garbage_without_a_traceback(tmp_path: Path) -> None:
    from tests.helpers.cli import run

    result = run("browser-host", "chrome-extension://x/", env={"XDG_RUNTIME_DIR": str(tmp_path)},
                 stdin="\x03\0\0\0abc")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "message is not valid JSON" in result.stdout


@pytest.mark.skipif(sys.platform != "linux", reason="finds the app's pid with SO_PEERCRED")
def test_the_real_host_starts_the_real_app_when_it_is_not_running(tmp_path: Path) -> None:
    """``authenticator browser-host`` with no app running starts ``authenticator
    --minimized`` (offscreen here), waits for its socket and forwards the request."""
    import signal
    import subprocess

    from authenticator.storage.kdf import KdfParams
    from authenticator.storage.vault import Vault

    vault = tmp_path / "vault.authvault"
    Vault.create(vault, "pw", kdf=KdfParams.for_tests()).close()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AUTHENTICATOR_", "XDG_"))}
    env.update(HOME=str(tmp_path / "home"), XDG_RUNTIME_DIR=str(tmp_path / "run"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               AUTHENTICATOR_VAULT=str(vault), QT_QPA_PLATFORM="offscreen")
    (tmp_path / "run").mkdir(mode=0o700)
    host = subprocess.Popen([sys.executable, "-m", "authenticator", "browser-host",
                             "chrome-extension://x/"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, env=env)
    app_pid = None
    try:
        assert host.stdin is not None and host.stdout is not None
        host.stdin.write(protocol.encode({"type": "ping", "id": 1}))
        host.stdin.flush()
        reply = protocol.read_message(host.stdout)  # blocks until the app answered
        assert reply == {"status": "ok", "paired": False, "id": 1}
        probe = channel.connect({"XDG_RUNTIME_DIR": str(tmp_path / "run")})
        creds = probe.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12)
        app_pid = int.from_bytes(creds[:4], sys.byteorder)
        probe.close()
    finally:
        host.stdin.close()  # type: ignore[union-attr]
        host.wait(30)
        if app_pid:
            os.kill(app_pid, signal.SIGTERM)  # the app the host started for us
    assert host.returncode == 0


def test_a_message_just_under_the_limit_still_reaches_the_app(env: dict[str, str]) -> None:
    app = FakeApp(env)
    try:
        filler = "x" * (protocol.MAX_MESSAGE - 40)
        data = protocol.encode({"type": "ping", "id": 5, "pad": filler})
        assert len(data) - 4 > protocol.MAX_MESSAGE - 100
        replies = run_relay(env, data, 1)
        assert replies == [{"id": 5, "status": "ok", "origin": "chrome-extension://abc/"}]
    finally:
        app.close()
