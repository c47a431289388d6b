"""Change the vault password: current one, new one twice; the KDF runs in a worker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
)

from authenticator.core.errors import AuthenticatorError
from authenticator.ui.common.messages import error_sentence
from authenticator.ui.common.session import VaultSession
from authenticator.ui.common.widgets import error_label
from authenticator.ui.common.worker import run_in_background
from authenticator.ui.host import Host
from authenticator.ui.vault.pages import MIN_PASSWORD_LENGTH
from authenticator.ui.vault.strength import estimate_strength
from authenticator.ui.vault.weak_guard import WeakPasswordGuard


class ChangePasswordDialog(QDialog):
    def __init__(self, session: VaultSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Change the vault password"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "The keys stay as they are; only the password that unlocks them changes. "
            "Automatic backups keep the password that was current when they were made."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.current = self._password_field(self.tr("Current password"))
        self.new = self._password_field(self.tr("New password"))
        self.repeat = self._password_field(self.tr("Repeat the new password"))
        form.addRow(self.tr("C&urrent password:"), self.current)
        form.addRow(self.tr("&New password:"), self.new)
        form.addRow(self.tr("&Repeat:"), self.repeat)
        layout.addLayout(form)
        self.strength = QLabel()
        self.strength.setWordWrap(True)
        self.strength.setAccessibleName(self.tr("Password strength"))
        layout.addWidget(self.strength)
        self.error = error_label()
        layout.addWidget(self.error)
        self.weak_guard = WeakPasswordGuard(self._submit)
        layout.addWidget(self.weak_guard)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Changing the password"))
        layout.addWidget(self.busy)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Change password"))
        self.ok_button.setAccessibleName(self.tr("Change password"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            self.tr("Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.new.textChanged.connect(self._update_strength)
        self.new.textChanged.connect(self.weak_guard.reset)
        self._update_strength()

    def _password_field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def _update_strength(self) -> None:
        self.strength.setText(estimate_strength(self.new.text())[1])

    def _submit(self) -> None:
        if self.session.busy:
            return
        new = self.new.text()
        if len(new) < MIN_PASSWORD_LENGTH:
            self.error.setText(self.tr("The new password needs at least {n} characters.")
                               .format(n=MIN_PASSWORD_LENGTH))
            return
        if new != self.repeat.text():
            self.error.setText(self.tr("The two new passwords are different."))
            return
        if not self.weak_guard.allows(new):
            return
        current = self.current.text()
        session = self.session

        def change() -> bool:
            if not session.verify_password(current):
                return False
            session.change_password(new)  # calibrates the KDF to this computer again
            return True

        self.error.clear()
        self._set_busy(True)
        session.busy = True  # no lock, no other vault work while the worker runs
        run_in_background(change, self._done, self._failed, context=self)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.current, self.new, self.repeat, self.ok_button):
            widget.setEnabled(not busy)

    def _done(self, changed: object) -> None:
        self.session.busy = False
        self._set_busy(False)
        if changed is True:
            self.accept()
            return
        self.error.setText(self.tr("The current password is wrong."))
        self.current.selectAll()
        self.current.setFocus()

    def _failed(self, error: AuthenticatorError) -> None:
        self.session.busy = False
        self._set_busy(False)
        self.error.setText(error_sentence(error))
        self.current.selectAll()
        self.current.setFocus()


def change_password(host: Host) -> None:
    """Ask for the current and a new password; say so once it is changed."""
    if not host.session.is_unlocked:
        return
    dialog = ChangePasswordDialog(host.session, host.window())
    if dialog.exec() == ChangePasswordDialog.DialogCode.Accepted:
        host.notify(QCoreApplication.translate("MainWindow", "Password changed. Use the new "
                                               "one from now on."), seconds=6.0)
