"""The multi-device half of :class:`~.vault.Vault`: merging what other devices and sync
tools left on disk (a replaced file, conflict copies, an older copy put back, a file
renamed over ours mid-save, a password changed elsewhere). docs/vault-format.md, "Sync".
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from authenticator.core.account import Account
from authenticator.core.clock import Clock
from authenticator.storage import container
from authenticator.storage.atomic import atomic_write, ensure_dir, remove_stale_temps
from authenticator.storage.backups import list_backups, utc_stamp
from authenticator.storage.conflicts import find_conflict_copies
from authenticator.storage.container import SLOT_PASSWORD, Slot
from authenticator.storage.content import Tombstone, VaultContent, decode, encode
from authenticator.storage.errors import (
    NotAVaultError,
    SaveError,
    UnsupportedVersionError,
    VaultDamagedError,
    VaultError,
    VaultReplacedError,
    WrongPasswordError,
)
from authenticator.storage.files import digest, read_limited, real_path
from authenticator.storage.merge import TOMBSTONE_LIFETIME, merge, same_content
from authenticator.storage.paths import backup_dir_for


@dataclass(frozen=True, slots=True)
class SaveReport:
    """What a save (or an open) found on disk. ``message`` is the English summary the
    command line prints; the GUI reads the typed fields."""

    merged: bool = False
    message: str | None = None
    #: conflict copies beside the vault that could not be opened with its key (left alone)
    unreadable_copies: tuple[Path, ...] = field(default=())
    #: the vault password was changed on another device (use the new one from now on)
    password_changed: bool = False


def join(*parts: str | None) -> str | None:
    text = "; ".join(p for p in parts if p)
    return text or None


WRITTEN_MARK = ".written-"
WRITTEN_NOTE = ("merged a save that the sync tool had replaced without keeping a conflict "
                "copy (kept in backups as the last write of the device that made it)")


def written_copy_path(file: Path) -> Path:
    """Where this computer keeps the vault file as it last wrote it (one per computer and
    vault path, so devices sharing the folder never write the same name)."""
    import hashlib
    import socket  # here, not at start-up: only its host name, once a vault is opened

    tag = hashlib.sha256(f"{socket.gethostname()}\0{file}".encode()).hexdigest()[:10]
    return backup_dir_for(file) / f"{file.stem}{WRITTEN_MARK}{tag}{file.suffix}"


def written_copies(file: Path) -> list[Path]:
    """Every device's last write of this vault found in ``backups/``: this computer's, and
    the other devices' when the sync tool syncs ``backups/`` (the default; see README).

    Design (issue 13): a sync tool can replace a fresh write without keeping a conflict
    copy. Syncthing, for one, checks that the file is unchanged, then removes it and
    renames the other device's copy in: a save landing in between is gone, and nothing
    announces it. Each device's ``written-<tag>`` copy is written by that device alone, so
    no sync tool ever has two versions of it to choose from: it reaches every device intact,
    and every device merges them all (a union: merging an older state brings nothing back
    that a later deletion covers). When ``backups/`` does not sync, the device that made
    the write still merges its own copy at its next open or save: nothing is lost, it only
    reaches the others later."""
    own = written_copy_path(file)
    prefix = f"{file.stem}{WRITTEN_MARK}"
    try:
        entries = list(os.scandir(backup_dir_for(file)))
    except OSError:
        return []
    found = [Path(e.path) for e in entries
             if e.name.startswith(prefix) and e.name.endswith(file.suffix)
             and e.name != own.name and not e.name.startswith(".")]
    return [own, *sorted(found)]


def _written_after(backup: Path, file: Path) -> bool:
    """True if ``backup`` was written after ``file`` last changed. An older copy put back by
    a sync tool's history (or ``cp -p``) keeps its old time; a backup the user restored on
    purpose (``backups.restore_backup``) is written after the backup it displaced."""
    try:
        return backup.stat().st_mtime > file.stat().st_mtime
    except OSError:
        return False


class SyncMixin:
    """State it needs is set up by ``Vault.__init__``/``_adopt``."""

    path: Path
    read_only: bool
    _settings: dict[str, Any]
    open_report: SaveReport
    _clock: Clock
    _vault_id: str
    _slots: tuple[Slot, ...]
    _base_slots: tuple[Slot, ...]
    _base_accounts: dict[str, Account]
    _base_settings: dict[str, Any]
    _generation: int
    _retired: tuple[bytes, ...]
    _invalid: list[dict[str, Any]]
    _accounts: list[Account]
    _tombstones: dict[str, Tombstone]
    _dirty: bool
    _rescue_path: Path | None
    _disk_digest: bytes  # SHA-256 of the file bytes the memory state was read from
    _written_seen: dict[str, tuple[int, int, int]]

    def save(self) -> SaveReport:
        raise NotImplementedError

    def _master_key(self) -> bytes:
        raise NotImplementedError

    def _current(self) -> VaultContent:
        raise NotImplementedError

    def _set_memory(self, content: VaultContent) -> None:
        raise NotImplementedError

    def _adopt(self, content: VaultContent, data: bytes, slots: tuple[Slot, ...]) -> None:
        raise NotImplementedError

    @property
    def is_dirty(self) -> bool:
        raise NotImplementedError

    def _reconcile_on_open(self) -> None:
        """Merge conflict copies and a newer automatic backup (the file went back to an
        older copy) at once, so even a read-only command sees everything."""
        if self.read_only:
            return
        file = real_path(self.path)
        newest = next(iter(list_backups(file)), None)
        behind = (newest is not None and _written_after(newest.path, file)
                  and self._newer_backup(newest.path))
        written = self._merge_written(file)
        if not behind and not written and not find_conflict_copies(file):
            return
        with contextlib.suppress(VaultError):  # e.g. a read-only folder: the file stays as is
            self._dirty = self._dirty or behind or written
            report = self.save()
            if written:
                report = SaveReport(True, join(report.message, WRITTEN_NOTE),
                                    report.unreadable_copies)
            if behind:
                report = replace(report, merged=True, message=join(
                    "the vault file was older than its newest automatic backup (an older "
                    "copy put back, or a sync still under way); the backup was merged into "
                    "it", report.message))
            self.open_report = report

    def _newer_backup(self, path: Path) -> bool:
        """True if the backup at ``path`` holds a later save than the vault file (an older
        copy of the file was put back): its content is merged in by the next save."""
        found = self._read_copy(path)
        if found is None or found.generation <= self._generation:
            return False
        merged, _ = merge(self._current(), found, {}, found.settings, self._clock.now())
        self._set_memory(merged)
        return True

    def _keep_written(self, file: Path, data: bytes) -> None:
        """Keep what this computer just wrote (``backups/<stem>.written-<tag>``): a sync
        tool may still drop that write (replace the file with another device's concurrent
        copy and keep no conflict copy); this computer's next open or save, and every other
        device that gets the copy through a synced ``backups/``, merges it back."""
        path = written_copy_path(file)
        with contextlib.suppress(OSError):  # a convenience copy: never fails the save
            ensure_dir(backup_dir_for(file))
            remove_stale_temps(path)  # under the vault lock: all stale
            atomic_write(path, data)
            info = path.stat()
            self._written_seen[path.name] = (info.st_mtime_ns, info.st_size, info.st_ino)

    def _merge_written(self, file: Path) -> bool:
        """Merge every device's last written state (:func:`written_copies`); True if it
        added something. A copy older than the tombstones' lifetime is skipped (it could
        bring back accounts deleted since), and one already merged as it is now is not read
        again."""
        added = False
        oldest = self._clock.now() - TOMBSTONE_LIFETIME
        for path in written_copies(file):
            try:
                info = path.stat()
            except OSError:
                continue
            signature = (info.st_mtime_ns, info.st_size, info.st_ino)
            if info.st_mtime < oldest or self._written_seen.get(path.name) == signature:
                continue
            self._written_seen[path.name] = signature
            try:
                data = read_limited(path)
            except VaultError:
                continue
            if digest(data) == self._disk_digest:
                continue  # the very file opened: nothing to add (and no second decrypt)
            found = self._read_copy(path, data)
            if found is not None:  # else another vault's, or sealed with a key we never had
                added = self._absorb(found) or added
        return added

    def _absorb(self, found: VaultContent) -> bool:
        """Merge another copy of this vault into memory (its own settings as the base, so
        they never override ours); True if that changed anything."""
        result, _ = merge(self._current(), found, {}, found.settings, self._clock.now())
        self._generation = max(self._generation, found.generation)
        if same_content(result, self._current(), order=False):
            return False
        self._set_memory(result)
        self._dirty = True
        return True

    def _merge_slots(self, disk_slots: tuple[Slot, ...]) -> tuple[Slot, ...]:
        base_ids = {s.id for s in self._base_slots}
        mine_ids = {s.id for s in self._slots}
        added = [s for s in self._slots if s.id not in base_ids]
        removed = base_ids - mine_ids
        new_password = any(s.type == SLOT_PASSWORD for s in added)
        kept = [s for s in disk_slots if s.id not in removed
                and not (new_password and s.type == SLOT_PASSWORD)]
        return (*kept, *added)

    def _displaced_copy(self, file: Path, merged_from: bytes) -> Callable[[bytes], Path | None]:
        """Where to keep a file a sync tool put in place after we read (and merged) it:
        beside the vault as a copy the next save merges, so its changes are never lost."""
        def where(replaced: bytes) -> Path | None:
            if replaced == merged_from:
                return None
            stamp = utc_stamp(self._clock.now())
            return file.with_name(f"{file.stem} (displaced {stamp}-{os.urandom(3).hex()})"
                                  f"{file.suffix}")
        return where

    def _decrypt(self, parsed: container.Container, key: bytes) -> VaultContent | None:
        """The content of a file of this vault, opened with the key or a retired one."""
        for candidate in (key, *reversed(self._retired)):
            try:
                return decode(parsed.decrypt(candidate))
            except (WrongPasswordError, VaultDamagedError):  # another key: try the next one
                continue
        return None

    def _read_copy(self, path: Path, data: bytes | None = None) -> VaultContent | None:
        """The content of another file of this vault (conflict copy, backup; ``data``: its
        bytes when already read), or None (another vault's, damaged, or sealed with a key
        we do not have)."""
        try:
            parsed = container.parse(read_limited(path) if data is None else data)
            if parsed.vault_id != self._vault_id:
                return None
            return self._decrypt(parsed, self._master_key())
        except VaultError:
            return None

    def _merge_conflict_copies(self, file: Path, key: bytes) -> tuple[list[Path], list[Path]]:
        merged: list[Path] = []
        unreadable: list[Path] = []
        for path, explicit in find_conflict_copies(file):
            found = self._read_copy(path)
            if found is None:
                if explicit:
                    unreadable.append(path)
                continue
            self._absorb(found)
            merged.append(path)
        return merged, unreadable

    def _merge_from(self, on_disk: bytes, key: bytes) -> SaveReport:
        if not on_disk:
            raise SaveError(f"could not save the vault {self.path.name}: the file was moved or "
                            "deleted since it was opened; your changes are kept in memory",
                            kind="moved", name=self.path.name)
        replaced = VaultReplacedError(
            f"the vault file {self.path.name} was replaced by one this window cannot read "
            "(another vault, or a damaged file); reopen it, your changes are kept in memory",
            kind="other", name=self.path.name)
        try:
            parsed = container.parse(on_disk)
            if parsed.vault_id != self._vault_id:
                raise replaced
            disk = self._decrypt(parsed, key)
        except UnsupportedVersionError:
            raise VaultReplacedError(
                f"the vault file {self.path.name} was saved by a newer version of Authenticator "
                "elsewhere; update this app and reopen it, your changes are kept in memory",
                kind="newer", name=self.path.name) from None
        except NotAVaultError:
            raise replaced from None
        if disk is None:
            raise self._rescue()
        return self._merge_disk(disk, parsed, on_disk)

    def _rescue(self) -> VaultReplacedError:
        """The file has a key we do not know (its password was changed elsewhere, which
        rotates the key): keep our changes in a copy sealed with our key. The new content
        lists our key as retired, so that copy merges when the vault is next unlocked."""
        message = (f"the vault {self.path.name} cannot be read with this window's key: its "
                   "password was probably changed elsewhere; lock it and unlock with the "
                   "current password")
        name = self.path.name
        if not self.is_dirty:
            return VaultReplacedError(message, kind="password", name=name)
        file = real_path(self.path)
        if self._rescue_path is None:
            stamp = utc_stamp(self._clock.now())
            self._rescue_path = file.with_name(f"{file.stem} (unsaved {stamp}){file.suffix}")
        data = container.seal(self._master_key(), self._vault_id, self._slots,
                              encode(self._current(), self._clock.now()))
        try:
            atomic_write(self._rescue_path, data)
        except OSError:
            return VaultReplacedError(f"{message}; your changes are kept in memory",
                                      kind="password-memory", name=name)
        return VaultReplacedError(f"{message}: your changes are kept in "
                                  f"{self._rescue_path.name} and merged then",
                                  kind="password-rescued", name=name,
                                  rescue=self._rescue_path.name)

    def _merge_disk(self, disk: VaultContent, parsed: container.Container,
                    on_disk: bytes) -> SaveReport:
        merged, summary = merge(self._current(), disk, self._base_accounts, self._base_settings,
                                self._clock.now())
        rolled_back = disk.generation < self._generation
        slots = self._merge_slots(parsed.slots)
        base_ids = {s.id for s in self._base_slots}
        we_changed_it = any(s.type == SLOT_PASSWORD and s.id not in base_ids for s in self._slots)
        disk_password_ids = {s.id for s in parsed.password_slots()}
        base_password_ids = {s.id for s in self._base_slots if s.type == SLOT_PASSWORD}
        password_changed = not we_changed_it and disk_password_ids != base_password_ids
        local_changes = self.is_dirty
        # Whenever what we hold differs from the file, the merged result must be written:
        # the file may have lost something we know (a sync tool replaced it, an older copy).
        differs = (rolled_back or not same_content(merged, disk, order=local_changes)
                   or [s.id for s in slots] != [s.id for s in parsed.slots])
        self._adopt(disk, on_disk, parsed.slots)
        if differs:
            self._set_memory(merged)
        self._slots = slots if differs else parsed.slots
        self._dirty = differs
        notes = [summary.message()]
        if rolled_back:
            notes.append("the vault file was older than what this window last saw (an "
                         "older copy put back, or a device that had not seen the latest "
                         "changes); what this window held was merged into it")
        if password_changed:
            notes.append("the vault password was changed on another device; use the new one "
                         "from now on")
        return SaveReport(merged=True, message=join(*notes), password_changed=password_changed)

