"""A QR code drawn to fit its widget, whole and with its quiet zone, at any screen scale.

The code is painted (not shown as a fixed-size pixmap): each module is a whole number of
*device* pixels, as large as the widget allows, so a phone sees sharp square modules at
scale 1 as well as under ``QT_SCALE_FACTOR=2``. The widget's minimum size is what the
code needs at :data:`MIN_DEVICE_PX_PER_MODULE`, so a dialog can never be shrunk so far
that the finder patterns or the quiet zone are cut off.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import segno
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QScreen
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MIN_DEVICE_PX_PER_MODULE = 3
"""The smallest module a phone camera reliably reads off a monitor.

A phone held 20-40 cm from a screen resolves the screen's pixel grid only roughly: at 1 or
2 device pixels per module the camera sees the sub-pixel pattern and moiré instead of
clean edges and decoding fails (ZBar in particular, see DESIGN.md). From 3 device pixels
per module each module keeps a solid core, which is also what Google Authenticator's own
export screens give at phone resolutions. Codes that would need smaller modules to fit
on this screen are split over more pages instead."""
PREFERRED_DEVICE_PX_PER_MODULE = 6
"""What the dialog aims for when the screen has room: easier to aim at."""
QUIET_ZONE = 4
"""Modules of white around the code, as ISO/IEC 18004 asks; scanners need it."""
DIALOG_CHROME = 230
"""Logical pixels a QR dialog needs besides the code (title bar, text, buttons, margins)."""


def code_matrix(text: str) -> list[bytes]:
    """The modules of ``text``'s QR code (error correction M), one row of 0/1 per line."""
    code = segno.make(text, error="m", micro=False)
    return [bytes(row) for row in code.matrix]


def total_modules(text: str) -> int:
    """Side of ``text``'s code in modules, quiet zone included."""
    return len(code_matrix(text)) + 2 * QUIET_ZONE


def screen_budget(screen: QScreen | None) -> tuple[int, float]:
    """(logical pixels a square QR may take on ``screen``, its device pixel ratio)."""
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return 480, 1.0
    area = screen.availableGeometry()
    side = min(area.width() - 80, area.height() - DIALOG_CHROME)
    return max(side, 120), float(screen.devicePixelRatio())


def max_modules_for(screen: QScreen | None) -> int:
    """The biggest code (modules, quiet zone included) that fits ``screen`` at the floor."""
    side, ratio = screen_budget(screen)
    return int(side * ratio) // MIN_DEVICE_PX_PER_MODULE


class QrView(QWidget):
    """Paints one QR code centred on white, as big as fits, modules on device pixels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[bytes] = []
        self._reserve = 0  # modules to reserve room for (the biggest page of a series)
        self._preferred_side = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(False)

    # -- content ------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        self._rows = code_matrix(text)
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self._rows = []
        self.update()

    def has_code(self) -> bool:
        return bool(self._rows)

    def reserve(self, texts: Sequence[str]) -> None:
        """Size for the biggest of ``texts`` so that paging never changes the layout."""
        self._reserve = max((total_modules(t) for t in texts), default=0)
        self.updateGeometry()

    def prefer_side(self, side: int) -> None:
        """Logical side the dialog would like the code to have (bounded by the minimum)."""
        self._preferred_side = side
        self.updateGeometry()

    # -- geometry -------------------------------------------------------------------------
    def modules(self) -> int:
        own = len(self._rows) + 2 * QUIET_ZONE if self._rows else 0
        return max(own, self._reserve)

    def _ratio(self) -> float:
        return float(self.devicePixelRatioF()) or 1.0

    def minimumSizeHint(self) -> QSize:
        side = math.ceil(self.modules() * MIN_DEVICE_PX_PER_MODULE / self._ratio())
        return QSize(side, side)

    def sizeHint(self) -> QSize:
        minimum = self.minimumSizeHint().width()
        wanted = math.ceil(self.modules() * PREFERRED_DEVICE_PX_PER_MODULE / self._ratio())
        if self._preferred_side:
            wanted = min(wanted, self._preferred_side)
        side = max(minimum, wanted)
        return QSize(side, side)

    def module_pixels(self) -> int:
        """Device pixels per module as currently drawn (0 without a code)."""
        if not self._rows:
            return 0
        ratio = self._ratio()
        side = min(math.floor(self.width() * ratio), math.floor(self.height() * ratio))
        return side // (len(self._rows) + 2 * QUIET_ZONE)

    def code_rect(self) -> QRect:
        """Where the code and its quiet zone are drawn, in logical widget coordinates."""
        if not self._rows:
            return QRect()
        ratio = self._ratio()
        size = self.module_pixels() * (len(self._rows) + 2 * QUIET_ZONE)
        left = (math.floor(self.width() * ratio) - size) // 2
        top = (math.floor(self.height() * ratio) - size) // 2
        return QRect(math.floor(left / ratio), math.floor(top / ratio),
                     math.ceil(size / ratio), math.ceil(size / ratio))

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if not self._rows:
            painter.end()
            return
        ratio = self._ratio()
        module = max(self.module_pixels(), 1)
        count = len(self._rows)
        size = module * (count + 2 * QUIET_ZONE)
        left = (math.floor(self.width() * ratio) - size) // 2 + QUIET_ZONE * module
        top = (math.floor(self.height() * ratio) - size) // 2 + QUIET_ZONE * module
        painter.scale(1 / ratio, 1 / ratio)  # from here on, coordinates are device pixels
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        black = QColor("black")
        for y, row in enumerate(self._rows):
            x = 0
            while x < count:  # one rectangle per horizontal run of dark modules
                if not row[x]:
                    x += 1
                    continue
                start = x
                while x < count and row[x]:
                    x += 1
                painter.fillRect(left + start * module, top + y * module,
                                 (x - start) * module, module, black)
        painter.end()


def fit_dialog(dialog: QWidget, qr: QrView) -> None:
    """Give ``dialog`` a default size from its screen (the code large but whole) and a
    minimum size at which the code still has :data:`MIN_DEVICE_PX_PER_MODULE`.

    The layout's own minimum counts a word-wrapped label as one line; at the dialog's
    narrowest width it wraps to more, which would squeeze the code below its minimum, so
    the minimum height is computed for that width.
    """
    side, _ratio = screen_budget(dialog.screen())
    qr.prefer_side(side)
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
        margins = layout.contentsMargins()
        inner = layout.totalMinimumSize().width() - margins.left() - margins.right()
        for label in dialog.findChildren(QLabel):
            if label.wordWrap() and label.text() and label.isVisibleTo(dialog):
                label.setMinimumHeight(label.heightForWidth(inner))
        layout.invalidate()
        layout.activate()
        dialog.setMinimumSize(layout.totalMinimumSize())
    hint = dialog.sizeHint().expandedTo(dialog.minimumSize())
    screen = dialog.screen()
    if screen is not None:
        area = screen.availableGeometry()
        hint = hint.boundedTo(QSize(area.width() - 40, area.height() - 40))
        hint = hint.expandedTo(dialog.minimumSize())
    dialog.resize(hint)
