"""Export for Aegis: an Aegis vault file, encrypted under a password by default."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from authenticator.core.account import Account
from authenticator.portability.aegis_export import export_aegis_file
from authenticator.ui.common.files import save_file_name
from authenticator.ui.common.password_file import PasswordFileForm
from authenticator.ui.common.widgets import button_row, push_button
from authenticator.ui.transfer.common import WriteFileDialog, message_label


class AegisExportDialog(WriteFileDialog):
    """Write every account to a new Aegis vault file (scrypt + AES-256-GCM when protected)."""

    def __init__(self, accounts: list[Account], done: Callable[[Path], None],
                 parent: Any = None, path: Path | None = None) -> None:
        super().__init__(done, parent)
        self._accounts = accounts
        self.setWindowTitle(self.tr("Export for Aegis"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Aegis imports this file as one of its own backups (in Aegis: Settings, Import "
            "& Export, Import from file, Aegis), with names, notes, favourites and tags."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.files = PasswordFileForm(
            path=path, file_name=self.tr("Aegis file"), placeholder=self.tr("Where to save it"),
            choose_name=self.tr("Choose the Aegis file"), browse=self._browse,
            password_label=self.tr("Pass&word:"),
            password_name=self.tr("Password of the Aegis file"),
            again_name=self.tr("Password of the Aegis file again"))
        self.path, self.password, self.confirm = (self.files.path, self.files.password,
                                                  self.files.confirm)
        self.encrypt = QCheckBox(self.tr("&Protect the file with a password"))
        self.encrypt.setChecked(True)
        self.files.form.insertRow(1, "", self.encrypt)
        QWidget.setTabOrder(self.files.browse_button, self.encrypt)  # in the rows' order
        QWidget.setTabOrder(self.encrypt, self.password)
        layout.addWidget(self.files)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.error = message_label()
        layout.addWidget(self.error)
        cancel = push_button(self.tr("Cancel"), self.tr("Cancel"), self.reject)
        self.save_button = push_button(self.tr("&Export"), self.tr("Export"), self._save)
        self.save_button.setDefault(True)
        layout.addLayout(button_row(cancel, self.save_button))
        self.files.changed.connect(self._update)
        self.encrypt.toggled.connect(self._update)
        self._update()

    def _browse(self) -> None:
        path = save_file_name(self, self.tr("Export for Aegis"), "aegis-export.json",
                              self.tr("Aegis vault files (*.json);;All files (*)"), ".json")
        if path is not None:
            self.path.setText(str(path))

    def _update(self) -> None:
        protected = self.encrypt.isChecked()
        self.files.set_passwords_enabled(protected)
        mismatch = protected and self.files.mismatch()
        if not protected:
            self.hint.setText(self.tr("Without a password the file holds your keys "
                                      "UNENCRYPTED: delete it once Aegis has imported it."))
        else:
            self.hint.setText(self.tr("The two passwords differ.") if mismatch else "")
        passwords_ok = not protected or self.files.passwords_ok()
        self.save_button.setEnabled(not self.busy and self.files.has_path() and passwords_ok)

    def _save(self) -> None:
        target = self.files.target()
        password = self.password.text() if self.encrypt.isChecked() else None
        accounts = self._accounts
        self._write(lambda: export_aegis_file(accounts, target, password))

    def clear_secrets(self) -> None:
        self.files.clear_passwords()
