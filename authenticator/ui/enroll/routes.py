"""The Add dialog's ways to add an account (its left-hand list) and the pages of the
routes that only hold a button or a field: scan the screen, open an image, paste."""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from authenticator.ui.common.icons import icon
from authenticator.ui.common.secret_field import make_secret_field
from authenticator.ui.enroll.confirm import heading


class Route(Enum):
    CAMERA = "camera"
    SCREEN = "screen"
    IMAGE = "image"
    PASTE = "paste"
    MANUAL = "manual"


SCANNING = (Route.CAMERA, Route.SCREEN, Route.IMAGE, Route.PASTE)
"""The routes that read a QR code (where the note about a missing decoder matters)."""


class RouteList(QListWidget):
    """The routes, one row each with an icon, in :class:`Route` order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Ways to add an account"))
        self.setIconSize(QSize(22, 22))
        self.setFixedWidth(200)
        self.setSpacing(2)
        labels = {
            Route.CAMERA: (self.tr("Scan with camera"), "camera"),
            Route.SCREEN: (self.tr("Scan screen"), "screen"),
            Route.IMAGE: (self.tr("Open an image"), "image"),
            Route.PASTE: (self.tr("Paste a link or image"), "link"),
            Route.MANUAL: (self.tr("Type a key"), "key"),
        }
        self.order = list(labels)
        for text, icon_name in labels.values():
            QListWidgetItem(icon(icon_name), text, self)

    def route_at(self, row: int) -> Route | None:
        return self.order[row] if 0 <= row < len(self.order) else None

    def current_route(self) -> Route | None:
        return self.route_at(self.currentRow())

    def row_of(self, route: Route) -> int:
        return self.order.index(route)


def button(text: str, icon_name: str | None = None) -> QPushButton:
    """A push button named for screen readers by its text (without the accelerator)."""
    result = QPushButton(text)
    result.setAccessibleName(text.replace("&", ""))
    if icon_name:
        result.setIcon(icon(icon_name))
    return result


class RoutePage(QWidget):
    """A heading, a paragraph, then the page's own controls."""

    def __init__(self, title: str, body: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.box = QVBoxLayout(self)
        text = QLabel(body)
        text.setWordWrap(True)
        self.box.addWidget(heading(title))
        self.box.addWidget(text)

    def add_row(self, *widgets: QWidget, stretch_first: bool = False) -> QHBoxLayout:
        row = QHBoxLayout()
        for index, widget in enumerate(widgets):
            row.addWidget(widget, 1 if stretch_first and index == 0 else 0)
        if not stretch_first:
            row.addStretch(1)
        self.box.addLayout(row)
        return row


class ScreenPage(RoutePage):
    """Scan screen, and the other ways offered when the desktop will not share it."""

    scan_requested = Signal()
    image_instead = Signal()
    paste_instead = Signal()

    def __init__(self, intro: str, parent: Any = None) -> None:
        super().__init__(self.tr("Scan a QR code on your screen"), intro, parent)
        self.scan_screen_button = button(self.tr("&Scan screen"), "screen")
        self.scan_screen_button.clicked.connect(self.scan_requested)
        self.add_row(self.scan_screen_button)
        self.screen_fallback = QWidget()
        fallback = QHBoxLayout(self.screen_fallback)
        fallback.setContentsMargins(0, 0, 0, 0)
        to_image = button(self.tr("Open an image instead"), "image")
        to_image.clicked.connect(self.image_instead)
        to_paste = button(self.tr("Paste instead"), "link")
        to_paste.clicked.connect(self.paste_instead)
        fallback.addWidget(to_image)
        fallback.addWidget(to_paste)
        fallback.addStretch(1)
        self.screen_fallback.setVisible(False)
        self.box.addWidget(self.screen_fallback)
        self.box.addStretch(1)


class ImagePage(RoutePage):
    """Choose an image file of the QR code."""

    open_requested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            self.tr("Open an image of the QR code"),
            self.tr("Choose a screenshot or photo of the QR code. You can also drop an "
                    "image file onto this window."), parent)
        self.open_image_button = button(self.tr("&Choose image…"), "image")
        self.open_image_button.clicked.connect(self.open_requested)
        self.add_row(self.open_image_button)
        self.box.addStretch(1)


class PastePage(RoutePage):
    """Type or paste a link; paste an image or a link from the clipboard."""

    link_entered = Signal()
    paste_requested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            self.tr("Paste a link or an image"),
            self.tr("Copy the QR code image (right click, Copy image) or its otpauth:// "
                    "link, then press Ctrl+V here. Google Authenticator export links "
                    "work too."), parent)
        self.link_edit = QLineEdit()
        self.link_edit.setPlaceholderText("otpauth://totp/…")
        self.link_edit.setAccessibleName(self.tr("Link"))
        self.link_reveal = make_secret_field(self.link_edit)  # links hold the key
        # Deferred: the same Enter would otherwise also press Add on the review page.
        self.link_edit.returnPressed.connect(
            lambda: QTimer.singleShot(0, self, self.link_entered.emit))
        self.paste_button = button(self.tr("&Paste from clipboard"), "copy")
        self.paste_button.clicked.connect(self.paste_requested)
        self.add_row(self.link_edit, self.paste_button, stretch_first=True)
        self.box.addStretch(1)
