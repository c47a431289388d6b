"""Inter-process lock around read-check-merge-write of a vault.

Design: an advisory OS lock (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows) on a
separate file ``<vault>.lock`` beside the vault. It is held only while a save (or create) runs,
not while a vault is open: the GUI may keep a vault open for hours while the CLI adds to it,
and concurrent edits are reconciled by merging. The OS releases the lock when its holder dies,
so a killed process never leaves a stale lock; the file itself stays (deleting lock files races)
and only holds the holder's process id, for the error message.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path
from types import TracebackType

from authenticator.storage.atomic import FILE_MODE
from authenticator.storage.errors import VaultLockedError

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


DEFAULT_TIMEOUT = 2.0
_POLL_SECONDS = 0.02


class VaultLock:
    """``with VaultLock(path):`` waits up to ``timeout`` seconds, then raises
    :class:`VaultLockedError`. Opening the lock file may raise ``OSError`` (read-only folder)."""

    def __init__(self, path: Path, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = path
        self.timeout = timeout
        self._fd: int | None = None

    def __enter__(self) -> VaultLock:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), FILE_MODE)
        deadline = time.monotonic() + self.timeout
        try:
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise self._locked_error(fd)
                time.sleep(_POLL_SECONDS)
            with contextlib.suppress(OSError):  # the pid is informative only
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, str(os.getpid()).encode("ascii"))
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                _unlock(fd)
        finally:
            os.close(fd)

    @staticmethod
    def _locked_error(fd: int) -> VaultLockedError:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            holder = os.read(fd, 32).decode("ascii").strip()
        except (OSError, UnicodeDecodeError):
            holder = ""
        if holder.isdigit():
            return VaultLockedError(f"the vault is being saved by another program (process "
                                    f"{holder}); try again in a moment", kind="process",
                                    pid=int(holder))
        return VaultLockedError("the vault is being saved by another program; try again in a "
                                "moment")
