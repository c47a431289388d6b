"""Encrypted backups: write one under a password of its own; restore from one (or from an
automatic backup of this vault) after a preview, adding only the missing accounts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from authenticator.core.account import Account
from authenticator.core.errors import AuthenticatorError
from authenticator.portability.base import ImportResult
from authenticator.portability.export import export_backup
from authenticator.portability.exporters import exporter_named
from authenticator.portability.registry import plan_import
from authenticator.storage.kdf import KdfParams
from authenticator.storage.vault import Vault
from authenticator.ui.common.files import open_file_name, save_file_name, with_extension
from authenticator.ui.common.messages import QT_TRANSLATE_NOOP, error_sentence
from authenticator.ui.common.password_file import PasswordFileForm, password_field
from authenticator.ui.common.session import VaultSession
from authenticator.ui.common.widgets import button_row, push_button
from authenticator.ui.common.worker import run_in_background
from authenticator.ui.transfer.common import WriteFileDialog, message_label
from authenticator.ui.transfer.importing import ImportPreview

BACKUP_SUFFIX = exporter_named("backup").suffix  # ".authvault"
BACKUP_FILTER = QT_TRANSLATE_NOOP("Backups", "Authenticator backups (*.authvault);;All files (*)")


class BackupDialog(WriteFileDialog):
    """Write every account to a new encrypted file under a password asked twice."""

    def __init__(self, session: VaultSession, kdf: KdfParams | None,
                 done: Callable[[Path], None], parent: Any = None,
                 path: Path | None = None) -> None:
        super().__init__(done, parent)
        self.session = session
        self._kdf = kdf
        self.setWindowTitle(self.tr("Back up to a file"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The backup is encrypted under a password of its own. Keep it "
                               "somewhere safe: without this password it cannot be opened."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.files = PasswordFileForm(
            path=path, file_name=self.tr("Backup file"),
            placeholder=self.tr("Where to save it (another disk is best)"),
            choose_name=self.tr("Choose the backup file"), browse=self._browse,
            password_label=self.tr("&Password:"), password_name=self.tr("Backup password"),
            again_name=self.tr("Backup password again"),
            browse_auto_default=False)  # Enter in a password field saves, never browses
        self.path, self.password, self.confirm = (self.files.path, self.files.password,
                                                  self.files.confirm)
        layout.addWidget(self.files)
        self.hint = QLabel()
        layout.addWidget(self.hint)
        self.error = message_label()
        layout.addWidget(self.error)
        cancel = push_button(self.tr("Cancel"), self.tr("Cancel"), self.reject)
        self.save_button = push_button(self.tr("&Create backup"), self.tr("Create backup"),
                                       self._save)
        self.save_button.setDefault(True)
        layout.addLayout(button_row(cancel, self.save_button))
        self.files.changed.connect(self._update)
        self._update()

    def _browse(self) -> None:
        path = save_file_name(self, self.tr("Back up to a file"), "authenticator-backup"
                              + BACKUP_SUFFIX,
                              QCoreApplication.translate("Backups", BACKUP_FILTER),
                              BACKUP_SUFFIX)
        if path is not None:
            self.path.setText(str(path))

    def _update(self) -> None:
        self.hint.setText(self.tr("The two passwords differ.") if self.files.mismatch() else "")
        self.save_button.setEnabled(not self.busy and self.files.has_path()
                                    and self.files.passwords_ok())

    def _save(self) -> None:
        target = with_extension(self.files.target(), BACKUP_SUFFIX)
        accounts, password, kdf = self.session.accounts(), self.password.text(), self._kdf
        self._write(lambda: export_backup(accounts, target, password, kdf))

    def clear_secrets(self) -> None:
        self.files.clear_passwords()


def _read_backup(path: Path, password: str) -> list[Account]:
    vault = Vault.open(path, password, read_only=True)
    try:
        return list(vault.accounts)
    finally:
        vault.close()


class RestoreDialog(QDialog):
    """Open a backup (a file or one of this vault's automatic backups), preview, restore."""

    def __init__(self, session: VaultSession, done: Callable[[list[Account]], None],
                 parent: Any = None,
                 replace: Callable[[Path, str], object] | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._done = done
        self._replace = replace
        self._opened_password = ""
        self.busy = False
        self.chosen: Path | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Pick an automatic backup of this vault or open a backup file. "
                               "Then either add the accounts that are missing (the others "
                               "stay as they are), or replace the vault with the backup to "
                               "undo changes (the current file is kept as a backup first)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.backups = QListWidget()
        self.backups.setAccessibleName(self.tr("Automatic backups"))
        vault = session.vault
        for info in vault.list_backups() if vault else []:
            when = info.saved.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(self.tr("{when} — {size} KB").format(
                when=when, size=max(1, round(info.size / 1024))))
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.backups.addItem(item)
        if self.backups.count() == 0:
            self.backups.addItem(self.tr("No automatic backups yet"))
            self.backups.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.backups.currentItemChanged.connect(self._picked)
        self.backups.setMaximumHeight(150)
        layout.addWidget(QLabel(self.tr("Automatic backups (newest first):")))
        layout.addWidget(self.backups)
        row = QHBoxLayout()
        self.file_button = QPushButton(self.tr("Open a backup &file…"))
        self.file_button.setAccessibleName(self.tr("Open a backup file"))
        self.file_button.clicked.connect(self._browse)
        self.chosen_label = QLabel()
        row.addWidget(self.file_button)
        row.addWidget(self.chosen_label, 1)
        layout.addLayout(row)
        prow = QHBoxLayout()
        self.password = password_field(self.tr("Password of the backup"))
        self.password.setPlaceholderText(self.tr("Password of the backup"))
        self.password.setToolTip(self.tr("For an automatic backup: the vault password it "
                                         "had when it was saved."))
        self.password.returnPressed.connect(self.open_backup)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setAccessibleName(self.tr("Open the backup"))
        self.open_button.clicked.connect(self.open_backup)
        # Enter in the password field opens the backup: the file button must not be the
        # dialog's implicit default (QDialog makes the first auto-default button one).
        self.open_button.setDefault(True)
        self.file_button.setAutoDefault(False)
        prow.addWidget(self.password, 1)
        prow.addWidget(self.open_button)
        layout.addLayout(prow)
        self.error = message_label()
        layout.addWidget(self.error)
        self.preview = ImportPreview()
        self.preview.hide()
        self.preview.on_change = self._update
        layout.addWidget(self.preview, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setAccessibleName(self.tr("Add the missing accounts"))
        self.restore_button.clicked.connect(self._restore)
        self.replace_button = QPushButton(self.tr("Re&place the vault with this backup"))
        self.replace_button.setAccessibleName(self.tr("Replace the vault with this backup"))
        self.replace_button.clicked.connect(self._replace_vault)
        self.replace_button.setVisible(False)
        buttons.addWidget(cancel)
        buttons.addWidget(self.replace_button)
        buttons.addWidget(self.restore_button)
        layout.addLayout(buttons)
        self.password.textChanged.connect(self._update)
        self._update()

    def choose(self, path: Path) -> None:
        self.chosen = path
        self.chosen_label.setText(path.name)
        self.preview.hide()
        self.replace_button.setVisible(False)
        self._update()

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.choose(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _browse(self) -> None:
        path = open_file_name(self, self.tr("Open a backup"),
                              QCoreApplication.translate("Backups", BACKUP_FILTER))
        if path is not None:
            self.backups.clearSelection()
            self.choose(path)

    def _update(self) -> None:
        self.open_button.setEnabled(not self.busy and self.chosen is not None
                                    and bool(self.password.text()))
        n = len(self.preview.checked_accounts()) if self.preview.isVisibleTo(self) else 0
        self.restore_button.setEnabled(n > 0)
        self.restore_button.setText(self.tr("&Restore %n missing", "", n))

    def open_backup(self) -> None:
        if not self.open_button.isEnabled() or self.chosen is None:
            return
        self.busy = True
        self.error.hide()
        self._update()
        path, password = self.chosen, self.password.text()
        self._opened_password = password
        run_in_background(lambda: _read_backup(path, password), self._opened, self._failed,
                          context=self)

    def _opened(self, accounts: list[Account]) -> None:
        self.busy = False
        self.password.clear()
        self.replace_button.setVisible(self._replace is not None)
        plan = plan_import(self.session.accounts(), ImportResult("backup", accounts))
        self.preview.set_plan(plan)
        self.preview.show()
        self._update()

    def _failed(self, error: AuthenticatorError) -> None:
        self.busy = False
        self._opened_password = ""
        self.password.clear()
        self.error.setText(error_sentence(error))
        self.error.show()
        self._update()

    def _restore(self) -> None:
        accounts = self.preview.checked_accounts()
        if not accounts:
            return
        self.session.add_many(accounts)
        self.accept()
        self._done(accounts)

    def _replace_vault(self) -> None:
        if self._replace is None or self.chosen is None or not self._opened_password:
            return
        chosen, password = self.chosen, self._opened_password
        self._opened_password = ""
        self.accept()
        self._replace(chosen, password)
