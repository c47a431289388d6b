"""Welcome (create a vault or open one) and unlock pages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from authenticator.ui.common.files import open_file_name
from authenticator.ui.common.messages import sentence
from authenticator.ui.common.widgets import error_label
from authenticator.ui.vault.strength import estimate_strength
from authenticator.ui.vault.weak_guard import WeakPasswordGuard

MIN_PASSWORD_LENGTH = 8


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _card(inner: QWidget) -> QWidget:
    """Centre ``inner`` in a page with a comfortable maximum width."""
    page = QWidget()
    outer = QVBoxLayout(page)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    inner.setMaximumWidth(460)
    inner.setMinimumWidth(320)
    row.addWidget(inner, 4)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return page


class WelcomePage(QWidget):
    """First run: create a vault (password twice, strength hint) or open an existing file."""

    create_requested = Signal(str)
    open_requested = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setSpacing(12)
        layout.addWidget(_title(self.tr("Welcome to Authenticator")))
        intro = QLabel(self.tr(
            "Your two-factor keys are kept in an encrypted vault on this computer. "
            "Choose a password to protect it."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("New vault password"))
        self.password.setPlaceholderText(self.tr("At least {n} characters").format(
            n=MIN_PASSWORD_LENGTH))
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName(self.tr("Repeat the password"))
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Repeat:"), self.confirm)
        layout.addLayout(form)

        self.strength = QProgressBar()
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(False)
        self.strength.setMaximumHeight(6)
        self.strength.setAccessibleName(self.tr("Password strength"))
        self.strength_label = QLabel()
        self.strength_label.setWordWrap(True)
        layout.addWidget(self.strength)
        layout.addWidget(self.strength_label)

        warning = QLabel(self.tr(
            "<b>There is no way to recover a lost password.</b> Without it, the keys in "
            "this vault are gone. Write it down somewhere safe."))
        warning.setWordWrap(True)
        warning.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(warning)

        self.error = error_label()
        layout.addWidget(self.error)
        self.weak_guard = WeakPasswordGuard(self._create)
        layout.addWidget(self.weak_guard)

        self.create_button = QPushButton(self.tr("&Create vault"))
        self.create_button.setDefault(True)
        self.create_button.setAccessibleName(self.tr("Create vault"))
        self.open_button = QPushButton(self.tr("&Open an existing vault file…"))
        self.open_button.setFlat(True)
        self.open_button.setAccessibleName(self.tr("Open an existing vault file"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Creating the vault"))
        layout.addWidget(self.create_button)
        layout.addWidget(self.busy)
        layout.addWidget(self.open_button)

        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(_card(box))

        self.password.textChanged.connect(self._update_strength)
        self.password.textChanged.connect(self.weak_guard.reset)
        self.confirm.returnPressed.connect(self._create)
        self.password.returnPressed.connect(self.confirm.setFocus)
        self.create_button.clicked.connect(self._create)
        self.open_button.clicked.connect(self._open)
        self._update_strength()

    def _update_strength(self) -> None:
        score, hint = estimate_strength(self.password.text())
        self.strength.setValue(score)
        self.strength_label.setText(hint)

    def _create(self) -> None:
        password = self.password.text()
        if len(password) < MIN_PASSWORD_LENGTH:
            self.error.setText(self.tr("The password needs at least {n} characters.").format(
                n=MIN_PASSWORD_LENGTH))
            return
        if password != self.confirm.text():
            self.error.setText(self.tr("The two passwords are different."))
            return
        self.error.clear()
        if not self.weak_guard.allows(password):
            self.weak_guard.anyway_button.setFocus()
            return
        self.create_requested.emit(password)

    def _open(self) -> None:
        path = open_file_name(self, self.tr("Open a vault"),
                              self.tr("Authenticator vaults (*.authvault);;All files (*)"))
        if path is not None:
            self.open_requested.emit(str(path))

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.create_button, self.open_button, self.password, self.confirm):
            widget.setEnabled(not busy)

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(sentence(message))

    def reset(self) -> None:
        self.password.clear()
        self.confirm.clear()
        self.error.clear()
        self.weak_guard.reset()
        self.set_busy(False)
        self.password.setFocus()


class UnlockPage(QWidget):
    """Password field; the KDF runs in a worker while a busy bar shows."""

    unlock_requested = Signal(str)
    other_vault_requested = Signal()
    restore_requested = Signal()
    was_reset = Signal()
    """The page was made ready for a (maybe new) vault file: time to look at that file."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        box = QFrame()
        layout = QVBoxLayout(box)
        layout.setSpacing(12)
        layout.addWidget(_title(self.tr("Vault locked")))
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.where)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Vault password"))
        self.password.setAccessibleName(self.tr("Vault password"))
        layout.addWidget(self.password)
        self.error = error_label()
        layout.addWidget(self.error)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        layout.addWidget(self.unlock_button)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Unlocking"))
        layout.addWidget(self.busy)
        self.restore_button = QPushButton(self.tr("&Restore from an automatic backup…"))
        self.restore_button.setAccessibleName(self.tr("Restore from an automatic backup"))
        self.restore_button.setVisible(False)
        self.restore_button.clicked.connect(self.restore_requested)
        layout.addWidget(self.restore_button)
        self.other = QPushButton(self.tr("Open another vault…"))
        self.other.setFlat(True)
        self.other.setAccessibleName(self.tr("Open another vault"))
        layout.addWidget(self.other)

        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(_card(box))

        self.password.returnPressed.connect(self._unlock)
        self.unlock_button.clicked.connect(self._unlock)
        self.other.clicked.connect(self.other_vault_requested)

    def set_path(self, path: str) -> None:
        self.where.setText(path)

    def _unlock(self) -> None:
        if not self.password.text() or self.busy.isVisible():
            return
        self.error.clear()
        self.set_busy(True)
        self.unlock_requested.emit(self.password.text())

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.password.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(sentence(message))
        self.password.selectAll()
        self.password.setFocus()

    def reset(self) -> None:
        self.password.clear()
        self.error.clear()
        self.set_busy(False)
        self.restore_button.setVisible(False)
        self.password.setFocus()
        self.was_reset.emit()

    def offer_restore(self, message: str | None = None) -> None:
        """Show "Restore from an automatic backup" (and why, when ``message`` is given)."""
        self.set_busy(False)
        if message:
            self.error.setText(message)
        self.restore_button.setVisible(True)
