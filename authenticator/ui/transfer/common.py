"""Pieces shared by the transfer dialogs: the vault-password gate, QR images, error labels,
writing a file in a worker."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from authenticator.core.errors import AuthenticatorError
from authenticator.ui.common.messages import error_sentence
from authenticator.ui.common.widgets import error_label
from authenticator.ui.common.worker import run_in_background


def qr_image(text: str, scale: int = 6, border: int = 4) -> QImage:
    """The QR code of ``text`` as a QImage, rendered in memory (never through a file)."""
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=scale,
                                                   border=border)
    image = QImage.fromData(buffer.getvalue())
    buffer.seek(0)
    buffer.truncate()
    return image


def group_key(base32: str, size: int = 4) -> str:
    """``JBSWY3DPEHPK3PXP`` -> ``JBSW Y3DP EHPK 3PXP`` (easier to read out and type)."""
    return " ".join(base32[i:i + size] for i in range(0, len(base32), size))


def message_label(parent: QWidget | None = None) -> QLabel:
    """A hidden error label for errors shown inside a dialog (its text can be selected)."""
    label = error_label(parent, hidden=True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PasswordGate(QDialog):
    """Re-enter the vault password before keys leave the vault.

    The check runs the KDF in a worker; a wrong password shows a message and lets the
    person try again. ``passed`` is called once the password is right.
    """

    def __init__(self, verify: Callable[[str], bool], purpose: str,
                 passed: Callable[[], None], parent: Any = None) -> None:
        super().__init__(parent)
        self._verify = verify
        self._passed = passed
        self.setWindowTitle(self.tr("Vault password"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        self.intro = QLabel(purpose + "\n\n" + self.tr("Enter the vault password to continue."))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Vault password"))
        self.password.setPlaceholderText(self.tr("Vault password"))
        layout.addWidget(self.password)
        self.error = message_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Continue"))
        self.ok_button.setAccessibleName(self.tr("Continue"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            self.tr("Cancel"))
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.password.textChanged.connect(self._update)
        self._busy = False
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.password.text()) and not self._busy)

    def _check(self) -> None:
        if self._busy or not self.password.text():
            return
        self._busy = True
        self._update()
        self.password.setEnabled(False)
        password = self.password.text()
        verify = self._verify
        run_in_background(lambda: verify(password), self._checked, self._failed,
                          context=self)

    def _checked(self, ok: object) -> None:
        self._busy = False
        self.password.setEnabled(True)
        if ok is True:
            self.password.clear()
            self.accept()
            self._passed()
            return
        self._show_failure(self.tr("Wrong password. Try again."))

    def _failed(self, error: AuthenticatorError) -> None:
        self._show_failure(error_sentence(error))

    def _show_failure(self, text: str) -> None:
        self._busy = False
        self.password.setEnabled(True)
        self.password.clear()
        self.error.setText(text)
        self.error.show()
        self.password.setFocus()
        self._update()


class WriteFileDialog(QDialog):
    """Base of the dialogs that write the accounts to a new file (the backup, the export
    for Aegis): the writing runs in a worker, ``done(path)`` is called once it is written,
    an error is shown in :attr:`error` and the person may try again."""

    save_button: QPushButton
    error: QLabel  # a message_label() in the subclass's layout

    def __init__(self, done: Callable[[Path], None], parent: Any = None) -> None:
        super().__init__(parent)
        self._done = done
        self.busy = False

    def _update(self) -> None:
        """Enable the main button for what is typed (subclasses)."""

    def clear_secrets(self) -> None:
        """Forget the typed passwords (subclasses)."""

    def _write(self, work: Callable[[], Path]) -> None:
        if not self.save_button.isEnabled():
            return
        self.busy = True
        self.error.hide()
        self._update()
        run_in_background(work, self._saved, self._failed, context=self)

    def _saved(self, path: Path) -> None:
        self.busy = False
        self.clear_secrets()
        self.accept()
        self._done(path)

    def _failed(self, error: AuthenticatorError) -> None:
        self.busy = False
        self.error.setText(error_sentence(error))
        self.error.show()
        self._update()
