"""SVG icons tinted with the palette's text colour, so they work in light and dark
themes and stay sharp at any scale."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from authenticator.resources import resource


@lru_cache(maxsize=64)
def _svg_text(name: str) -> str:
    try:
        return resource("icons", f"{name}.svg").read_text(encoding="utf-8")
    except OSError:
        return ""


@lru_cache(maxsize=128)
def _renderer(name: str, colour: str) -> QSvgRenderer:
    """The icon's SVG with ``currentColor`` = ``colour``, parsed once (not on every paint)."""
    data = _svg_text(name).replace("currentColor", colour)
    return QSvgRenderer(QByteArray(data.encode("utf-8")))


class _TintedSvgEngine(QIconEngine):
    """Renders the SVG at the requested size with ``currentColor`` = palette text."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        # (colour, width, height) -> pixmap: a tool button asks on every repaint (hover,
        # press), and re-parsing and rendering the SVG each time is the costly part.
        self._pixmaps: dict[tuple[str, int, int], QPixmap] = {}

    @staticmethod
    def _colour(mode: QIcon.Mode) -> str:
        palette = QGuiApplication.palette()
        group = QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else \
            QPalette.ColorGroup.Active
        return palette.color(group, QPalette.ColorRole.ButtonText).name()

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        _renderer(self.name, self._colour(mode)).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        key = (self._colour(mode), size.width(), size.height())
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            if len(self._pixmaps) > 16:  # theme switches, odd sizes: keep it small
                self._pixmaps.clear()
            pixmap = QPixmap(size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            _renderer(self.name, key[0]).render(painter)
            painter.end()
            self._pixmaps[key] = pixmap
        return pixmap  # implicitly shared: whoever paints on it detaches a copy

    def clone(self) -> QIconEngine:
        return _TintedSvgEngine(self.name)


def icon(name: str) -> QIcon:
    if name == "app":
        return QIcon(str(resource("icons", "app.svg")))
    return QIcon(_TintedSvgEngine(name))
