"""Reading vault-sized files safely: regular files only, bounded size, symlinks followed.

A path handed to the app may be a FIFO (reading it would hang), a device such as
``/dev/zero`` (endless), or a huge sparse file: all are refused *before* reading, from the
``fstat`` of the opened descriptor (so a swap between check and read cannot fool it).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from authenticator.core.errors import file_problem
from authenticator.storage.errors import NotAVaultError, VaultError, VaultNotFoundError

#: Largest vault file accepted. A vault with 10,000 accounts is about 5 MiB.
MAX_VAULT_BYTES = 32 * 1024 * 1024

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def real_path(path: Path) -> Path:
    """``path`` with every symlink followed (also a dangling one: its target), so saves
    replace the file the link points to, in that file's own folder."""
    return Path(os.path.realpath(path))


def _read_error(err: OSError, path: Path, what: str) -> VaultError:
    reason = file_problem(err)
    return VaultError(f"cannot read the {what} {path}: {reason}",
                      kind=f"read-{what.split()[0]}", path=str(path), reason=reason)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_limited(path: Path, what: str = "vault file", limit: int = MAX_VAULT_BYTES) -> bytes:
    """The bytes of the regular file ``path`` (symlinks followed); raises VaultNotFoundError,
    NotAVaultError (not a regular file, or larger than ``limit``) or VaultError."""
    a = "an" if what[:1] in "aeiou" else "a"
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
        | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise VaultNotFoundError(f"there is no {what} at {path}", kind=what.split()[0],
                                 path=str(path)) from None
    except IsADirectoryError:
        raise NotAVaultError(f"{path} is a folder, not {a} {what}") from None
    except OSError as err:
        raise _read_error(err, path, what) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAVaultError(f"{path} is {_kind(info.st_mode)}, not {a} {what}")
        if info.st_size > limit:
            raise NotAVaultError(
                f"{path} is {info.st_size // (1024 * 1024)} MiB, far larger than {a} {what} can "
                f"be (at most {limit // (1024 * 1024)} MiB)")
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # the file grew while being read
            raise NotAVaultError(f"{path} is larger than {a} {what} can be")
        return b"".join(chunks)
    except OSError as err:
        raise _read_error(err, path, what) from None
    finally:
        os.close(fd)


def digest(data: bytes) -> bytes:
    """SHA-256 of file bytes: whether two reads saw the same file."""
    import hashlib

    return hashlib.sha256(data).digest()
