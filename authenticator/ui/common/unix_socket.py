"""A listening Unix socket for one of the app's local channels (the single-instance channel,
the browser extension's), with Python's ``socket`` module: no Qt here.

What both channels need from it: a socket file only this user may use, a file left by a
crash replaced, a socket that a live process answers on never taken over, and the file
removed at the end only while it is still ours. Where Python has no ``socket.AF_UNIX``
(Windows) nothing here is used.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket

#: What a connection attempt meets when nobody listens on the path (any more).
NOBODY = (errno.ECONNREFUSED, errno.ENOENT)

#: A non-blocking socket listening, the path of its file and the file's (device, inode).
Bound = tuple[socket.socket, str, tuple[int, int]]


def answers(path: str) -> bool:
    """Whether something listens on ``path``; unsure (no permission, a full backlog...)
    counts as yes. A Unix socket's connect answers at once: refused or connected."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        try:
            probe.connect(path)
        except OSError as error:
            return error.errno not in NOBODY
    return True


def bind_private(listener: socket.socket, path: str) -> None:
    """Bind with a mode of 0o600: only this user may connect (QLocalServer left the
    umask's, often 0o755)."""
    old = os.umask(0o177)
    try:
        listener.bind(path)
    finally:
        os.umask(old)


def listen(path: str) -> Bound:
    """A non-blocking socket listening at ``path``; OSError when that fails, with the errno
    ``EADDRINUSE`` when a live process answers there.

    A file already at the path that nobody answers on (left by a crash) is removed and the
    bind tried once more. A socket that a live process answers on is never removed (that
    would leave it unreachable).
    """
    for attempt in range(2):
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            bind_private(listener, path)
        except OSError as error:
            listener.close()
            if attempt or error.errno != errno.EADDRINUSE or answers(path):
                raise
            with contextlib.suppress(OSError):
                os.unlink(path)
            continue
        try:
            listener.listen()
            listener.setblocking(False)
            status = os.stat(path)
        except OSError:
            listener.close()
            with contextlib.suppress(OSError):
                os.unlink(path)
            raise
        return listener, path, (status.st_dev, status.st_ino)
    raise OSError(errno.EADDRINUSE, os.strerror(errno.EADDRINUSE))  # pragma: no cover


def remove_if_ours(path: str, identity: tuple[int, int]) -> None:
    """Remove the socket file at ``path`` unless it is no longer the one we bound (another
    process may have replaced it since)."""
    with contextlib.suppress(OSError):
        status = os.lstat(path)
        if (status.st_dev, status.st_ino) == identity:
            os.unlink(path)


def release(listener: socket.socket, path: str, identity: tuple[int, int]) -> None:
    """Close ``listener`` and remove its file if still ours (what ``QLocalServer``'s
    destructor did)."""
    listener.close()
    remove_if_ours(path, identity)
