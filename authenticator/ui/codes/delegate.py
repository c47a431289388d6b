"""Paints one account row: avatar, issuer/name, grouped code, countdown ring.

Sizes derive from the font metrics so the row scales with the system font and DPI.
Colour is never the only signal: the countdown also shows the seconds as a number, and
in the last seconds the next code appears as text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from authenticator.ui.codes.model import PaintState, Role
from authenticator.ui.codes.row_parts import (
    URGENT_DARK,
    URGENT_LIGHT,
    Geometry,
    is_dark,
    paint_avatar,
    paint_labels,
    paint_next_button,
    paint_ring_track,
    ring_arc_rect,
    ring_colour,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QPersistentModelIndex

    Index = QModelIndex | QPersistentModelIndex

_SELECTED = QStyle.StateFlag.State_Selected.value
# The row states that change how the static part of a row looks.
_LAYER_STATES = (QStyle.StateFlag.State_Selected.value | QStyle.StateFlag.State_MouseOver.value
                 | QStyle.StateFlag.State_Active.value)


#: Static layers kept (each a row-sized pixmap, ~130 KiB at 100% scale): a few screens'
#: worth, so scrolling through thousands of accounts does not keep thousands of them.
STATIC_CACHE_ROWS = 64


class AccountDelegate(QStyledItemDelegate):
    """Paints rows; emits ``next_code_clicked`` for the HOTP button."""

    next_code_clicked = Signal(object)  # the clicked QModelIndex

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.revealed = True
        # Privacy mode (ui/codes/privacy.py): (index, option) -> whether this row's code
        # may show; None shows every code.
        self.row_shown: Callable[[Index, QStyleOptionViewItem], bool] | None = None
        # Installed Aegis icon packs (ui/codes/icon_packs.py): paints and returns True when
        # a pack has an icon for the issuer.
        self.pack_icon: Callable[[QPainter, QRect, Index], bool] | None = None
        # Everything in a row except the code and the countdown arc changes rarely: it is
        # painted once into a pixmap and reused, so the once-a-second repaint stays cheap.
        self._static: dict[tuple[Any, ...], QPixmap] = {}
        self._fonts: dict[str, QFont] = {}
        self._layouts: dict[tuple[str, int, int], Geometry] = {}
        self._colour_cache: dict[tuple[int, bool], tuple[QColor, QColor, bool]] = {}
        # account id -> (static layer, selected, text colour, dark) of its last full paint
        self._painted: dict[str, tuple[QPixmap, bool, QColor, bool]] = {}
        self._last_font: QFont | None = None
        self._last_font_key = ""

    def clear_cache(self) -> None:
        """Forget the painted rows (after icons changed)."""
        self._static.clear()
        self._painted.clear()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = QFontMetrics(option.font)
        unit = max(4, fm.height() // 4)
        return QSize(110 * unit, 16 * unit)

    # -- painting -------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # Once a second this runs for each row on screen: plain ints instead of Qt flag
        # enums (each Python enum operation allocates), colours cached per palette.
        state_bits = option.state.value
        selected = bool(state_bits & _SELECTED)
        palette = option.palette
        text_colour, muted, dark = self._colours(palette, selected)
        rect = option.rect
        g = self._geometry(option.font, rect.width(), rect.height())
        # The per-second tick repaints only the ring (see countdown.CountdownListView): then
        # the code, which lies beside it, is clipped away anyway and is not drawn at all.
        ring_only = getattr(option.widget, "ring_only", None)
        top_left = rect.topLeft()
        skip_code = ring_only is not None and ring_only(rect, g.ring.translated(top_left))
        account = index.data(Role.ACCOUNT)
        layer = self._static_layer(painter, option, index, account, state_bits, text_colour,
                                   muted, dark)
        self._painted[account.id] = (layer, selected, text_colour, dark)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawPixmap(top_left, layer)
        # The moving parts, drawn in row coordinates with a cached layout.
        painter.translate(top_left)
        state: PaintState = index.data(Role.PAINT)
        code_colour = (URGENT_DARK if dark else URGENT_LIGHT) if state.urgent and not selected \
            else text_colour
        if not skip_code:
            shown = self.revealed and (self.row_shown is None or self.row_shown(index, option))
            self._paint_code(painter, g, state, option.font, code_colour, muted, shown)
        if state.seconds is not None:
            self._paint_ring(painter, g, state, option.font,
                             ring_colour(state, selected, text_colour, dark))
        painter.restore()

    def paint_rings(self, painter: QPainter, font: QFont,
                    rows: Sequence[tuple[QRect, str, PaintState]]) -> bool:
        """Repaint just the countdown rings of rows (row rect, account id, state): what
        the per-second tick needs, in one call instead of one view-and-delegate round per
        row. Each row is drawn from what its last full paint left (static layer, colours),
        exactly as :meth:`paint` would; False, before drawing anything, when a row has no
        full paint at its current size (the caller then paints the usual way)."""
        ready = []
        for rect, account_id, state in rows:
            painted = self._painted.get(account_id)
            if painted is None or painted[0].deviceIndependentSize().toSize() != rect.size():
                return False
            ready.append((rect, state, painted))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for rect, state, (layer, selected, text_colour, dark) in ready:
            top_left = rect.topLeft()
            painter.drawPixmap(top_left, layer)
            if state.seconds is None:
                continue
            g = self._geometry(font, rect.width(), rect.height())
            painter.save()
            painter.translate(top_left)
            self._paint_ring(painter, g, state, font,
                             ring_colour(state, selected, text_colour, dark))
            painter.restore()
        return True

    def _colours(self, palette: QPalette, selected: bool) -> tuple[QColor, QColor, bool]:
        key = (palette.cacheKey(), selected)
        cached = self._colour_cache.get(key)
        if cached is None:
            if len(self._colour_cache) > 8:
                self._colour_cache.clear()
            text = palette.color(QPalette.ColorRole.HighlightedText if selected
                                 else QPalette.ColorRole.Text)
            muted = QColor(text)
            muted.setAlphaF(0.65)
            cached = self._colour_cache[key] = (text, muted, is_dark(palette))
        return cached

    def ring_rect(self, font: QFont, row_rect: QRect) -> QRect:
        """Where the countdown ring of a row at ``row_rect`` is painted (viewport pixels)."""
        g = self._geometry(font, row_rect.width(), row_rect.height())
        return g.ring.translated(row_rect.topLeft())

    def _font_key(self, font: QFont) -> str:
        """``font.key()`` builds a string each call (~5 us, several per row per second);
        comparing with the last font asked about is 50 times cheaper."""
        if self._last_font is None or font != self._last_font:
            self._last_font = QFont(font)
            self._last_font_key = font.key()
        return self._last_font_key

    def _geometry(self, font: QFont, width: int, height: int) -> Geometry:
        key = (self._font_key(font), width, height)
        g = self._layouts.get(key)
        if g is None:
            if len(self._layouts) > 16:
                self._layouts.clear()
            g = self._layouts[key] = Geometry(font, QRect(0, 0, width, height))
        return g

    def _static_layer(self, painter: QPainter, option: QStyleOptionViewItem, index: Index,
                      account: Any, state_bits: int, text_colour: QColor, muted: QColor,
                      dark: bool) -> QPixmap:
        flags = state_bits & _LAYER_STATES
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        size = option.rect.size()
        key = (account.id, account.issuer, account.name, account.tags, account.favorite,
               account.kind, hash(account.icon), size.width(), size.height(), flags,
               option.palette.cacheKey(), self._font_key(option.font), ratio)
        pixmap = self._static.get(key)
        if pixmap is not None:
            return pixmap
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        local = QStyleOptionViewItem(option)
        local.rect = QRect(0, 0, size.width(), size.height())
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, local, p,
                                option.widget)
        g = Geometry(option.font, local.rect)
        paint_avatar(p, g, index, option.font, self.pack_icon)
        paint_labels(p, g, index, option.font, text_colour, muted)
        if index.data(Role.KIND) == "hotp":
            paint_next_button(p, g, option.palette, option.font, dark)
        else:
            paint_ring_track(p, g, muted)
        p.end()
        if len(self._static) > STATIC_CACHE_ROWS:  # rows scrolled past; rebuilt on demand
            self._static.clear()
            self._painted.clear()
        self._static[key] = pixmap
        return pixmap

    def _paint_code(self, painter: QPainter, g: Geometry, state: PaintState, font: QFont,
                    colour: QColor, muted: QColor, shown: bool = True) -> None:
        code_font = self._code_font(font)
        code = state.code
        if not shown:
            code = "•" * len(code.replace(" ", ""))
        next_code = state.next_code if state.urgent else None
        painter.setFont(code_font)
        painter.setPen(colour)
        rect = QRect(g.code)
        if next_code and shown:
            rect.setBottom(g.code.center().y() + g.unit * 2)
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, code)
            small = QFont(font)
            small.setPointSizeF(font.pointSizeF() * 0.95)
            painter.setFont(small)
            painter.setPen(muted)
            below = QRect(g.code.left(), rect.bottom() + g.unit // 2, g.code.width(),
                          g.code.bottom() - rect.bottom())
            painter.drawText(below, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                             self.tr("next {code}").format(code=next_code))
        else:
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             code)

    def _scaled_font(self, font: QFont, factor: float) -> QFont:
        key = f"{self._font_key(font)}*{factor}"
        cached = self._fonts.get(key)
        if cached is None:
            cached = self._fonts[key] = QFont(font)
            cached.setPointSizeF(font.pointSizeF() * factor)
        return cached

    def _code_font(self, font: QFont) -> QFont:
        key = self._font_key(font)
        cached = self._fonts.get(key)
        if cached is None:
            cached = QFont(font)
            cached.setPointSizeF(font.pointSizeF() * 2.0)
            cached.setWeight(QFont.Weight.DemiBold)
            cached.setStyleHint(QFont.StyleHint.Monospace)
            cached.setFamilies(["DejaVu Sans Mono", "Cascadia Mono", "Menlo", "Consolas",
                                "monospace"])
            self._fonts[key] = cached
        return cached

    def _paint_ring(self, painter: QPainter, g: Geometry, state: PaintState, font: QFont,
                    colour: QColor) -> None:
        """The part of the countdown that moves: the arc and the seconds as a number."""
        fraction = state.fraction
        seconds = state.seconds
        rect, width = ring_arc_rect(g)
        pen = QPen(colour, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(rect, 90 * 16, int(fraction * 360 * 16))
        painter.setFont(self._scaled_font(font, 0.9))
        painter.drawText(g.ring, Qt.AlignmentFlag.AlignCenter, str(seconds or ""))

    # -- interaction ----------------------------------------------------------------------
    def editorEvent(self, event: QEvent, model: Any, option: QStyleOptionViewItem,
                    index: Index) -> bool:
        if (event.type() == QEvent.Type.MouseButtonRelease
                and index.data(Role.KIND) == "hotp"
                and isinstance(event, QMouseEvent)):
            g = Geometry(option.font, option.rect)
            if g.button.contains(event.position().toPoint()):
                self.next_code_clicked.emit(index)
                return True
        return super().editorEvent(event, model, option, index)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        return None  # type: ignore[return-value]  # rows are not editable in place
