"""The encrypted vault: open/create, edit accounts, save atomically with merge and backups.

The master key is derived once per unlock and kept in memory: saving never runs the KDF.
See docs/vault-format.md for the file format, locking and merge rules.
"""

from __future__ import annotations

import contextlib
import copy
import os
import time
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any

from authenticator.core.account import Account
from authenticator.core.clock import Clock, SystemClock
from authenticator.core.errors import file_problem
from authenticator.core.options import BACKUPS_TO_KEEP
from authenticator.storage import container, remember
from authenticator.storage.atomic import (
    atomic_write,
    ensure_dir,
    remove_stale_temps,
)
from authenticator.storage.backups import (
    BackupInfo,
    list_backups,
    prune_backups,
    write_backup,
)
from authenticator.storage.conflicts import move_to_backups
from authenticator.storage.container import SLOT_KEYRING, Slot
from authenticator.storage.content import VaultContent, decode, encode
from authenticator.storage.errors import (
    ReadOnlyVaultError,
    SaveError,
    VaultClosedError,
    VaultError,
    VaultExistsError,
    VaultNotFoundError,
)
from authenticator.storage.files import digest, read_limited, real_path
from authenticator.storage.kdf import KdfParams, calibrate_kdf
from authenticator.storage.lock import DEFAULT_TIMEOUT, VaultLock
from authenticator.storage.merge import prune_tombstones
from authenticator.storage.paths import lock_path_for
from authenticator.storage.vault_entries import EntriesMixin
from authenticator.storage.vault_keys import KeysMixin
from authenticator.storage.vault_sync import WRITTEN_NOTE, SaveReport, SyncMixin, join

BACKUPS_SETTING = BACKUPS_TO_KEEP.name
MAX_KEYRING_SLOTS = 16  # keyring look-ups tried when opening (each is a D-Bus round trip)


def _read_current(file: Path) -> bytes:
    """The vault file; a sync tool resolving a conflict renames it away and the new copy
    in, so a missing file is looked for again a few times (100 ms in all) first."""
    for _ in range(5):
        try:
            return read_limited(file)
        except VaultNotFoundError:
            time.sleep(0.02)
    return read_limited(file)


def _seal_new(password: str, kdf: KdfParams | None, content: VaultContent,
              now: float) -> tuple[bytes, bytes]:
    """A brand-new vault (fresh master key and id, one password slot) holding ``content``:
    returns (master key, file bytes). Calibrates the KDF when ``kdf`` is None."""
    master_key = os.urandom(container.MASTER_KEY_LENGTH)
    vault_id = container.new_id()
    slots = (container.password_slot(master_key, password, kdf or calibrate_kdf(), vault_id),)
    return master_key, container.seal(master_key, vault_id, slots, encode(content, now))


def _save_error(err: OSError, path: Path) -> SaveError:
    reason = file_problem(err)
    return SaveError(f"could not save the vault {path.name}: {reason}; the file on disk is "
                     "unchanged and your changes are kept in memory", kind="write",
                     name=path.name, reason=reason)


class Vault(EntriesMixin, SyncMixin, KeysMixin):
    """An unlocked vault. Construct with :meth:`create`, :meth:`open` or :meth:`open_remembered`.

    ``accounts`` returns a copy in manual order: change it through add/update/remove/move.
    Vault settings (JSON values by name, merged per key) are read with :meth:`setting` and
    changed with :meth:`set_setting`; ``settings`` is a copy of them all.
    ``path`` may be a symlink: saves replace the file it points to, in that file's folder.
    Not thread-safe: use one thread at a time (the GUI opens in a worker, then hands over).
    """

    lock_timeout: float = DEFAULT_TIMEOUT

    def __init__(self, path: Path, master_key: bytes, parsed: container.Container,
                 content: VaultContent, data: bytes, *, read_only: bool,
                 clock: Clock | None) -> None:
        self.path = path
        self.read_only = read_only
        self._clock: Clock = clock or SystemClock()
        self._key: bytes | None = master_key
        self._pending: tuple[bytes, tuple[Slot, ...]] | None = None  # a password change
        self._rescue_path: Path | None = None
        #: written copies merged, by name: (mtime_ns, size, inode) as they were then
        self._written_seen: dict[str, tuple[int, int, int]] = {}
        self._vault_id = parsed.vault_id
        self._slots: tuple[Slot, ...] = parsed.slots
        self._generation = content.generation
        self._adopt(content, data, parsed.slots)
        self._dirty = False
        #: what opening did on its own (merging conflict copies, an older file put back)
        self.open_report = SaveReport()

    def _adopt(self, content: VaultContent, data: bytes, slots: tuple[Slot, ...]) -> None:
        """Make ``content`` (as found in the file bytes ``data``) the agreed base state."""
        self._accounts = list(content.accounts)
        self._tombstones = dict(content.tombstones)
        self._retired = content.retired_keys
        self._invalid = list(content.invalid)
        self._generation = max(self._generation, content.generation)
        self._settings: dict[str, Any] = dict(content.settings)
        self._base_accounts = {a.id: a for a in content.accounts}
        self._base_settings = copy.deepcopy(content.settings)
        self._base_slots = slots
        self._disk_digest = digest(data)

    def __repr__(self) -> str:
        state = "closed" if self._key is None else f"{len(self._accounts)} accounts"
        return f"<Vault {str(self.path)!r} {state}>"

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path | str, password: str, *, kdf: KdfParams | None = None,
               clock: Clock | None = None) -> Vault:
        """Create a new empty vault file (never overwrites). Calibrates the KDF if not given.
        A symlink (even a dangling one) gets its target created."""
        path = Path(path)
        target = real_path(path)
        if target.exists():
            raise VaultExistsError(f"a file already exists at {path}", path=str(path))
        content = VaultContent()
        master_key, data = _seal_new(password, kdf, content, (clock or SystemClock()).now())
        try:
            ensure_dir(target.parent)
            with VaultLock(lock_path_for(target), cls.lock_timeout):
                if target.exists():
                    raise VaultExistsError(f"a file already exists at {path}", path=str(path))
                atomic_write(target, data)
        except OSError as err:
            reason = file_problem(err)
            raise SaveError(f"could not create the vault {path}: {reason}", kind="create",
                            path=str(path), reason=reason) \
                from None
        return cls(path, master_key, container.parse(data), content, data, read_only=False,
                   clock=clock)

    @classmethod
    def open(cls, path: Path | str, password: str, *, read_only: bool = False,
             clock: Clock | None = None) -> Vault:
        """Unlock the vault (runs the KDF: slow on purpose, call it off the GUI thread)."""
        path = Path(path)
        data = read_limited(path)
        parsed = container.parse(data)
        master_key = parsed.unlock(password)
        content = decode(parsed.decrypt(master_key))
        vault = cls(path, master_key, parsed, content, data, read_only=read_only, clock=clock)
        vault._reconcile_on_open()
        return vault

    @classmethod
    def open_remembered(cls, path: Path | str, *, clock: Clock | None = None) -> Vault | None:
        """Unlock with a key remembered in the OS keyring, or None (no keyring, locked
        keyring, not remembered). File problems still raise as :meth:`open` does."""
        path = Path(path)
        data = read_limited(path)
        parsed = container.parse(data)
        keyring_slots = [s for s in parsed.slots if s.type == SLOT_KEYRING]
        for slot in keyring_slots[:MAX_KEYRING_SLOTS]:
            key = remember.load_key(slot.service, remember.entry_name(parsed.vault_id, slot.id))
            master_key = container.unwrap(slot, key, parsed.vault_id) if key else None
            if master_key is not None:
                content = decode(parsed.decrypt(master_key))
                vault = cls(path, master_key, parsed, content, data, read_only=False,
                            clock=clock)
                vault._reconcile_on_open()
                return vault
        return None

    # -- state ------------------------------------------------------------------------
    def _master_key(self) -> bytes:
        if self._key is None:
            raise VaultClosedError()
        return self._key

    def _writable(self) -> bytes:
        key = self._master_key()
        if self.read_only:
            raise ReadOnlyVaultError()
        return key

    @property
    def vault_id(self) -> str:
        return self._vault_id

    @property
    def generation(self) -> int:
        """How many saves the vault has had (as far as this process knows)."""
        return self._generation

    # -- saving -----------------------------------------------------------------------
    def _backups_to_keep(self) -> int:
        return BACKUPS_TO_KEEP.parse(self._settings.get(BACKUPS_SETTING))

    def _current(self) -> VaultContent:
        return VaultContent(self._accounts, self._tombstones, self._settings, self._generation,
                            self._retired, self._invalid)

    def _set_memory(self, content: VaultContent) -> None:
        self._settings = dict(content.settings)
        self._accounts, self._tombstones = list(content.accounts), dict(content.tombstones)
        self._retired, self._invalid = content.retired_keys, list(content.invalid)

    def save(self) -> SaveReport:
        """Write changes atomically, merging first the file if it changed since it was read
        and any conflict copies beside it; writes whenever the file and memory differ.

        Raises SaveError (file on disk unchanged, changes kept in memory), VaultLockedError,
        VaultReplacedError. Never runs the KDF.
        """
        key = self._writable()
        file = real_path(self.path)
        try:
            with VaultLock(lock_path_for(file), self.lock_timeout):
                return self._save_locked(key, file)
        except OSError as err:  # the lock file could not be created (read-only folder...)
            raise _save_error(err, self.path) from None

    def _save_locked(self, key: bytes, file: Path) -> SaveReport:
        try:
            on_disk = _read_current(file)
        except VaultNotFoundError:
            on_disk = b""  # refused by _merge_from: moved or deleted since it was opened
        except VaultError as err:
            raise SaveError(f"{err}; your changes are kept in memory", kind="unreadable",
                            cause=err.with_traceback(None)) from None
        report = SaveReport()
        if digest(on_disk) != self._disk_digest:
            report = self._merge_from(on_disk, key)
        merged_copies, unreadable = self._merge_conflict_copies(file, key)
        if self._merge_written(file):
            report = SaveReport(True, join(report.message, WRITTEN_NOTE))
        if merged_copies:
            count = len(merged_copies)
            note = f"merged {count} conflict {'copy' if count == 1 else 'copies'} left by a " \
                   "sync tool (moved into backups)"
            report = replace(report, merged=True, message=join(report.message, note))
        if unreadable:
            names = ", ".join(p.name for p in unreadable)
            report = replace(report, message=join(
                report.message, f"conflict copies that do not open with this vault's key were "
                f"left alone: {names}"), unreadable_copies=tuple(unreadable))
        if self.is_dirty or self._pending is not None:
            self._write(key, file, on_disk)
        for path in merged_copies:
            with contextlib.suppress(OSError):  # merged already; moving is tidying up
                move_to_backups(path, file)
        return report

    def _write(self, key: bytes, file: Path, on_disk: bytes) -> None:
        now = self._clock.now()
        slots = self._slots
        retired = self._retired
        if self._pending is not None:  # a password change: new master key, content re-sealed
            key, slots = self._pending
            retired = (*retired, self._master_key())[-8:]
        self._tombstones = prune_tombstones(self._tombstones, now)
        content = VaultContent(self._accounts, self._tombstones, self._settings,
                               self._generation + 1, retired, self._invalid)
        data = container.seal(key, self._vault_id, slots, encode(content, now))
        try:
            remove_stale_temps(file)
            if self._backups_to_keep() > 0 and on_disk:
                write_backup(file, on_disk, now)
            atomic_write(file, data, displaced=self._displaced_copy(file, on_disk))
        except OSError as err:
            raise _save_error(err, self.path) from None
        self._keep_written(file, data)
        self._key, self._slots = key, slots
        self._adopt(content, data, slots)
        self._dirty = False
        prune_backups(file, self._backups_to_keep())

    # -- backups ----------------------------------------------------------------------
    def list_backups(self) -> list[BackupInfo]:
        """Earlier versions of this vault, newest first; open one with
        ``Vault.open(info.path, password, read_only=True)``."""
        return list_backups(real_path(self.path))

    # -- life cycle -------------------------------------------------------------------
    def close(self) -> None:
        """Forget the key and the accounts. Unsaved changes are discarded (save first)."""
        self._key = None
        self._pending = None
        self._retired = ()
        self._accounts = []
        self._base_accounts = {}

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def export_backup(accounts: list[Account], path: Path | str, password: str,
                  kdf: KdfParams | None = None, *,
                  settings: dict[str, Any] | None = None) -> Path:
    """Write ``accounts`` to a new standalone vault file (its own master key and password),
    readable with ``Vault.open(path, password, read_only=True)``. Never overwrites (not
    even a symlink, dangling or not)."""
    path = Path(path)
    if os.path.lexists(path):
        raise VaultExistsError(f"a file already exists at {path}", path=str(path))
    content = VaultContent(list(accounts), {}, dict(settings or {}))
    _master_key, data = _seal_new(password, kdf, content, SystemClock().now())
    try:
        atomic_write(path, data)
    except OSError as err:
        reason = file_problem(err)
        raise SaveError(f"could not write the backup {path.name}: {reason}", kind="backup",
                        name=path.name, reason=reason) \
            from None
    return path
