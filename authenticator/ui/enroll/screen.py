"""The screen route's fallback: the frozen screenshot, full screen, to drag a box on."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

MIN_REGION = 12  # logical pixels; smaller drags are clicks, not selections


class RegionOverlay(QWidget):
    """Shows ``screenshot`` dimmed; the user drags a rectangle around the QR code.

    ``chosen`` carries the region in *screenshot pixel* coordinates; ``cancelled`` is
    emitted on Escape or right click.
    """

    chosen = Signal(QRect)
    cancelled = Signal()

    def __init__(self, screenshot: QImage, parent: Any = None) -> None:
        super().__init__(parent, Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint | Qt.WindowType.Tool)
        self.screenshot = screenshot
        self.setAccessibleName(self.tr("Select the QR code"))
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._start: QPoint | None = None
        self._end: QPoint | None = None
        self.hint = self.tr("No QR code was found automatically. Drag a box around the QR "
                            "code, or press Esc to cancel.")

    def selection(self) -> QRect:
        if self._start is None or self._end is None:
            return QRect()
        return QRect(self._start, self._end).normalized()

    def to_image_rect(self, rect: QRect) -> QRect:
        """Widget (logical) coordinates to screenshot pixels (HiDPI screens differ)."""
        if self.width() <= 0 or self.height() <= 0:
            return QRect()
        sx = self.screenshot.width() / self.width()
        sy = self.screenshot.height() / self.height()
        mapped = QRect(round(rect.x() * sx), round(rect.y() * sy),
                       round(rect.width() * sx), round(rect.height() * sy))
        return mapped.intersected(self.screenshot.rect())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(self.rect(), self.screenshot)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 110))
        box = self.selection()
        if not box.isEmpty():
            painter.drawImage(box, self.screenshot, self.to_image_rect(box))
            painter.setPen(QPen(QColor("#4FC3F7"), 2))
            painter.drawRect(box)
        painter.setPen(QColor("white"))
        banner = QRect(0, 24, self.width(), 40)
        painter.fillRect(banner, QColor(0, 0, 0, 170))
        painter.drawText(banner, Qt.AlignmentFlag.AlignCenter, self.hint)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.RightButton:
            self.cancel()
            return
        self._start = self._end = event.position().toPoint()
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._start is not None:
            self._end = event.position().toPoint()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._start is None:
            return
        self._end = event.position().toPoint()
        box = self.selection()
        self._start = self._end = None
        if box.width() < MIN_REGION or box.height() < MIN_REGION:
            self.update()
            return
        self.close()
        self.chosen.emit(self.to_image_rect(box))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def cancel(self) -> None:
        self.close()
        self.cancelled.emit()
