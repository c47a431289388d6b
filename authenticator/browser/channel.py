"""The local channel between the native host and the running app.

On Linux and macOS a Unix socket (mode 0600) in a folder only this user may enter (0700,
owned by us: checked, not assumed), where the app listens with Python's ``socket`` module
(earlier versions: Qt's ``QLocalServer``, by the same full path); on Linux the peer's user
id is also checked on each connection (``SO_PEERCRED``), both ways. On Windows
``QLocalServer`` uses a named pipe; the host opens it as a file.
"""

from __future__ import annotations

import os
import socket
import stat
import struct
import sys
import tempfile
from pathlib import Path
from typing import Any

from authenticator.core.errors import AuthenticatorError

SOCKET_NAME = "browser.sock"
FOLDER_NAME = "authenticator"
MAX_CONNECTIONS = 16  # native hosts (browser profiles) the app serves at once


class ChannelError(AuthenticatorError):
    pass


def runtime_dir(env: dict[str, str] | None = None) -> Path:
    """Our private runtime folder: ``$XDG_RUNTIME_DIR/authenticator`` (Linux), else
    ``<temp>/authenticator-<uid>`` (macOS's temp folder is already per user)."""
    env = dict(os.environ) if env is None else env
    base = env.get("XDG_RUNTIME_DIR")
    if base and os.path.isabs(base):
        return Path(base) / FOLDER_NAME
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(env.get("TMPDIR") or tempfile.gettempdir()) / f"{FOLDER_NAME}-{uid}"


def ensure_private_dir(folder: Path) -> Path:
    """Create ``folder`` 0700, or check an existing one is ours and closed to others."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
    except FileExistsError:
        raise ChannelError(f"{folder} is not a folder") from None
    except OSError as exc:
        raise ChannelError(f"cannot create {folder}: {exc.strerror}") from None
    if not stat.S_ISDIR(info.st_mode):
        raise ChannelError(f"{folder} is not a folder")
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise ChannelError(f"{folder} belongs to another user")
    if info.st_mode & 0o077:
        try:
            os.chmod(folder, 0o700)
        except OSError:
            raise ChannelError(f"{folder} is open to other users") from None
    return folder


def socket_path(env: dict[str, str] | None = None) -> Path:
    return runtime_dir(env) / SOCKET_NAME


def pipe_name() -> str:
    """The Windows named pipe (``QLocalServer.listen(name)`` -> ``\\\\.\\pipe\\name``)."""
    import getpass

    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    return "authenticator-browser-" + "".join(c for c in user if c.isalnum())[:40]


def server_address(env: dict[str, str] | None = None) -> str:
    """What the app listens on (a full socket path, or a pipe name on Windows)."""
    if sys.platform == "win32":
        return pipe_name()
    return str(socket_path(env))


def peer_uid(sock: socket.socket) -> int | None:
    """The user id of the other end of a Unix socket (Linux), None where unknown."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None
    size = struct.calcsize("3i")
    try:
        raw = sock.getsockopt(socket.SOL_SOCKET, option, size)
    except OSError:
        return None
    _pid, uid, _gid = struct.unpack("3i", raw)
    return int(uid)


def peer_is_us(fd: int) -> bool:
    """For the app: does the process on the other end of socket ``fd`` run as this user?"""
    if not hasattr(os, "getuid"):
        return True
    try:
        sock = socket.socket(fileno=os.dup(fd))
    except OSError:
        return False
    try:
        uid = peer_uid(sock)
    finally:
        sock.close()
    return uid is None or uid == os.getuid()


class PipeConnection:  # pragma: no cover - Windows only
    """A Windows named pipe opened as a file, with the few socket methods the host uses."""

    def __init__(self, name: str) -> None:
        self._file = open(rf"\\.\pipe\{name}", "r+b", buffering=0)  # noqa: SIM115

    def sendall(self, data: bytes) -> None:
        self._file.write(data)

    def makefile(self, _mode: str) -> Any:
        return self._file

    def close(self) -> None:
        self._file.close()


def connect(env: dict[str, str] | None = None, timeout: float = 5.0) -> Any:
    """For the host: connect to the app's socket (ChannelError when nobody listens or the
    listener runs as another user). On Windows, the app's named pipe (per user)."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        try:
            return PipeConnection(pipe_name())
        except OSError:
            raise ChannelError("Authenticator is not running") from None
    path = socket_path(env)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(str(path))
    except OSError:
        sock.close()
        raise ChannelError("Authenticator is not running") from None
    uid = peer_uid(sock)
    if uid is not None and uid != os.getuid():
        sock.close()
        raise ChannelError("the socket belongs to another user")
    sock.settimeout(None)
    return sock
