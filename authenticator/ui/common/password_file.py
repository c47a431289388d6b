"""The form of the dialogs that write keys to a new file under a password of its own (the
backup, the export for Aegis): where to save it, the password, the password again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QWidget


def password_field(name: str) -> QLineEdit:
    """A line edit that hides what is typed, named ``name`` for screen readers."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class PasswordFileForm(QWidget):
    """File (with Browse…), Password, Again; ``changed`` on every edit.

    ``file_name``/``choose_name``/``password_name``/``again_name`` are the names screen
    readers say; ``password_label`` is the row's label (with its accelerator).
    ``browse_auto_default=False``: Enter in a password field never presses Browse.
    """

    changed = Signal()

    def __init__(self, *, path: Path | None, file_name: str, placeholder: str,
                 choose_name: str, browse: Callable[[], None], password_label: str,
                 password_name: str, again_name: str, browse_auto_default: bool = True,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        where = QHBoxLayout()
        self.path = QLineEdit(str(path) if path else "")
        self.path.setAccessibleName(file_name)
        self.path.setPlaceholderText(placeholder)
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setAccessibleName(choose_name)
        self.browse_button.clicked.connect(browse)
        if not browse_auto_default:
            self.browse_button.setAutoDefault(False)
        where.addWidget(self.path, 1)
        where.addWidget(self.browse_button)
        self.form.addRow(self.tr("File:"), where)
        self.password = password_field(password_name)
        self.confirm = password_field(again_name)
        self.form.addRow(password_label, self.password)
        self.form.addRow(self.tr("&Again:"), self.confirm)
        for field in (self.path, self.password, self.confirm):
            field.textChanged.connect(self.changed)

    def has_path(self) -> bool:
        return bool(self.path.text().strip())

    def target(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def mismatch(self) -> bool:
        """Both typed and they differ (say so while typing)."""
        return bool(self.confirm.text()) and self.confirm.text() != self.password.text()

    def passwords_ok(self) -> bool:
        """A password, typed the same twice."""
        return bool(self.password.text()) and self.confirm.text() == self.password.text()

    def set_passwords_enabled(self, enabled: bool) -> None:
        self.password.setEnabled(enabled)
        self.confirm.setEnabled(enabled)

    def clear_passwords(self) -> None:
        self.password.clear()
        self.confirm.clear()
