"""The unlocked vault as seen by the GUI: open/create in a worker, save every change.

A failed save keeps the change in memory and reports it (the file on disk is untouched);
the next change retries the save.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from authenticator.core.account import Account
from authenticator.core.duplicates import duplicate_of
from authenticator.core.errors import AuthenticatorError
from authenticator.storage.files import real_path
from authenticator.storage.kdf import KdfParams
from authenticator.storage.paths import backup_dir_for
from authenticator.storage.vault import Vault
from authenticator.storage.vault_sync import SaveReport
from authenticator.ui.common.messages import describe
from authenticator.ui.common.worker import run_in_background


class VaultSession(QObject):
    unlocked = Signal()
    locked = Signal()
    unlock_failed = Signal(str)
    """Opening failed: why, in the user's language."""
    damaged = Signal(str)
    """Unlocking found the file damaged (see :func:`open_or_damaged`); the text says how."""
    accounts_changed = Signal()
    save_failed = Signal(str)
    """A save failed (the change is kept in memory): why, in the user's language."""
    notice = Signal(str)

    def __init__(self, path: Path, kdf: KdfParams | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.path = path
        self.kdf = kdf  # None: calibrate on this computer (tests inject cheap parameters)
        self.vault: Vault | None = None
        self.busy = False
        self.unsaved = False
        # Another device (through a sync tool) or the CLI may change the file while the
        # window is open: watch it and merge what changed, so the list is never stale.
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._disk_changed)
        self._watcher.directoryChanged.connect(self._disk_changed)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(400)  # sync tools write in bursts
        self._refresh_timer.timeout.connect(self.refresh_from_disk)
        self._told_unreadable: tuple[str, ...] = ()

    # -- opening --------------------------------------------------------------------------
    @property
    def is_unlocked(self) -> bool:
        return self.vault is not None

    def exists(self) -> bool:
        return self.path.exists()

    def create(self, password: str) -> None:
        path, kdf = self.path, self.kdf
        self._start(lambda: Vault.create(path, password, kdf=kdf))

    def unlock(self, password: str) -> None:
        from authenticator.ui.common.damage import open_or_damaged

        path = self.path
        self._start(lambda: open_or_damaged(path, password))

    def try_remembered(self) -> None:
        """Unlock with the key kept in the OS keyring, if the user chose "remember on this
        computer". Silent when there is no keyring, it is locked or nothing is remembered."""
        if self.busy or self.is_unlocked or not self.exists():
            return
        path = self.path

        def opened(vault: Vault | None) -> None:
            self.busy = False
            if vault is not None:
                self._opened(vault)

        def failed(_error: AuthenticatorError) -> None:
            self.busy = False  # the unlock page stays; the password works as always

        self.busy = True
        run_in_background(lambda: Vault.open_remembered(path), opened, failed, context=self)

    def is_remembered(self) -> bool:
        return self.vault is not None and self.vault.is_remembered()

    def set_remembered(self, on: bool) -> None:
        """Add or remove this computer's keyring slot (raises AuthenticatorError)."""
        vault = self._require()
        if on and not vault.is_remembered():
            vault.enable_remember()
        elif not on and vault.is_remembered():
            vault.disable_remember()

    def _start(self, fn: Any) -> None:
        if self.busy:
            return
        self.busy = True
        run_in_background(fn, self._opened, self._failed, context=self)

    def _opened(self, vault: Vault) -> None:
        from authenticator.ui.common.damage import Damaged

        self.busy = False
        if isinstance(vault, Damaged):
            self.damaged.emit(vault.kind)
            return
        self.vault = vault
        self.unsaved = False
        self._watch()
        self.unlocked.emit()
        if vault.open_report.merged:  # conflict copies or a newer backup merged at unlock
            self._say_merged(vault.open_report)
        self._say_unreadable(vault.open_report.unreadable_copies)

    def _watch(self) -> None:
        """(Re)watch the vault file, its folder and its ``backups/`` (where the other
        devices' last writes arrive when it syncs: see ``storage.vault_sync.written_copies``);
        an atomic replace drops the file watch."""
        backups = backup_dir_for(real_path(self.path))  # beside the file a symlink points to
        wanted = [str(self.path), str(self.path.parent), str(backups)]
        current = set(self._watcher.files()) | set(self._watcher.directories())
        missing = [p for p in wanted if p not in current and Path(p).exists()]
        if missing:
            self._watcher.addPaths(missing)

    def _disk_changed(self, _path: str) -> None:
        if self.vault is not None:
            self._refresh_timer.start()

    @property
    def refresh_pending(self) -> bool:
        """True while a change seen on disk waits to be merged (the watcher's short delay)."""
        return self._refresh_timer.isActive()

    def refresh_from_disk(self) -> None:
        """Merge changes another program saved into the vault file (no KDF, no write unless
        we have changes of our own)."""
        vault = self.vault
        if vault is None or self.busy:
            return
        self._watch()
        if self.unsaved:
            self._save()  # the file changed: a good moment to retry the failed save
            return
        try:
            report = vault.save()  # merges if the file changed; writes only our own changes
        except AuthenticatorError:
            return  # unreadable right now (a sync tool mid-write): the next change retries
        if report.merged:
            self._say_merged(report)
            self.accounts_changed.emit()
        self._say_unreadable(report.unreadable_copies)

    def _failed(self, error: AuthenticatorError) -> None:
        self.busy = False
        self.unlock_failed.emit(describe(error))

    def _say_merged(self, report: SaveReport) -> None:
        if report.password_changed:
            self.notice.emit(self.tr("The vault was changed elsewhere, including its password: "
                                     "use the new password from now on."))
        else:
            self.notice.emit(self.tr("Updated with changes saved elsewhere (another device or "
                                     "program)."))

    def _say_unreadable(self, copies: tuple[Path, ...]) -> None:
        """Conflict copies beside the vault that do not open with its key: left alone, told
        once per set of names."""
        names = tuple(sorted(p.name for p in copies))
        if not names or names == self._told_unreadable:
            return
        self._told_unreadable = names
        self.notice.emit(self.tr("Conflict copies that do not open with this vault's key were "
                                 "left alone: {names}").format(names=", ".join(names)))

    def lock(self) -> None:
        self._refresh_timer.stop()
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)
        vault, self.vault = self.vault, None
        if vault is None:
            return
        if self.unsaved or vault.is_dirty:
            with contextlib.suppress(AuthenticatorError):  # the file on disk stays intact
                vault.save()
        vault.close()
        self.unsaved = False
        self.locked.emit()

    # -- reading --------------------------------------------------------------------------
    def accounts(self) -> list[Account]:
        return list(self.vault.accounts) if self.vault else []

    def get(self, account_id: str) -> Account | None:
        if self.vault is None:
            return None
        return next((a for a in self.vault.accounts if a.id == account_id), None)

    def duplicate_of(self, account: Account) -> Account | None:
        return duplicate_of(account, self.accounts(), skip_id=account.id)

    def verify_password(self, password: str) -> bool:
        return self.vault is not None and self.vault.verify_password(password)

    def setting(self, name: str) -> Any:
        """The vault setting ``name`` as stored (a copy; None when locked or not set). Read
        it through the settings store (``ui.common.settings``), which validates it."""
        return self.vault.setting(name) if self.vault is not None else None

    # -- changing (each change is saved at once) -------------------------------------------
    def add(self, account: Account, index: int | None = None) -> None:
        vault = self._require()
        vault.add(account, index)
        self._save()

    def add_many(self, accounts: list[Account]) -> None:
        """Add several accounts and save once (an import or a restore)."""
        vault = self._require()
        for account in accounts:
            vault.add(account)
        self._save()

    def update(self, account: Account) -> None:
        self._require().update(account)
        self._save()

    def record_use(self, account: Account) -> None:
        """Remember when a code was last used (for "recently used" order) without writing:
        copying a code must not cost a save and an automatic backup each time. It is saved
        with the next change, when another device's change is merged, or at lock."""
        self._require().update(account)
        self.accounts_changed.emit()

    def remove(self, account_id: str) -> Account:
        account = self._require().remove(account_id)
        self._save()
        return account

    def reorder(self, ids: list[str]) -> None:
        vault = self._require()
        for index, account_id in enumerate(ids):
            vault.move(account_id, index)
        self._save()

    def set_settings(self, values: Mapping[str, Any]) -> None:
        """Change vault settings (JSON values by name) and save once."""
        vault = self._require()
        for name, value in values.items():
            vault.set_setting(name, value)
        self._save()

    def change_password(self, new_password: str) -> None:
        """Runs the KDF (calibrated again on this computer): call it from a worker."""
        from authenticator.storage.kdf import calibrate_kdf

        self._require().change_password(new_password, kdf=self.kdf or calibrate_kdf())

    def _require(self) -> Vault:
        if self.vault is None:
            raise AuthenticatorError("the vault is locked")
        return self.vault

    def save(self) -> None:
        self._save()

    def retry_save(self) -> bool:
        """Save changes that a failed save kept in memory; True when nothing is pending."""
        if self.unsaved and self.vault is not None:
            self._save()
        return not self.unsaved

    def _save(self) -> None:
        vault = self._require()
        try:
            report = vault.save()
        except AuthenticatorError as exc:
            self.unsaved = True
            self.save_failed.emit(describe(exc))
            self.accounts_changed.emit()
            return
        self.unsaved = False
        self._watch()  # the first save creates backups/
        if report.merged:
            self._say_merged(report)
        self._say_unreadable(report.unreadable_copies)
        self.accounts_changed.emit()
