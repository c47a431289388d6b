"""Versioned backups: before each save the previous vault file is kept in ``backups/``.

Backups are byte-for-byte copies of earlier vault files (still encrypted; each opens with the
password that was current when it was saved) named ``<vault stem>-<UTC time>.authvault``.

Retention (:func:`kept_backups`) is spread over time, so that a bad edit noticed a week later
can still be undone even after hundreds of saves: the last 10 saves, plus the first backup
of each of the last 7 days, of each of the last 8 weeks and of each of the last 12 months
(periods counted in UTC, back from the newest backup). "The first of each period" is stable:
a backup kept for its day stays until its week, month and year have all moved on.

Restoring (:func:`restore_backup`) never deletes anything: the current vault file becomes a
backup first, or, if it is damaged, is kept aside beside the vault as
``<name>.damaged-<UTC time>``.

When the vault is in a synced folder, ``backups/`` syncs with it by default, and that is the
recommended setup (README, "One vault on several devices"): it also carries each device's
last write (``<stem>.written-<tag>``, see ``vault_sync.written_copies``), which lets the
other devices recover a save the sync tool replaced without a conflict copy. Everything
here is safe with the other devices' files present: their backups are listed, pruned and
merged like ours (merging is a union), and names never clash (UTC times to the
microsecond, one ``written-<tag>`` per device). Not syncing it is safe too (a replaced save
then comes back at its own device's next open or save).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from authenticator.core.options import BACKUPS_TO_KEEP
from authenticator.storage.atomic import TEMP_SUFFIX, atomic_write, ensure_dir, fsync_dir
from authenticator.storage.paths import backup_dir_for, lock_path_for

if TYPE_CHECKING:  # datetime and logging load when first used, not at start-up
    import logging
    from datetime import datetime

DEFAULT_BACKUPS_TO_KEEP = BACKUPS_TO_KEEP.default  # declared in core/options.py
"""The most recent saves kept (the setting ``backups_to_keep``; 0 turns backups off)."""
DAILY, WEEKLY, MONTHLY = 7, 8, 12
"""Besides the recent saves: the first backup of each of the last 7 days, 8 weeks, 12 months."""
_DAY = 86_400
_PERIODS = ((_DAY, DAILY), (7 * _DAY, WEEKLY), (30 * _DAY, MONTHLY))
DAMAGED_MARK = ".damaged-"
_TIME_FORMAT = "%Y%m%d-%H%M%S-%f"


def _log() -> logging.Logger:
    import logging

    return logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    saved: datetime  # when the vault that this file is a copy of was replaced (UTC)
    size: int


def _prefix(vault_path: Path) -> str:
    return f"{vault_path.stem}-"


def _parse_time(vault_path: Path, name: str) -> datetime | None:
    from datetime import UTC, datetime

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
    from datetime import UTC, datetime, timedelta

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


def kept_backups(saved: list[datetime], recent: int) -> set[datetime]:
    """Which backup times the retention policy keeps (see the module docstring).

    Periods are whole UTC days, weeks and 30-day months counted from the Unix epoch, so a
    backup never changes period; "now" is the newest backup (the last save), which makes
    the choice independent of the wall clock and testable.
    """
    if recent <= 0 or not saved:
        return set()
    ordered = sorted(saved)
    keep = set(ordered[-recent:])
    newest = ordered[-1].timestamp()
    for length, count in _PERIODS:
        current = int(newest // length)
        first_in: dict[int, datetime] = {}
        for when in ordered:  # oldest first: the first one seen in a period is kept
            period = int(when.timestamp() // length)
            if current - period < count:
                first_in.setdefault(period, when)
        keep.update(first_in.values())
    return keep


def prune_backups(vault_path: Path, keep: int) -> None:
    """Apply the retention policy with ``keep`` recent saves (best effort: failures are only
    logged). ``keep`` 0 means no backups at all."""
    backups = list_backups(vault_path)
    kept = kept_backups([info.saved for info in backups], max(keep, 0))
    for info in [b for b in backups if b.saved not in kept]:
        try:
            info.path.unlink()
        except FileNotFoundError:  # another device pruned it first (backups/ syncs)
            continue
        except OSError as err:
            _log().warning("could not delete old backup %s: %s", info.path.name, err.strerror)


# -- restoring ------------------------------------------------------------------------------
def utc_stamp(now: float) -> str:
    """``now`` as a UTC time for a file name: ``20260102-150405``."""
    from datetime import UTC, datetime

    return datetime.fromtimestamp(now, UTC).strftime("%Y%m%d-%H%M%S")


def set_aside_damaged(vault_path: Path, now: float) -> Path:
    """Rename a damaged vault to ``<name>.damaged-<UTC time>`` beside it (never deleted)."""
    target = vault_path.with_name(f"{vault_path.name}{DAMAGED_MARK}{utc_stamp(now)}")
    n = 1
    while target.exists():
        n += 1
        target = vault_path.with_name(f"{vault_path.name}{DAMAGED_MARK}{utc_stamp(now)}-{n}")
    os.rename(vault_path, target)
    fsync_dir(vault_path.parent)
    return target


def restore_backup(vault_path: Path, backup_path: Path, now: float, *,
                   damaged: bool) -> Path | None:
    """Make ``backup_path`` the vault file again, under the vault lock. The current file is
    kept: as a new backup, or set aside as ``.damaged-...`` when ``damaged``. Returns where
    it went (None when there was no current file). Raises OSError / VaultLockedError."""
    from authenticator.storage.lock import VaultLock  # the lock imports nothing of ours

    with VaultLock(lock_path_for(vault_path)):
        return _restore_locked(vault_path, backup_path, now, damaged)


def _restore_locked(vault_path: Path, backup_path: Path, now: float, damaged: bool) -> Path | None:
    data = backup_path.read_bytes()
    kept: Path | None = None
    if vault_path.exists():
        if damaged:
            kept = set_aside_damaged(vault_path, now)
        else:
            kept = write_backup(vault_path, vault_path.read_bytes(), now)
    atomic_write(vault_path, data)
    for written in backup_dir_for(vault_path).glob(f"{vault_path.stem}.written-*"):
        with contextlib.suppress(OSError):  # the restore is chosen: nothing may undo it
            written.unlink()
    return kept


def backup_owner(path: Path) -> Path | None:
    """The vault that ``path`` is an automatic backup of, if it is one (``backups/`` folder
    beside the vault, name ``<stem>-<UTC time><suffix>``), else None."""
    if path.parent.name != backup_dir_for(path).name:
        return None
    base = path.name[:-len(path.suffix)] if path.suffix else path.name
    parts = base.rsplit("-", 3)
    if len(parts) != 4 or not parts[0]:
        return None
    from datetime import datetime

    try:
        datetime.strptime("-".join(parts[1:]), _TIME_FORMAT)
    except ValueError:
        return None
    return path.parent.parent / f"{parts[0]}{path.suffix}"
