"""The protocol, and both ends of the channel on a Unix socket with Python's ``socket``
module: no Qt here.

The protocol is one command per line: ``raise`` (show the window; what every older
version sends) and ``pick`` (show the quick pick box). Unknown lines are ignored; a line
may arrive in pieces.

The socket is where ``QLocalServer`` (what earlier versions listened with) puts a plain
name: ``QDir.tempPath()/name``, so either version finds the other. ``QDir.tempPath()`` is
``$TMPDIR`` made absolute and clean, symbolic links kept, else ``/tmp`` (macOS:
``NSTemporaryDirectory()``). :func:`tempfile.gettempdir` is not used: it skips a
``$TMPDIR`` that is missing or not writable and reads ``$TEMP``/``$TMP`` too, where Qt
does neither (the socket path would then differ from an older version's).
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys

from authenticator.ui.common import unix_socket

MESSAGE = b"raise\n"
PICK = b"pick\n"
MAX_MESSAGE = 256  # bytes buffered for one connection at most
COMMANDS = ("raise", "pick")
_DARWIN_USER_TEMP_DIR = 65537  # confstr() name of <unistd.h>; NSTemporaryDirectory() reads it


class Lines:
    """What one connection sent, cut into commands."""

    def __init__(self) -> None:
        self.rest = b""

    def feed(self, data: bytes) -> list[str] | None:
        """The commands ``data`` completes (whole lines, known ones only), or None when the
        unfinished line and ``data`` are over MAX_MESSAGE bytes together: nobody of ours
        sends more than a few bytes, so the connection is to be dropped."""
        pending = self.rest + data
        if len(pending) > MAX_MESSAGE:
            self.rest = b""
            return None
        *lines, self.rest = pending.split(b"\n")
        commands = [line.strip().decode("ascii", "replace") for line in lines]
        return [command for command in commands if command in COMMANDS]


def temp_path() -> str:
    """``QDir.tempPath()`` on Unix."""
    temp = os.environ.get("TMPDIR", "")
    if not temp and sys.platform == "darwin":
        with contextlib.suppress(OSError, ValueError):
            temp = os.confstr(_DARWIN_USER_TEMP_DIR) or ""
    return os.path.normpath(os.path.abspath(temp or "/tmp"))  # noqa: S108 (as Qt does)


def socket_path(name: str) -> str:
    """Where ``QLocalServer.listen(name)`` puts its socket."""
    return name if name.startswith("/") else os.path.join(temp_path(), name)


def send(name: str, timeout_ms: int, message: bytes) -> bool:
    """True when an instance listens on ``name`` and took all of ``message``; False when
    nobody answers (no file, not a socket, refused, timed out) or the connection broke."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(max(timeout_ms, 1) / 1000)
        try:
            client.connect(socket_path(name))
            client.sendall(message)
        except OSError:  # also the timeouts, and a path too long for a socket address
            return False
    return True


def listen(name: str) -> unix_socket.Bound | None:
    """A socket listening on ``name``; None when that fails (see :func:`unix_socket.listen`).

    A file already at the path that nobody answers on (left by a crash) is removed and the
    bind tried once more, as before. A socket that a live instance answers on is never
    removed: the earlier version removed it after one failed listen and took the channel
    over, leaving the running instance unreachable. Callers ask :func:`send` first, so this
    only differs when two instances start at the same moment: the second then runs without
    the channel instead of stealing it.
    """
    try:
        return unix_socket.listen(socket_path(name))
    except OSError:
        return None
