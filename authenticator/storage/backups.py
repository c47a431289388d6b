"""Versioned backups: before each save the previous vault file is kept in ``backups/``.

Backups are byte-for-byte copies of earlier vault files (still encrypted; each opens with the
password that was current when it was saved) named ``<vault stem>-<UTC time>.authvault``.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from authenticator.storage.atomic import TEMP_SUFFIX, atomic_write, ensure_dir
from authenticator.storage.paths import backup_dir_for

DEFAULT_BACKUPS_TO_KEEP = 10
_TIME_FORMAT = "%Y%m%d-%H%M%S-%f"
_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    saved: datetime  # when the vault that this file is a copy of was replaced (UTC)
    size: int


def _prefix(vault_path: Path) -> str:
    return f"{vault_path.stem}-"


def _parse_time(vault_path: Path, name: str) -> datetime | None:
    stamp = name[len(_prefix(vault_path)):-len(vault_path.suffix) or None]
    try:
        return datetime.strptime(stamp, _TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None


def list_backups(vault_path: Path) -> list[BackupInfo]:
    """Backups of ``vault_path``, newest first (no password needed)."""
    folder = backup_dir_for(vault_path)
    found: list[BackupInfo] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        if not (entry.name.startswith(_prefix(vault_path))
                and entry.name.endswith(vault_path.suffix) and entry.is_file()):
            continue
        saved = _parse_time(vault_path, entry.name)
        if saved is None:
            continue
        with contextlib.suppress(OSError):
            found.append(BackupInfo(Path(entry.path), saved, entry.stat().st_size))
    return sorted(found, key=lambda info: info.saved, reverse=True)


def write_backup(vault_path: Path, data: bytes, now: float) -> Path:
    """Store ``data`` (the vault file about to be replaced); raises OSError."""
    folder = backup_dir_for(vault_path)
    ensure_dir(folder)
    when = datetime.fromtimestamp(now, UTC)
    existing = list_backups(vault_path)
    if existing and existing[0].saved >= when:  # clock stepped back, or saves within 1 µs:
        when = existing[0].saved + timedelta(microseconds=1)  # keep names in save order
    target = folder / f"{_prefix(vault_path)}{when.strftime(_TIME_FORMAT)}{vault_path.suffix}"
    _remove_stale_temps(folder, vault_path)
    atomic_write(target, data)
    return target


def _remove_stale_temps(folder: Path, vault_path: Path) -> None:
    """Temp files of backups whose writer was killed (called under the vault lock)."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(f".{_prefix(vault_path)}") and \
                    entry.name.endswith(TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def prune_backups(vault_path: Path, keep: int) -> None:
    """Delete all but the ``keep`` newest backups (best effort: failures are only logged)."""
    for info in list_backups(vault_path)[max(keep, 0):]:
        try:
            info.path.unlink()
        except OSError as err:
            _log.warning("could not delete old backup %s: %s", info.path.name, err.strerror)
