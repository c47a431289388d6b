"""The encrypted vault: open/create, edit accounts, save atomically with merge and backups.

The master key is derived once per unlock and kept in memory: saving never runs the KDF.
See docs/vault-format.md for the file format, locking and merge rules.
"""

from __future__ import annotations

import copy
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from authenticator.core.account import Account
from authenticator.core.clock import Clock, SystemClock
from authenticator.storage import container, remember
from authenticator.storage.atomic import (
    atomic_write,
    describe_os_error,
    ensure_dir,
    remove_stale_temps,
)
from authenticator.storage.backups import (
    DEFAULT_BACKUPS_TO_KEEP,
    BackupInfo,
    list_backups,
    prune_backups,
    write_backup,
)
from authenticator.storage.container import SLOT_KEYRING, SLOT_PASSWORD, Slot
from authenticator.storage.content import VaultContent, decode, encode
from authenticator.storage.errors import (
    AccountNotFoundError,
    KeyringUnavailableError,
    NotAVaultError,
    ReadOnlyVaultError,
    SaveError,
    UnsupportedVersionError,
    VaultError,
    VaultExistsError,
    VaultNotFoundError,
    VaultReplacedError,
    WrongPasswordError,
)
from authenticator.storage.kdf import KdfParams, calibrate_kdf
from authenticator.storage.lock import DEFAULT_TIMEOUT, VaultLock
from authenticator.storage.merge import merge
from authenticator.storage.paths import lock_path_for

BACKUPS_SETTING = "backups_to_keep"


@dataclass(frozen=True, slots=True)
class SaveReport:
    merged: bool = False
    message: str | None = None


def _read_vault_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise VaultNotFoundError(f"there is no vault at {path}") from None
    except IsADirectoryError:
        raise NotAVaultError(f"{path} is a folder, not a vault file") from None
    except OSError as err:
        raise VaultError(f"cannot read the vault file {path}: {describe_os_error(err)}") from None


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _seal_new(password: str, kdf: KdfParams | None, content: VaultContent,
              now: float) -> tuple[bytes, bytes]:
    """A brand-new vault (fresh master key and id, one password slot) holding ``content``:
    returns (master key, file bytes). Calibrates the KDF when ``kdf`` is None."""
    master_key = os.urandom(container.MASTER_KEY_LENGTH)
    vault_id = container.new_id()
    slots = (container.password_slot(master_key, password, kdf or calibrate_kdf(), vault_id),)
    return master_key, container.seal(master_key, vault_id, slots, encode(content, now))


def _save_error(err: OSError, path: Path) -> SaveError:
    return SaveError(f"could not save the vault {path.name}: {describe_os_error(err)}; "
                     "the file on disk is unchanged and your changes are kept in memory")


class Vault:
    """An unlocked vault. Construct with :meth:`create`, :meth:`open` or :meth:`open_remembered`.

    ``accounts`` returns a copy in manual order: change it through add/update/remove/move.
    ``settings`` is a plain JSON-able dict the UI may edit in place; it is saved with the vault.
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
        self._vault_id = parsed.vault_id
        self._slots: tuple[Slot, ...] = parsed.slots
        self._adopt(content, data, parsed.slots)
        self._dirty = False

    def _adopt(self, content: VaultContent, data: bytes, slots: tuple[Slot, ...]) -> None:
        """Make ``content`` (as found in the file bytes ``data``) the agreed base state."""
        self._accounts = list(content.accounts)
        self._tombstones = dict(content.tombstones)
        self.settings: dict[str, Any] = content.settings
        self._base_accounts = {a.id: a for a in content.accounts}
        self._base_settings = copy.deepcopy(content.settings)
        self._base_slots = slots
        self._disk_digest = _digest(data)

    def __repr__(self) -> str:
        state = "closed" if self._key is None else f"{len(self._accounts)} accounts"
        return f"<Vault {str(self.path)!r} {state}>"

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path | str, password: str, *, kdf: KdfParams | None = None,
               clock: Clock | None = None) -> Vault:
        """Create a new empty vault file (never overwrites). Calibrates the KDF if not given."""
        path = Path(path)
        if path.exists():
            raise VaultExistsError(f"a file already exists at {path}")
        content = VaultContent()
        master_key, data = _seal_new(password, kdf, content, (clock or SystemClock()).now())
        try:
            ensure_dir(path.parent)
            with VaultLock(lock_path_for(path), cls.lock_timeout):
                if path.exists():
                    raise VaultExistsError(f"a file already exists at {path}")
                atomic_write(path, data)
        except OSError as err:
            raise SaveError(f"could not create the vault {path}: {describe_os_error(err)}") \
                from None
        return cls(path, master_key, container.parse(data), content, data, read_only=False,
                   clock=clock)

    @classmethod
    def open(cls, path: Path | str, password: str, *, read_only: bool = False,
             clock: Clock | None = None) -> Vault:
        """Unlock the vault (runs the KDF: slow on purpose, call it off the GUI thread)."""
        path = Path(path)
        data = _read_vault_file(path)
        parsed = container.parse(data)
        master_key = parsed.unlock(password)
        content = decode(parsed.decrypt(master_key))
        return cls(path, master_key, parsed, content, data, read_only=read_only, clock=clock)

    @classmethod
    def open_remembered(cls, path: Path | str, *, clock: Clock | None = None) -> Vault | None:
        """Unlock with a key remembered in the OS keyring, or None (no keyring, locked
        keyring, not remembered). File problems still raise as :meth:`open` does."""
        path = Path(path)
        data = _read_vault_file(path)
        parsed = container.parse(data)
        for slot in parsed.slots:
            if slot.type != SLOT_KEYRING:
                continue
            key = remember.load_key(slot.service, remember.entry_name(parsed.vault_id, slot.id))
            master_key = container.unwrap(slot, key, parsed.vault_id) if key else None
            if master_key is not None:
                content = decode(parsed.decrypt(master_key))
                return cls(path, master_key, parsed, content, data, read_only=False,
                           clock=clock)
        return None

    # -- state ------------------------------------------------------------------------
    def _master_key(self) -> bytes:
        if self._key is None:
            raise VaultError("the vault is closed")
        return self._key

    def _writable(self) -> bytes:
        key = self._master_key()
        if self.read_only:
            raise ReadOnlyVaultError("this vault was opened read-only and cannot be changed")
        return key

    @property
    def accounts(self) -> list[Account]:
        self._master_key()
        return list(self._accounts)

    @property
    def is_dirty(self) -> bool:
        """True when there are changes not yet saved (including edits of ``settings``)."""
        return self._dirty or self.settings != self._base_settings

    @property
    def vault_id(self) -> str:
        return self._vault_id

    def tags(self) -> list[str]:
        """All tags (groups) in use, in order of first appearance."""
        return list(dict.fromkeys(t for a in self.accounts for t in a.tags))

    def _index(self, account_id: str) -> int:
        self._master_key()
        for index, account in enumerate(self._accounts):
            if account.id == account_id:
                return index
        raise AccountNotFoundError("that account is no longer in the vault")

    def get(self, account_id: str) -> Account:
        return self._accounts[self._index(account_id)]

    def find(self, query: str) -> list[Account]:
        """Accounts whose issuer, name or a tag contains ``query`` (case-insensitive)."""
        needle = query.strip().casefold()
        return [a for a in self.accounts
                if not needle or needle in a.issuer.casefold() or needle in a.name.casefold()
                or any(needle in tag.casefold() for tag in a.tags)]

    # -- editing ----------------------------------------------------------------------
    def add(self, account: Account, index: int | None = None) -> None:
        """Add at ``index`` (default: the end). Re-adding a deleted id undoes the deletion."""
        self._writable()
        if any(a.id == account.id for a in self._accounts):
            raise VaultError("this account is already in the vault")
        now = self._clock.now()
        if account.id in self._tombstones and account.modified <= self._tombstones[account.id]:
            account = account.evolve(modified=now)
        self._tombstones.pop(account.id, None)
        position = len(self._accounts) if index is None else index
        self._accounts.insert(position, account)
        self._dirty = True

    def update(self, account: Account) -> None:
        """Replace the account with the same id; ``modified`` is bumped if it did not move."""
        self._writable()
        index = self._index(account.id)
        old = self._accounts[index]
        if account == old:
            return
        if account.modified <= old.modified:
            account = account.evolve(modified=max(self._clock.now(), old.modified + 1e-6))
        self._accounts[index] = account
        self._dirty = True

    def remove(self, account_id: str) -> Account:
        """Delete the account (a tombstone makes the deletion survive a merge)."""
        self._writable()
        account = self._accounts.pop(self._index(account_id))
        self._tombstones[account_id] = max(self._clock.now(), account.modified)
        self._dirty = True
        return account

    def move(self, account_id: str, new_index: int) -> None:
        """Move to ``new_index`` in the manual order (clamped to the list)."""
        self._writable()
        account = self._accounts.pop(self._index(account_id))
        self._accounts.insert(max(0, min(new_index, len(self._accounts))), account)
        self._dirty = True

    # -- saving -----------------------------------------------------------------------
    def _backups_to_keep(self) -> int:
        value = self.settings.get(BACKUPS_SETTING, DEFAULT_BACKUPS_TO_KEEP)
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 \
            else DEFAULT_BACKUPS_TO_KEEP

    def _merge_slots(self, disk_slots: tuple[Slot, ...]) -> tuple[Slot, ...]:
        base_ids = {s.id for s in self._base_slots}
        mine_ids = {s.id for s in self._slots}
        added = [s for s in self._slots if s.id not in base_ids]
        removed = base_ids - mine_ids
        new_password = any(s.type == SLOT_PASSWORD for s in added)
        kept = [s for s in disk_slots if s.id not in removed
                and not (new_password and s.type == SLOT_PASSWORD)]
        return (*kept, *added)

    def _current(self) -> VaultContent:
        return VaultContent(self._accounts, self._tombstones, self.settings)

    def save(self) -> SaveReport:
        """Write changes atomically, merging first if the file changed since it was read.

        Raises SaveError (file on disk unchanged, changes kept in memory), VaultLockedError,
        VaultReplacedError. Never runs the KDF.
        """
        key = self._writable()
        try:
            with VaultLock(lock_path_for(self.path), self.lock_timeout):
                return self._save_locked(key)
        except OSError as err:  # the lock file could not be created (read-only folder...)
            raise _save_error(err, self.path) from None

    def _save_locked(self, key: bytes) -> SaveReport:
        try:
            on_disk = self.path.read_bytes()
        except FileNotFoundError:
            raise SaveError(f"could not save the vault {self.path.name}: the file was moved or "
                            "deleted since it was opened; your changes are kept in memory") \
                from None
        except OSError as err:
            raise _save_error(err, self.path) from None
        report = SaveReport()
        if _digest(on_disk) != self._disk_digest:
            report = self._merge_from(on_disk, key)
        if not self.is_dirty:
            return report
        now = self._clock.now()
        data = container.seal(key, self._vault_id, self._slots, encode(self._current(), now))
        try:
            remove_stale_temps(self.path)
            if self._backups_to_keep() > 0:
                write_backup(self.path, on_disk, now)
            atomic_write(self.path, data)
        except OSError as err:
            raise _save_error(err, self.path) from None
        self._adopt(self._current(), data, self._slots)
        self._dirty = False
        prune_backups(self.path, self._backups_to_keep())
        return report

    def _merge_from(self, on_disk: bytes, key: bytes) -> SaveReport:
        replaced = VaultReplacedError(
            f"the vault file {self.path.name} was replaced by one this window cannot read "
            "(another vault, or a damaged file); reopen it, your changes are kept in memory")
        try:
            parsed = container.parse(on_disk)
            if parsed.vault_id != self._vault_id:
                raise replaced
            disk = decode(parsed.decrypt(key))
        except UnsupportedVersionError:
            raise VaultReplacedError(
                f"the vault file {self.path.name} was saved by a newer version of Authenticator "
                "elsewhere; update this app and reopen it, your changes are kept in memory") \
                from None
        except (NotAVaultError, WrongPasswordError):
            raise replaced from None
        merged, summary = merge(self._current(), disk, self._base_accounts, self._base_settings,
                                self._clock.now())
        slots = self._merge_slots(parsed.slots)
        base_ids = {s.id for s in self._base_slots}
        we_changed_it = any(s.type == SLOT_PASSWORD and s.id not in base_ids for s in self._slots)
        disk_password_ids = {s.id for s in parsed.password_slots()}
        base_password_ids = {s.id for s in self._base_slots if s.type == SLOT_PASSWORD}
        password_changed = not we_changed_it and disk_password_ids != base_password_ids
        local_changes = self.is_dirty
        settings = self.settings  # keep the same dict object: the UI may hold a reference
        self._adopt(disk, on_disk, parsed.slots)
        settings.clear()
        settings.update(merged.settings)
        self._accounts, self._tombstones, self.settings = (
            merged.accounts, merged.tombstones, settings)
        self._slots = slots
        # Something to write only if we had changes of our own (else memory = disk now).
        self._dirty = local_changes
        message = summary.message()
        if password_changed:
            note = "the vault password was changed on another device; use the new one from now on"
            message = f"{message}; {note}" if message else note
        return SaveReport(merged=True, message=message)

    # -- passwords and keyring ----------------------------------------------------------
    def verify_password(self, password: str) -> bool:
        """True if ``password`` opens this vault's password slot (runs the KDF)."""
        key = self._master_key()
        for slot in self._slots:
            if slot.type == SLOT_PASSWORD and \
                    container.unlock_with_password(slot, password, self._vault_id) == key:
                return True
        return False

    def change_password(self, new_password: str, kdf: KdfParams | None = None) -> SaveReport:
        """Wrap the master key for ``new_password`` (content is not re-encrypted) and save.

        ``kdf`` defaults to the current slot's parameters. If saving fails the old password
        stays in force and the error is raised.
        """
        key = self._writable()
        current = next((s.kdf for s in self._slots if s.kdf is not None), None)
        params = kdf or current or calibrate_kdf()
        new_slot = container.password_slot(key, new_password, params, self._vault_id)
        old_slots, old_dirty = self._slots, self._dirty
        self._slots = (*(s for s in self._slots if s.type != SLOT_PASSWORD), new_slot)
        self._dirty = True
        try:
            return self.save()
        except VaultError:
            self._slots = tuple(s for s in self._slots if s.id != new_slot.id)
            if not any(s.type == SLOT_PASSWORD for s in self._slots):
                self._slots = (*self._slots, *(s for s in old_slots if s.type == SLOT_PASSWORD))
            self._dirty = old_dirty
            raise

    def _my_keyring_slots(self) -> list[Slot]:
        return [s for s in self._slots if s.type == SLOT_KEYRING
                and remember.load_key(s.service, remember.entry_name(self._vault_id, s.id))]

    def is_remembered(self) -> bool:
        """True if this computer's keyring can unlock the vault."""
        self._master_key()
        return bool(self._my_keyring_slots())

    def enable_remember(self, service_name: str = remember.DEFAULT_SERVICE) -> SaveReport:
        """Remember the vault on this computer: a new slot whose key lives in the OS keyring."""
        key = self._writable()
        slot_id = container.new_id()
        slot_key = remember.store_key(service_name, remember.entry_name(self._vault_id, slot_id))
        if slot_key is None:
            raise KeyringUnavailableError(
                "the system keyring is not available, so the vault cannot be remembered here")
        slot = container.wrap(key, slot_key, self._vault_id, SLOT_KEYRING, service=service_name,
                              slot_id=slot_id)
        self._slots = (*self._slots, slot)
        self._dirty = True
        try:
            return self.save()
        except VaultError:
            self._slots = tuple(s for s in self._slots if s.id != slot.id)
            remember.delete_key(service_name, remember.entry_name(self._vault_id, slot.id))
            raise

    def disable_remember(self) -> SaveReport:
        """Forget the keyring slot(s) of this computer (other computers keep theirs)."""
        self._writable()
        mine = self._my_keyring_slots()
        if not mine:
            return SaveReport()
        self._slots = tuple(s for s in self._slots if s not in mine)
        self._dirty = True
        report = self.save()
        for slot in mine:
            remember.delete_key(slot.service, remember.entry_name(self._vault_id, slot.id))
        return report

    # -- backups ----------------------------------------------------------------------
    def list_backups(self) -> list[BackupInfo]:
        """Earlier versions of this vault, newest first; open one with
        ``Vault.open(info.path, password, read_only=True)``."""
        return list_backups(self.path)

    # -- life cycle -------------------------------------------------------------------
    def close(self) -> None:
        """Forget the key and the accounts. Unsaved changes are discarded (save first)."""
        self._key = None
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
    readable with ``Vault.open(path, password, read_only=True)``. Never overwrites."""
    path = Path(path)
    if path.exists():
        raise VaultExistsError(f"a file already exists at {path}")
    content = VaultContent(list(accounts), {}, dict(settings or {}))
    _master_key, data = _seal_new(password, kdf, content, SystemClock().now())
    try:
        atomic_write(path, data)
    except OSError as err:
        raise SaveError(f"could not write the backup {path.name}: {describe_os_error(err)}") \
            from None
    return path
