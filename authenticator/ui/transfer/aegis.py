"""Export for Aegis: an Aegis vault file, encrypted under a password by default."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from authenticator.core.account import Account
from authenticator.core.errors import AuthenticatorError
from authenticator.portability.aegis_export import export_aegis_file
from authenticator.ui.common.files import save_file_name
from authenticator.ui.common.messages import error_sentence
from authenticator.ui.common.widgets import button_row, push_button
from authenticator.ui.common.worker import run_in_background
from authenticator.ui.transfer.common import message_label


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class AegisExportDialog(QDialog):
    """Write every account to a new Aegis vault file (scrypt + AES-256-GCM when protected)."""

    def __init__(self, accounts: list[Account], done: Callable[[Path], None],
                 parent: Any = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._done = done
        self.busy = False
        self.setWindowTitle(self.tr("Export for Aegis"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Aegis imports this file as one of its own backups (in Aegis: Settings, Import "
            "& Export, Import from file, Aegis), with names, notes, favourites and tags."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        where = QHBoxLayout()
        self.path = QLineEdit(str(path) if path else "")
        self.path.setAccessibleName(self.tr("Aegis file"))
        self.path.setPlaceholderText(self.tr("Where to save it"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Choose the Aegis file"))
        browse.clicked.connect(self._browse)
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form.addRow(self.tr("File:"), where)
        self.encrypt = QCheckBox(self.tr("&Protect the file with a password"))
        self.encrypt.setChecked(True)
        form.addRow("", self.encrypt)
        self.password = _password_field(self.tr("Password of the Aegis file"))
        self.confirm = _password_field(self.tr("Password of the Aegis file again"))
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow(self.tr("&Again:"), self.confirm)
        layout.addLayout(form)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.error = message_label()
        layout.addWidget(self.error)
        cancel = push_button(self.tr("Cancel"), self.tr("Cancel"), self.reject)
        self.save_button = push_button(self.tr("&Export"), self.tr("Export"), self._save)
        self.save_button.setDefault(True)
        layout.addLayout(button_row(cancel, self.save_button))
        for field in (self.path, self.password, self.confirm):
            field.textChanged.connect(self._update)
        self.encrypt.toggled.connect(self._update)
        self._update()

    def _browse(self) -> None:
        path = save_file_name(self, self.tr("Export for Aegis"), "aegis-export.json",
                              self.tr("Aegis vault files (*.json);;All files (*)"), ".json")
        if path is not None:
            self.path.setText(str(path))

    def _update(self) -> None:
        protected = self.encrypt.isChecked()
        self.password.setEnabled(protected)
        self.confirm.setEnabled(protected)
        mismatch = protected and bool(self.confirm.text()) and (
            self.confirm.text() != self.password.text())
        if not protected:
            self.hint.setText(self.tr("Without a password the file holds your keys "
                                      "UNENCRYPTED: delete it once Aegis has imported it."))
        else:
            self.hint.setText(self.tr("The two passwords differ.") if mismatch else "")
        passwords_ok = not protected or (bool(self.password.text())
                                         and self.confirm.text() == self.password.text())
        self.save_button.setEnabled(not self.busy and bool(self.path.text().strip())
                                    and passwords_ok)

    def _save(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.busy = True
        self.error.hide()
        self._update()
        target = Path(self.path.text().strip()).expanduser()
        password = self.password.text() if self.encrypt.isChecked() else None
        accounts = self._accounts
        run_in_background(lambda: export_aegis_file(accounts, target, password),
                          self._saved, self._failed, context=self)

    def _saved(self, path: Path) -> None:
        self.busy = False
        self.password.clear()
        self.confirm.clear()
        self.accept()
        self._done(path)

    def _failed(self, error: AuthenticatorError) -> None:
        self.busy = False
        self.error.setText(error_sentence(error))
        self.error.show()
        self._update()
