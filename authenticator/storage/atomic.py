"""Crash-safe file replacement: temp file in the same folder, write, fsync, rename, fsync dir."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from authenticator.core.errors import file_problem

if TYPE_CHECKING:
    import logging

TEMP_SUFFIX = ".tmp"
FILE_MODE = 0o600
DIR_MODE = 0o700


def _log() -> logging.Logger:
    """This module's logger, made when first needed (it only logs on rare failures, so
    start-up does not load ``logging`` for it)."""
    import logging

    return logging.getLogger(__name__)


def describe_os_error(err: OSError) -> str:
    """A short, secret-free reason such as "the disk is full"."""
    return str(file_problem(err))


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
    """Create ``folder`` and every missing folder above it with mode 0700 (private); folders
    that already exist keep their mode."""
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue
        with contextlib.suppress(OSError):  # the umask may have removed bits we did not want
            os.chmod(path, DIR_MODE)


def _kept_mode(target: Path) -> int:
    """The permission bits to give the new file: those of the file it replaces (a 0400 vault
    stays 0400), else 0600."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        return FILE_MODE


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """libc's renameat2 (Linux), looked up on the first swap: ``ctypes`` loads then, not
    at start-up. None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        found: Callable[..., int] = ctypes.CDLL(None, use_errno=True).renameat2
        return found
    return None


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    import ctypes  # loaded by _renameat2

    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False  # a file system without it: fall back to read-check-replace
    raise OSError(code, os.strerror(code))


def atomic_write(target: Path, data: bytes,
                 displaced: Callable[[bytes], Path | None] | None = None) -> None:
    """Replace ``target`` with ``data`` so a crash leaves either the old or the new file.

    ``target`` must not be a symlink (callers resolve it first: see ``files.real_path``).
    The new file keeps the old one's permission bits. Raises ``OSError`` (the caller turns
    it into a user-facing error); on failure the temporary file is removed and ``target``
    is untouched.

    ``displaced``: called with the bytes actually replaced (a sync tool may have replaced
    the file after the caller read it); it returns where to keep them, or None to drop
    them. On Linux the swap is atomic (nothing can slip in between); elsewhere the file is
    read again just before the rename.
    """
    temp = target.with_name(f"{temp_prefix(target)}{os.urandom(6).hex()}{TEMP_SUFFIX}")
    mode = _kept_mode(target)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 FILE_MODE)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
            if mode != FILE_MODE and hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
        finally:
            os.close(fd)
        if displaced is None:
            os.replace(temp, target)
        elif target.exists() and _exchange(temp, target):
            _keep(temp, displaced(temp.read_bytes()))
        else:
            with contextlib.suppress(FileNotFoundError):
                old = target.read_bytes()
                keep = displaced(old)
                if keep is not None:
                    _write_copy(keep, old)
            os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    try:
        fsync_dir(target.parent)
    except OSError as err:  # the new file is in place; only durability of the rename is unsure
        _log().warning("could not flush the folder of %s: %s", target.name, err.strerror)


def _keep(path: Path, destination: Path | None) -> None:
    if destination is None:
        os.unlink(path)
    else:
        os.replace(path, destination)


def _write_copy(destination: Path, data: bytes) -> None:
    fd = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 FILE_MODE)
    try:
        _write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


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
