"""Small reusable widgets: toast notices, banners, the empty state."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

ERROR_COLOUR = "#C62828"


def window_action(window: QWidget, text: str,
                  shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
                  slot: Callable[..., Any], icon_name: str | None = None) -> QAction:
    """An action whose shortcut works anywhere in ``window`` (added to it)."""
    from authenticator.ui.common.icons import icon

    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    if icon_name:
        action.setIcon(icon(icon_name))
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def error_label() -> QLabel:
    """An inline, word-wrapped error line in red, named for screen readers."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.setAccessibleName(QCoreApplication.translate("ErrorLabel", "Error"))
    return label


class Toast(QFrame):
    """A quiet notice at the bottom of the list ("Copied, clears in 30 s"), optional action.

    It expires on the app's tick (``expire(now)``) rather than with its own timer.
    """

    action_clicked = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#toast { background: palette(tooltip-base); border: 1px solid palette(mid);"
            " border-radius: 8px; } #toast QLabel { color: palette(tooltip-text); }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("Notice"))
        self.button = QPushButton()
        self.button.setFlat(True)
        self.button.setVisible(False)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self._clicked)
        self._expires: float | None = None
        self._action: Callable[[], None] | None = None
        self.setVisible(False)

    def show_message(self, text: str, now: float, seconds: float = 4.0,
                     action: tuple[str, Callable[[], None]] | None = None) -> None:
        self.label.setText(text)
        self._expires = now + seconds
        if action:
            self.button.setText(action[0])
            self.button.setAccessibleName(action[0])
            self._action = action[1]
            self.button.setVisible(True)
        else:
            self._action = None
            self.button.setVisible(False)
        self.setVisible(True)
        self.raise_()
        self.reposition()

    def reposition(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.adjustSize()
        width = min(parent.width() - 24, max(self.sizeHint().width(), 260))
        self.resize(width, self.sizeHint().height())
        self.move((parent.width() - width) // 2, parent.height() - self.height() - 14)

    def expire(self, now: float) -> None:
        if self._expires is not None and now >= self._expires:
            self.dismiss()

    def dismiss(self) -> None:
        self._expires = None
        self._action = None
        self.setVisible(False)

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def _clicked(self) -> None:
        action = self._action
        self.dismiss()
        if action:
            action()


class Banner(QFrame):
    """A coloured strip above the list with a message and up to two buttons.

    ``stacked``: the buttons sit on their own row under the text (long button labels).
    """

    def __init__(self, kind: str = "warning", parent: Any = None, *,
                 stacked: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        colours = {"warning": ("#FFF3CD", "#664D03", "#FFDA6A"),
                   "error": ("#F8D7DA", "#58151C", "#F1AEB5"),
                   "info": ("#CFE2FF", "#052C65", "#9EC5FE")}[kind]
        self.setStyleSheet(
            f"#banner {{ background: {colours[0]}; border: 1px solid {colours[2]};"
            f" border-radius: 6px; }} #banner QLabel {{ color: {colours[1]}; }}")
        layout = QVBoxLayout(self) if stacked else QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Warning"))
        layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        self._button_row: QBoxLayout = layout
        if stacked:
            self._button_row = QHBoxLayout()
            self._button_row.addStretch(1)
            layout.addLayout(self._button_row)
        self.setVisible(False)

    def add_button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        self._button_row.addWidget(button)
        self.buttons.append(button)
        return button

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.setVisible(True)


class EmptyState(QWidget):
    """Shown when there is nothing to list: says what to do next."""

    def __init__(self, title: str, body: str, button: str | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(title)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel(body)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        self.button: QPushButton | None = None
        if button:
            self.button = QPushButton(button)
            self.button.setAccessibleName(button.replace("&", ""))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(2)
