"""The Add dialog's last step: the new account with its first code, to finish the setup."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from authenticator.core.account import Account, OtpKind
from authenticator.core.otp import code_at, group_code, seconds_left
from authenticator.ui.common.icons import icon

if TYPE_CHECKING:
    from authenticator.ui.common.clipboard import SecureClipboard


def heading(text: str, scale: float = 1.25) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


class ConfirmationPage(QWidget):
    """The new account, large, with its current code, countdown and a Copy button
    (the code goes to ``clipboard``, else straight to the system clipboard)."""

    copy_requested = Signal()

    def __init__(self, now: Callable[[], float], clipboard: SecureClipboard | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._now = now
        self._clipboard = clipboard
        self.account: Account | None = None
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = heading("", 1.5)
        self.title.setAccessibleName(self.tr("Added account"))
        self.code_label = QLabel()
        code_font = QFont(self.code_label.font())
        code_font.setPointSizeF(code_font.pointSizeF() * 3.0)
        code_font.setStyleHint(QFont.StyleHint.Monospace)
        code_font.setFamily("monospace")
        self.code_label.setFont(code_font)
        self.code_label.setAccessibleName(self.tr("Current code"))
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.countdown = QLabel()
        self.countdown.setAccessibleName(self.tr("Time left"))
        self.copy_button = QPushButton(icon("copy"), self.tr("&Copy code"))
        self.copy_button.setAccessibleName(self.tr("Copy code"))
        self.copy_button.clicked.connect(self.copy_requested)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_label)
        code_row.addSpacing(16)
        code_row.addWidget(self.copy_button)
        code_row.addStretch(1)
        self.hint = QLabel(self.tr(
            "Type this code on the site to finish turning on two-factor authentication. "
            "The same key on another device shows the same code."))
        self.hint.setWordWrap(True)
        self.weak_note = QLabel()
        self.weak_note.setWordWrap(True)
        self.weak_note.setStyleSheet("color: palette(placeholder-text);")
        self.more_note = QLabel()
        self.more_note.setWordWrap(True)
        layout.addWidget(self.title)
        self._note_index = layout.count()
        layout.addWidget(self.countdown)
        layout.addLayout(code_row)
        for widget in (self.hint, self.weak_note, self.more_note):
            layout.addWidget(widget)
        layout.addStretch(2)

    def show_accounts(self, added: list[Account], now: float) -> None:
        first = added[0]
        self.account = first
        self.title.setText(first.label)
        self.weak_note.setText(self.tr(
            "This key is short ({bits} bits). It works, but if the site lets you choose, "
            "a longer key is safer.").format(bits=first.key_bits) if first.is_weak else "")
        self.more_note.setText(self.tr("Also added: {labels}.").format(
            labels=", ".join(a.safe_label for a in added[1:])) if len(added) > 1 else "")
        self.copy_button.setText(self.tr("&Copy code"))
        self.refresh(now)

    def refresh(self, now: float) -> None:
        account = self.account
        if account is None:
            return
        self.code_label.setText(group_code(code_at(account, now)))
        if account.kind is OtpKind.HOTP:
            self.countdown.setText(self.tr("Counter-based code: it changes when you ask "
                                           "for the next one."))
        else:
            left = int(seconds_left(now, account.period) + 0.999)
            self.countdown.setText(self.tr("Changes in {n} s").format(n=left))

    def add_note(self, note: QWidget) -> None:
        """A note shown right above the code (e.g. the clock warning)."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(self._note_index, note)

    def current_code(self) -> str:
        return code_at(self.account, self._now()) if self.account is not None else ""

    def copy_code(self) -> None:
        code = self.current_code()
        if not code:
            return
        if self._clipboard is not None:
            self._clipboard.copy(code)
        else:
            QGuiApplication.clipboard().setText(code)
        self.show_copied()

    def show_copied(self) -> None:
        self.copy_button.setText(self.tr("Copied"))
