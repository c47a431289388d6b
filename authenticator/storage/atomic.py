"""Crash-safe file replacement: temp file in the same folder, write, fsync, rename, fsync dir."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import secrets
from pathlib import Path

TEMP_SUFFIX = ".tmp"
FILE_MODE = 0o600
DIR_MODE = 0o700
_log = logging.getLogger(__name__)

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EROFS: "the folder is on a read-only file system",
    errno.EACCES: "permission was denied",
    errno.EPERM: "permission was denied",
    errno.ENOENT: "the folder no longer exists",
    errno.EIO: "the disk reported an input/output error",
}


def describe_os_error(err: OSError) -> str:
    """A short, secret-free reason such as "the disk is full"."""
    if err.errno in _REASONS:
        return _REASONS[err.errno]
    return (err.strerror or type(err).__name__).lower()


def temp_prefix(target: Path) -> str:
    return f".{target.name}."


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def fsync_dir(folder: Path) -> None:
    """Make a rename durable. Not possible (nor needed) on Windows."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ensure_dir(folder: Path) -> None:
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)


def atomic_write(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` so a crash leaves either the old or the new file.

    Raises ``OSError`` (the caller turns it into a user-facing error); on failure the
    temporary file is removed and ``target`` is untouched.
    """
    temp = target.with_name(f"{temp_prefix(target)}{secrets.token_hex(6)}{TEMP_SUFFIX}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 FILE_MODE)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    try:
        fsync_dir(target.parent)
    except OSError as err:  # the new file is in place; only durability of the rename is unsure
        _log.warning("could not flush the folder of %s: %s", target.name, err.strerror)


def remove_stale_temps(target: Path) -> None:
    """Delete temp files left by a writer that was killed mid-save.

    Only call while holding the vault lock: writers create temp files only under the lock,
    so any temp file present then is stale.
    """
    prefix = temp_prefix(target)
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
