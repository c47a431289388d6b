"""The screen route's fallback: the frozen screenshot, on every monitor, to drag a box on.

A *tile* is one monitor's part of the screenshot: its geometry on the virtual desktop
(logical pixels) and its picture. X11 grabs give one tile per screen; the portal gives one
picture of the whole desktop, cut into tiles by :func:`split_picture`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    import numpy as np

MIN_REGION = 12  # logical pixels; smaller drags are clicks, not selections
ASPECT_SLACK = 0.03  # a desktop picture may differ this much from the screens' layout


@dataclass
class Tile:
    geometry: QRect  # where the monitor is on the virtual desktop (logical pixels)
    gray: np.ndarray  # its picture, 8-bit grey (device pixels: HiDPI pictures are larger)

    def image(self) -> QImage:
        height, width = self.gray.shape
        return QImage(self.gray.data, width, height, self.gray.strides[0],
                      QImage.Format.Format_Grayscale8).copy()


def screen_geometries() -> list[QRect]:
    return [screen.geometry() for screen in QGuiApplication.screens()]


def split_picture(gray: np.ndarray, geometries: Sequence[QRect]) -> list[Tile]:
    """Cut a picture of the whole desktop into one tile per monitor.

    The portal's picture spans the bounding box of all monitors (at the largest scale).
    When its shape does not match that layout, it is kept whole on the first monitor.
    """
    height, width = gray.shape
    if not geometries:
        return [Tile(QRect(0, 0, width, height), gray)]
    bounds = QRect(geometries[0])
    for geometry in geometries[1:]:
        bounds = bounds.united(geometry)
    if bounds.width() <= 0 or bounds.height() <= 0:
        return [Tile(QRect(geometries[0]), gray)]
    sx, sy = width / bounds.width(), height / bounds.height()
    if len(geometries) == 1 or abs(sx - sy) > ASPECT_SLACK * max(sx, sy):
        return [Tile(QRect(geometries[0]), gray)]
    tiles = []
    for geometry in geometries:
        x0, y0 = round((geometry.x() - bounds.x()) * sx), round((geometry.y() - bounds.y()) * sy)
        x1, y1 = round((geometry.right() + 1 - bounds.x()) * sx), round(
            (geometry.bottom() + 1 - bounds.y()) * sy)
        part = gray[max(y0, 0):min(y1, height), max(x0, 0):min(x1, width)]
        if part.size:
            tiles.append(Tile(QRect(geometry), part.copy()))
    return tiles or [Tile(QRect(geometries[0]), gray)]


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
        self.setWindowTitle(self.tr("Select the QR code"))
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


class RegionSelector(QObject):
    """One :class:`RegionOverlay` per tile (every monitor); the first box dragged on any of
    them wins. ``chosen`` carries the tile index and the box in that tile's pixels."""

    chosen = Signal(int, QRect)
    cancelled = Signal()

    def __init__(self, tiles: Sequence[Tile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles = list(tiles)
        self.overlays: list[RegionOverlay] = []
        for index, tile in enumerate(self.tiles):
            overlay = RegionOverlay(tile.image(), parent)
            overlay.chosen.connect(lambda rect, i=index: self._chosen(i, rect))
            overlay.cancelled.connect(self.cancel)
            self.overlays.append(overlay)
        self._open = True

    def show(self, focus: int = 0) -> None:
        screens = {(s.geometry().x(), s.geometry().y(), s.geometry().width(),
                    s.geometry().height()): s for s in QGuiApplication.screens()}
        for tile, overlay in zip(self.tiles, self.overlays, strict=True):
            geometry = tile.geometry
            screen = screens.get((geometry.x(), geometry.y(), geometry.width(),
                                  geometry.height()))
            if screen is not None:
                overlay.setScreen(screen)
                overlay.setGeometry(geometry)
                # Full screen from the first show, on this monitor (Wayland: the
                # toplevel asks for full screen on this output in its first configure).
                overlay.setWindowState(Qt.WindowState.WindowFullScreen)
                overlay.show()
            else:  # a layout given by a test, or a monitor that went away meanwhile
                overlay.setGeometry(geometry)
                overlay.show()
        if self.overlays:
            target = self.overlays[min(max(focus, 0), len(self.overlays) - 1)]
            target.raise_()
            target.activateWindow()
            target.setFocus()

    def _chosen(self, index: int, rect: QRect) -> None:
        if self._open:
            self.close()
            self.chosen.emit(index, rect)

    def cancel(self) -> None:
        if self._open:
            self.close()
            self.cancelled.emit()

    def close(self) -> None:
        self._open = False
        for overlay in self.overlays:
            overlay.blockSignals(True)
            overlay.close()
            overlay.deleteLater()
