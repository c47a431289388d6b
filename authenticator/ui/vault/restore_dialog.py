"""Pick an automatic backup and put it in place of the vault file (from the unlock page).

The list shows each backup's date at once; after the password (each backup opens with
the vault password of its time) it also shows how many accounts each holds. Nothing is
deleted: the current file becomes a backup first, or, when damaged, is kept aside as
``NAME.damaged-DATE``. Opening the backups runs the KDF, one backup per worker job.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from authenticator.core.errors import AuthenticatorError
from authenticator.storage.backups import BackupInfo, list_backups, restore_backup
from authenticator.storage.errors import VaultDamagedError, WrongPasswordError
from authenticator.storage.vault import Vault
from authenticator.ui.common.messages import error_sentence
from authenticator.ui.common.widgets import button_row, error_label, push_button
from authenticator.ui.common.worker import run_in_background, typed_error

_WRONG, _DAMAGED = -1, -2


def count_accounts(path: Path, password: str) -> int:
    """Accounts in one backup; ``_WRONG`` / ``_DAMAGED`` instead of raising for those."""
    try:
        vault = Vault.open(path, password, read_only=True)
    except WrongPasswordError:
        return _WRONG
    except VaultDamagedError:
        return _DAMAGED
    try:
        return len(vault.accounts)
    finally:
        vault.close()


def when_text(info: BackupInfo) -> str:
    return info.saved.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class RestoreBackupDialog(QDialog):
    """The vault's automatic backups; "Replace the vault with this backup"."""

    def __init__(self, vault_path: Path, *, damaged: bool, now: Callable[[], float],
                 parent: Any = None, chosen: Path | None = None, password: str = "") -> None:
        super().__init__(parent)
        self.vault_path = vault_path
        self.damaged = damaged
        self._now = now
        self._closed = False
        self._queue: list[int] = []
        self._password = ""
        self.counts: dict[Path, int] = {}
        self.restored: BackupInfo | None = None
        self.kept: Path | None = None
        self.password_for_unlock = ""
        self.infos = list_backups(vault_path)
        self.setWindowTitle(self.tr("Restore from an automatic backup"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Pick a backup to put in place of the vault file. The damaged file is kept "
            "aside as {name}.damaged-DATE, never deleted.").format(name=vault_path.name)
            if damaged else self.tr(
            "Pick a backup to put in place of the vault file. The current file is kept "
            "as a backup first, so this can be undone."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Automatic backups"))
        for info in self.infos:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.list.addItem(item)
            if chosen is not None and info.path == chosen:
                self.list.setCurrentItem(item)
        self._label_rows()
        layout.addWidget(QLabel(self.tr("Automatic backups (newest first):")))
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password of the backups"))
        self.password.setPlaceholderText(self.tr("Vault password at the time of the backup"))
        self.password.returnPressed.connect(self.show_counts)
        self.count_button = QPushButton(self.tr("Show &accounts"))
        self.count_button.setAccessibleName(self.tr("Show accounts"))
        self.count_button.setAutoDefault(False)
        self.count_button.clicked.connect(self.show_counts)
        row.addWidget(self.password, 1)
        row.addWidget(self.count_button)
        layout.addLayout(row)
        self.error = error_label()
        layout.addWidget(self.error)
        cancel = push_button(self.tr("Cancel"), self.tr("Cancel"), self.reject)
        cancel.setAutoDefault(False)
        self.replace_button = push_button(self.tr("&Replace the vault with this backup"),
                                          self.tr("Replace the vault with this backup"),
                                          self.replace)
        self.replace_button.setAutoDefault(False)
        layout.addLayout(button_row(cancel, self.replace_button))
        self.list.currentRowChanged.connect(lambda _r: self._update())
        self.finished.connect(self._forget)
        if self.list.currentRow() < 0 and self.infos:
            self.list.setCurrentRow(0)
        self._update()
        if password:  # the password just typed on the unlock page: count at once
            self.password.setText(password)
            self.show_counts()

    # -- list -----------------------------------------------------------------------------
    def _label_rows(self) -> None:
        for row, info in enumerate(self.infos):
            count = self.counts.get(info.path)
            when = when_text(info)
            if count is None:
                text = when
            elif count == _WRONG:
                text = self.tr("{when} — another password").format(when=when)
            elif count == _DAMAGED:
                text = self.tr("{when} — damaged").format(when=when)
            else:
                text = (self.tr("{when} — 1 account").format(when=when) if count == 1 else
                        self.tr("{when} — {n} accounts").format(when=when, n=count))
            self.list.item(row).setText(text)

    def selected(self) -> BackupInfo | None:
        row = self.list.currentRow()
        return self.infos[row] if 0 <= row < len(self.infos) else None

    def _update(self) -> None:
        info = self.selected()
        usable = info is not None and self.counts.get(info.path, 0) != _DAMAGED
        self.replace_button.setEnabled(usable and not self._queue)
        self.count_button.setEnabled(bool(self.infos) and not self._queue)

    # -- account counts (KDF per backup, in workers) ----------------------------------------
    def show_counts(self) -> None:
        if self._queue or not self.password.text():
            return
        self._password = self.password.text()
        self.counts.clear()
        self._queue = list(range(len(self.infos)))
        self.error.clear()
        self._update()
        self._next_count()

    def _next_count(self) -> None:
        if self._closed or not self._queue:
            self._update()
            return
        info = self.infos[self._queue[0]]
        path, password = info.path, self._password
        run_in_background(lambda: count_accounts(path, password), self._counted,
                          self._count_failed, context=self)

    def _counted(self, count: object) -> None:
        if self._closed or not self._queue:
            return
        info = self.infos[self._queue.pop(0)]
        self.counts[info.path] = count if isinstance(count, int) else _DAMAGED
        self._label_rows()
        self._next_count()

    def _count_failed(self, _error: AuthenticatorError) -> None:
        if self._closed or not self._queue:
            return
        self.counts[self.infos[self._queue.pop(0)].path] = _DAMAGED
        self._label_rows()
        self._next_count()

    # -- replacing ------------------------------------------------------------------------
    def replace(self) -> None:
        info = self.selected()
        if info is None or not self.replace_button.isEnabled():
            return
        try:
            self.kept = restore_backup(self.vault_path, info.path, self._now(),
                                       damaged=self.damaged)
        except (OSError, AuthenticatorError) as exc:
            self.error.setText(error_sentence(typed_error(exc)))
            return
        self.restored = info
        count = self.counts.get(info.path)
        if count is not None and count >= 0:
            self.password_for_unlock = self._password
        self.accept()

    def outcome_text(self) -> str:
        if self.restored is None:
            return ""
        when = when_text(self.restored)
        if self.kept is None:
            return self.tr("The backup of {when} is the vault again.").format(when=when)
        if self.damaged:
            return self.tr("The backup of {when} is the vault again; the damaged file is "
                           "kept as {name}.").format(when=when, name=self.kept.name)
        return self.tr("The backup of {when} is the vault again; the previous file is kept "
                       "as a backup.").format(when=when)

    def _forget(self) -> None:
        self._closed = True
        self._queue = []
        self.password.clear()
        if self.restored is None:
            self._password = ""
