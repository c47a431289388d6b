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

TOAST_GAP = 14  # pixels between the toast and the window edge / the content above it
ERROR_COLOUR = "#C62828"  # 5.2:1 on the light window
DARK_ERROR_COLOUR = "#FF8A80"  # 7:1 on the dark window

# Banner (background, text, border) per kind, for light and dark themes (text >= 4.5:1).
BANNER_COLOURS = {
    False: {"warning": ("#FFF3CD", "#664D03", "#FFDA6A"),
            "error": ("#F8D7DA", "#58151C", "#F1AEB5"),
            "info": ("#CFE2FF", "#052C65", "#9EC5FE")},
    True: {"warning": ("#3A2F06", "#FFE08A", "#7A6410"),
           "error": ("#3F1519", "#F8D7DA", "#8C2F36"),
           "info": ("#10294A", "#D3E3FD", "#2F5FA8")},
}


def _dark() -> bool:
    from PySide6.QtGui import QGuiApplication, QPalette

    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def error_colour() -> str:
    """The error red that reads on the current theme's window colour."""
    return DARK_ERROR_COLOUR if _dark() else ERROR_COLOUR


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


def push_button(text: str, name: str, on_click: Callable[..., Any]) -> QPushButton:
    """A button with its accessible name and its action (texts translated by the caller)."""
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.clicked.connect(on_click)
    return button


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    """A dialog's buttons, right-aligned in the order given."""
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


def error_style() -> str:
    """The one look of an error message (style-sheet declarations): the error banner's
    colours for the current theme (light or dark, text >= 4.5:1), in a rounded box."""
    background, text, border = BANNER_COLOURS[_dark()]["error"]
    return (f"background: {background}; color: {text}; border: 1px solid {border};"
            " border-radius: 6px; padding: 6px;")


def mark_error(label: QLabel, on: bool = True) -> None:
    """Show ``label`` as an error (or, with ``on`` False, as plain text again)."""
    label.setStyleSheet(f"QLabel {{ {error_style()} }}" if on else "")


class ErrorLabel(QLabel):
    """An inline error: word-wrapped, named for screen readers, and boxed in
    :func:`error_style` while it holds text (empty, it takes no room to speak of)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName(QCoreApplication.translate("ErrorLabel", "Error"))

    def setText(self, text: str) -> None:
        super().setText(text)
        mark_error(self, bool(text))

    def clear(self) -> None:
        super().clear()
        mark_error(self, False)


def error_label(parent: QWidget | None = None, *, hidden: bool = False) -> ErrorLabel:
    """The label every error message of a window or dialog is shown in."""
    label = ErrorLabel(parent)
    if hidden:  # (showing a label without a parent would open it as a window)
        label.hide()
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
        self._bottom_margin: int | None = None  # the parent layout's own, while we show
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
        self.move((parent.width() - width) // 2, parent.height() - self.height() - TOAST_GAP)
        self._reserve(self.height() + 2 * TOAST_GAP)

    def _reserve(self, height: int) -> None:
        """Keep the parent's content above the toast: it must never hide the last row."""
        parent = self.parentWidget()
        layout = parent.layout() if parent is not None else None
        if layout is None:
            return
        margins = layout.contentsMargins()
        if self._bottom_margin is None:
            self._bottom_margin = margins.bottom()
        bottom = max(self._bottom_margin, height) if height else self._bottom_margin
        if margins.bottom() != bottom:
            layout.setContentsMargins(margins.left(), margins.top(), margins.right(), bottom)

    def expire(self, now: float) -> None:
        if self._expires is not None and now >= self._expires:
            self.dismiss()

    def dismiss(self) -> None:
        self._expires = None
        self._action = None
        self.setVisible(False)
        self._reserve(0)

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
        colours = BANNER_COLOURS[_dark()][kind]
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
