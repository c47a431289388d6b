"""Changing an account's key and code settings, behind the vault password.

A collapsed "Change the key or code settings…" button; opening it asks for the vault
password (checked in a worker: the KDF is slow), then shows the key form with the
account's key, type, algorithm, digits and period or counter, and the live code preview
to compare with the site.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from authenticator.core.account import Account
from authenticator.core.errors import AuthenticatorError
from authenticator.ui.common.messages import error_sentence
from authenticator.ui.common.widgets import error_label
from authenticator.ui.common.worker import run_in_background


class KeyEdit(QWidget):
    changed = Signal()

    def __init__(self, account: Account, verify_password: Callable[[str], bool],
                 now: Callable[[], float], make_form: Callable[[Callable[[], float]], Any],
                 parent: Any = None) -> None:
        """``make_form(now)``: the key form (ui/common/account_form.ManualEntryForm; passed
        in so that module can import this one)."""
        super().__init__(parent)
        self._account = account
        self._verify = verify_password
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton()
        self.toggle.setText(self.tr("Change the key or code settings…"))
        self.toggle.setCheckable(True)
        layout.addWidget(self.toggle)
        self.gate = QWidget()
        gate = QVBoxLayout(self.gate)
        gate.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr("The key is secret: type the vault password to see and change "
                               "it."))
        intro.setWordWrap(True)
        gate.addWidget(intro)
        row = QHBoxLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Vault password"))
        self.unlock_button = QPushButton(self.tr("&Show the key"))
        self.unlock_button.setAutoDefault(False)
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        gate.addLayout(row)
        self.error = error_label()
        self.error.hide()
        gate.addWidget(self.error)
        self.gate.hide()
        layout.addWidget(self.gate)
        self.form = make_form(now)
        self.form.hide()
        layout.addWidget(self.form)
        self.toggle.toggled.connect(self._toggled)
        self.unlock_button.clicked.connect(self._check_password)
        self.password.returnPressed.connect(self._check_password)
        self.form.account_changed.connect(lambda _a: self.changed.emit())
        self.busy = False

    def _toggled(self, on: bool) -> None:
        unlocked = self.form.isVisibleTo(self) or bool(self.form.key.text())
        self.gate.setVisible(on and not unlocked)
        self.form.setVisible(on and unlocked)
        if on and not unlocked:
            self.password.setFocus()
        self.changed.emit()

    def _check_password(self) -> None:
        if self.busy or not self.password.text():
            return
        self.busy = True
        password = self.password.text()
        run_in_background(lambda: self._verify(password), self._checked, self._failed,
                          context=self)

    def _checked(self, ok: bool) -> None:
        self.busy = False
        self.password.clear()
        if not ok:
            self.error.setText(self.tr("That is not the vault password."))
            self.error.show()
            return
        self.gate.hide()
        self.form.load(self._account)
        self.form.show()
        self.changed.emit()

    def _failed(self, error: AuthenticatorError) -> None:
        self.busy = False
        self.error.setText(error_sentence(error))
        self.error.show()

    def valid(self) -> bool:
        """False while the opened key form holds something invalid."""
        return not (self.toggle.isChecked() and self.form.isVisibleTo(self)
                    and self.form.account is None)

    def changes(self) -> dict[str, Any]:
        """The key fields to apply ({} when the key was not opened or is invalid)."""
        new = self.form.account
        if not self.toggle.isChecked() or not self.form.isVisibleTo(self) or new is None:
            return {}
        return {"secret": new.secret, "kind": new.kind, "algorithm": new.algorithm,
                "digits": new.digits, "period": new.period, "counter": new.counter}
