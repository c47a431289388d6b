"""The quick pick box: a small frameless window with one line to type in and the best
matches under it. Enter picks the selected (top) match; Shift+Enter picks it the other way
(type instead of copy, or the reverse when typing is the default); Esc closes. When the
vault is locked, the same line first asks for the password.

It hides as soon as it loses the focus, so it never holds the keyboard longer than it is
on screen, and it forgets what was typed and every code when it hides.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QListView, QStackedWidget, QVBoxLayout

from authenticator.core.account import Account
from authenticator.core.quickpick import rank
from authenticator.ui.common.messages import sentence
from authenticator.ui.common.widgets import error_label
from authenticator.ui.quickpick.rows import ACCOUNT_ROLE, PickDelegate, PickModel

SHOWN_ROWS = 6
BOX_WIDTH = 520
TITLE = "Authenticator quick pick"  # the window title (not shown: the box is frameless)


class QuickPickBox(QFrame):
    chosen = Signal(object, bool)  # Account, alternate (Shift+Enter)
    dismissed = Signal()  # Esc (not a click elsewhere: then the focus is where it went)
    unlock_requested = Signal(str)

    def __init__(self, session: Any, now: Any, parent: Any = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.session = session
        self._now = now
        self.setWindowTitle(TITLE)
        self.setObjectName("quickPick")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAccessibleName(self.tr("Quick pick"))
        self.setFixedWidth(BOX_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.setSpacing(8)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        self.field = QLineEdit()
        font = self.field.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.field.setFont(font)
        self.field.setMinimumHeight(36)
        self.field.installEventFilter(self)
        layout.addWidget(self.field)
        self.error = error_label()
        self.error.hide()
        layout.addWidget(self.error)

        self.model = PickModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(PickDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing always goes to the field
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setFixedHeight(PickDelegate.ROW_HEIGHT * SHOWN_ROWS + 4)
        self.view.setAccessibleName(self.tr("Matching accounts"))
        self.view.clicked.connect(lambda index: self._choose(index.row(), False))
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setFixedHeight(PickDelegate.ROW_HEIGHT + 4)
        self.results = QStackedWidget()
        self.results.addWidget(self.view)
        self.results.addWidget(self.empty)
        layout.addWidget(self.results)
        self.hint = QLabel()
        self.hint.setEnabled(False)  # drawn greyed: a quiet line of key hints
        layout.addWidget(self.hint)
        self.set_hint(types_by_default=False, can_type=False)

        self.field.textChanged.connect(self._text_changed)
        session.unlocked.connect(self._on_unlocked)
        session.locked.connect(self._on_locked)
        session.unlock_failed.connect(self._on_unlock_failed)
        session.accounts_changed.connect(self._refill)

    # -- showing and hiding -----------------------------------------------------------------
    def open(self) -> None:
        """Show centred on the screen with the pointer, ready to type."""
        self._enter_mode()
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if screen is not None:
            # Centred as it is with all rows shown; fewer rows shorten it from the bottom,
            # so the line being typed in never moves.
            area = screen.availableGeometry()
            tallest = self.sizeHint().height()
            if self.results.isVisible():
                tallest += PickDelegate.ROW_HEIGHT * (SHOWN_ROWS - max(1, self.model.rowCount()))
            self.move(area.center() - QPoint(self.width() // 2, tallest // 2))
        self.show()
        self.raise_()
        self.activateWindow()
        self.field.setFocus()

    def close_box(self) -> None:
        self.hide()

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self.field.clear()  # forget the password or search, and every code shown
        self.model.clear()
        self.error.hide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (event.type() == QEvent.Type.ActivationChange and self.isVisible()
                and not self.isActiveWindow()):
            self.hide()  # the user went elsewhere: give the keyboard back at once

    def set_hint(self, *, types_by_default: bool, can_type: bool) -> None:
        if not can_type:
            text = self.tr("Enter copies the code · Esc closes")
        elif types_by_default:
            text = self.tr("Enter types the code into your window · Shift+Enter copies · "
                           "Esc closes")
        else:
            text = self.tr("Enter copies the code · Shift+Enter types it into your window · "
                           "Esc closes")
        self.hint.setText(text)

    # -- modes ------------------------------------------------------------------------------
    @property
    def asking_password(self) -> bool:
        return self.field.echoMode() == QLineEdit.EchoMode.Password

    def _enter_mode(self) -> None:
        self.error.hide()
        self.field.setEnabled(True)
        if self.session.is_unlocked:
            self.field.setEchoMode(QLineEdit.EchoMode.Normal)
            self.field.setPlaceholderText(self.tr("Type a few letters of the account"))
            self.field.setAccessibleName(self.tr("Search accounts"))
            self.prompt.setText(self.tr("Pick a code"))
            self.results.show()
            self._refill()
        elif self.session.exists():
            self.field.setEchoMode(QLineEdit.EchoMode.Password)
            self.field.setPlaceholderText(self.tr("Vault password"))
            self.field.setAccessibleName(self.tr("Vault password"))
            self.prompt.setText(self.tr("The vault is locked: enter its password first."))
            self.results.hide()
        else:
            self.field.setEnabled(False)
            self.prompt.setText(self.tr("There is no vault yet: open Authenticator to create "
                                        "one and add your accounts."))
            self.results.hide()
        self.adjustSize()

    def _on_unlocked(self) -> None:
        if self.isVisible():
            self.field.clear()
            self._enter_mode()
            self.field.setFocus()

    def _on_locked(self) -> None:
        if self.isVisible():
            self.field.clear()
            self._enter_mode()

    def _on_unlock_failed(self, message: str) -> None:
        if self.isVisible() and self.asking_password:
            self.field.setEnabled(True)
            self.field.clear()
            self.field.setFocus()
            self.error.setText(sentence(message))
            self.error.show()
            self.adjustSize()

    # -- matches ----------------------------------------------------------------------------
    def _text_changed(self, _text: str) -> None:
        if not self.asking_password:
            self._refill()

    def _refill(self) -> None:
        if not self.isVisible() and not self.session.is_unlocked:
            return
        if self.asking_password or not self.session.is_unlocked:
            self.model.clear()
            return
        accounts = self.session.accounts()
        found = rank(accounts, self.field.text(), SHOWN_ROWS)
        self.model.set_accounts(found, self._now())
        self._fit_rows(len(found))
        if found:
            self.view.setCurrentIndex(self.model.index(0))
            self.results.setCurrentWidget(self.view)
        else:
            self.empty.setText(self.tr("No account matches.") if accounts
                               else self.tr("The vault has no accounts yet."))
            self.results.setCurrentWidget(self.empty)

    def _fit_rows(self, rows: int) -> None:
        self.view.setFixedHeight(PickDelegate.ROW_HEIGHT * max(1, rows) + 4)
        self.results.setFixedHeight(self.view.height() if rows else self.empty.height())
        self.adjustSize()

    def tick(self) -> None:
        if self.isVisible():
            self.model.refresh(self._now())

    def top_accounts(self) -> list[Account]:
        """What the box lists, in order (for tests and screen readers)."""
        rows = (self.model.row(i) for i in range(self.model.rowCount()))
        return [r.account for r in rows if r is not None]

    # -- keys -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress and isinstance(
                event, QKeyEvent):
            return self._key(event)
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._key(event):
            super().keyPressEvent(event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.hide()
            self.dismissed.emit()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            alternate = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if self.asking_password:
                if self.field.text():
                    self.field.setEnabled(False)
                    self.error.hide()
                    self.prompt.setText(self.tr("Unlocking…"))
                    self.unlock_requested.emit(self.field.text())
            else:
                self._choose(max(0, self.view.currentIndex().row()), alternate)
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and not self.asking_password:
            step = 1 if key == Qt.Key.Key_Down else -1
            row = self.view.currentIndex().row() + step
            if 0 <= row < self.model.rowCount():
                self.view.setCurrentIndex(self.model.index(row))
            return True
        return False

    def _choose(self, row: int, alternate: bool) -> None:
        index = self.model.index(row)
        account = index.data(ACCOUNT_ROLE) if index.isValid() else None
        if account is not None:
            self.chosen.emit(account, alternate)
