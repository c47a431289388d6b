"""Exports: otpauth link lists, Google Authenticator export links and QR images, backups.

Everything but :func:`export_backup` writes keys *unencrypted*; callers must warn the user
first. Files are created new (never overwriting) and readable by their owner only.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

import segno

from authenticator.core.account import Account
from authenticator.core.errors import AuthenticatorError, file_problem
from authenticator.core.migration import (
    DEFAULT_MAX_BYTES,
    encode_migration_uris,
    google_export_problem,
)
from authenticator.core.uri import format_uri
from authenticator.storage import KdfParams
from authenticator.storage import export_backup as storage_export_backup

#: Pixels per QR module: a version-24 code (the largest batch) becomes ~1000 px wide,
#: comfortably scannable by a phone from a screen or a print-out.
PNG_SCALE = 8
PNG_BORDER = 4
#: Error correction at least M (what the batch size in ``core.migration`` was chosen for);
#: segno raises it when the code has room to spare.
PNG_ERROR = "m"
PRIVATE_FILE_MODE = 0o600


class ExportFailed(AuthenticatorError):
    """An export could not be written (one line, never a secret). Kinds: ``folder`` (fields
    ``name``, ``reason``: a FileProblem), ``exists-folder`` and ``exists-name`` (``name``;
    what to choose instead: an empty folder, another name), ``write`` (``name``,
    ``reason``)."""


def export_otpauth(accounts: Sequence[Account]) -> str:
    """One ``otpauth://`` link per line (lossless for everything a link carries)."""
    return "".join(format_uri(account) + "\n" for account in accounts)


def google_export_refusals(accounts: Sequence[Account]) -> list[str]:
    """Why some accounts cannot go into a Google export (empty: all of them can)."""
    return [f"{account.label}: {problem}" for account in accounts
            if (problem := google_export_problem(account)) is not None]


def export_google_migration(accounts: Sequence[Account], *,
                            max_bytes: int = DEFAULT_MAX_BYTES) -> list[str]:
    """Google Authenticator export links, several when the accounts don't fit one QR code.

    Raises an :class:`AuthenticatorError` naming the accounts Google's format cannot hold
    (Steam, periods other than 30 s, digits other than 6 or 8); see
    :func:`google_export_refusals` to leave them out beforehand.
    """
    return encode_migration_uris(accounts, max_bytes=max_bytes)


def export_google_migration_pngs(accounts: Sequence[Account], folder: str | os.PathLike[str],
                                 *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Path]:
    """One numbered PNG QR code per export link, in ``folder`` (created when missing).

    Files are named ``google-authenticator-export-1-of-3.png`` and so on; existing files are
    never overwritten.
    """
    links = export_google_migration(accounts, max_bytes=max_bytes)
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = file_problem(exc)
        raise ExportFailed(f"cannot create the folder {target.name}: {reason}", kind="folder",
                           name=target.name, reason=reason) from None
    paths = [target / f"google-authenticator-export-{i}-of-{len(links)}.png"
             for i in range(1, len(links) + 1)]
    existing = [p.name for p in paths if p.exists()]
    if existing:
        raise ExportFailed(f"{existing[0]} already exists; choose an empty folder",
                           kind="exists-folder", name=existing[0])
    for link, path in zip(links, paths, strict=True):
        code = segno.make(link, error=PNG_ERROR, micro=False)
        _write_private(path, functools.partial(code.save, kind="png", scale=PNG_SCALE,
                                               border=PNG_BORDER))
    return paths


def export_otpauth_file(accounts: Sequence[Account], path: Path) -> Path:
    """Write :func:`export_otpauth` to a new file readable by its owner only (0600)."""
    text = export_otpauth(accounts).encode("utf-8")
    _write_private(path, lambda out: out.write(text), if_exists="name")
    return path


def _write_private(path: Path, write: Callable[[BinaryIO], object], *,
                   if_exists: str = "folder") -> None:
    """Create ``path`` with mode 0600 (never overwriting) and let ``write`` fill it."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        with os.fdopen(fd, "wb") as out:
            write(out)
    except FileExistsError:
        advice = "choose another name" if if_exists == "name" else "choose an empty folder"
        raise ExportFailed(f"{path.name} already exists; {advice}", kind=f"exists-{if_exists}",
                           name=path.name) from None
    except OSError as exc:
        reason = file_problem(exc)
        raise ExportFailed(f"cannot write {path.name}: {reason}", kind="write", name=path.name,
                           reason=reason) from None



def export_backup(accounts: Sequence[Account], path: str | os.PathLike[str], password: str,
                  kdf: KdfParams | None = None) -> Path:
    """A new encrypted backup in our own vault format (storage layer; never overwrites).

    ``kdf`` defaults to parameters calibrated on this machine (about half a second).
    """
    return storage_export_backup(list(accounts), Path(path), password, kdf)
