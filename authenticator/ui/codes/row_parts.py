"""The parts of an account row that change rarely (the delegate paints them once into a
cached layer): the layout, the avatar, issuer and name, the ring's track, the HOTP
"next code" button; and the row colours."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen

from authenticator.ui.codes.issuer_icons import paint_issuer_icon
from authenticator.ui.codes.model import PaintState, Role

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex

    Index = QModelIndex | QPersistentModelIndex

URGENT_LIGHT = QColor("#C62828")
URGENT_DARK = QColor("#FF8A80")
ACCENT_LIGHT = QColor("#1565C0")
ACCENT_DARK = QColor("#82B1FF")


def ring_colour(state: PaintState, selected: bool, text_colour: QColor,
                dark: bool) -> QColor:
    if state.urgent:
        return text_colour if selected else (URGENT_DARK if dark else URGENT_LIGHT)
    return text_colour if selected else (ACCENT_DARK if dark else ACCENT_LIGHT)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class Geometry:
    """Row layout computed from the base font (all in device-independent pixels)."""

    def __init__(self, font: QFont, rect: QRect) -> None:
        fm = QFontMetrics(font)
        self.unit = max(4, fm.height() // 4)
        u = self.unit
        self.rect = rect
        self.avatar = QRect(rect.left() + 3 * u, rect.top() + (rect.height() - 10 * u) // 2,
                            10 * u, 10 * u)
        ring = 8 * u
        self.ring = QRect(rect.right() - 3 * u - ring, rect.top() + (rect.height() - ring) // 2,
                          ring, ring)
        self.button = self.ring  # HOTP rows: "next code" button in the ring's place
        code_width = 36 * u
        self.code = QRect(self.ring.left() - 3 * u - code_width, rect.top(), code_width,
                          rect.height())
        text_left = self.avatar.right() + 3 * u
        self.text = QRect(text_left, rect.top() + 2 * u,
                          max(0, self.code.left() - text_left - 2 * u), rect.height() - 4 * u)


def ring_arc_rect(g: Geometry) -> tuple[QRectF, float]:
    width = max(2.0, g.unit * 0.6)
    return QRectF(g.ring).adjusted(width, width, -width, -width), width


def paint_avatar(painter: QPainter, g: Geometry, index: Index, font: QFont,
                 pack_icon: Callable[[QPainter, QRect, Index], bool] | None) -> None:
    issuer = index.data(Role.ISSUER) or ""
    if pack_icon is not None and pack_icon(painter, g.avatar, index):
        return
    if paint_issuer_icon(painter, g.avatar, issuer):
        return  # a known brand: its glyph on a tinted disc (ui/codes/issuer_icons.py)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(index.data(Role.COLOUR) or "#607D8B"))
    painter.drawEllipse(g.avatar)
    f = QFont(font)
    f.setBold(True)
    f.setPixelSize(max(8, int(g.avatar.height() * 0.38)))
    painter.setFont(f)
    painter.setPen(QColor("white"))
    painter.drawText(g.avatar, Qt.AlignmentFlag.AlignCenter, index.data(Role.INITIALS) or "?")


def paint_labels(painter: QPainter, g: Geometry, index: Index, font: QFont,
                 colour: QColor, muted: QColor) -> None:
    issuer = index.data(Role.ISSUER) or ""
    name = index.data(Role.NAME) or ""
    title, subtitle = (issuer, name) if issuer else (name, "")
    if index.data(Role.FAVORITE):
        title = "★ " + title
    bold = QFont(font)
    bold.setBold(True)
    bold.setPointSizeF(font.pointSizeF() * 1.1)
    top = QRect(g.text.left(), g.text.top(), g.text.width(), g.text.height() // 2)
    bottom = QRect(g.text.left(), top.bottom(), g.text.width(), g.text.height() - top.height())
    align_top = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
    align_bottom = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    painter.setFont(bold)
    painter.setPen(colour)
    if not subtitle:
        top, align_top = g.text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(top, align_top,
                     QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideMiddle,
                                                   top.width()))
    if subtitle:
        tags = index.data(Role.TAGS) or []
        if tags:
            subtitle = f"{subtitle}  ·  {', '.join(tags)}"
        painter.setFont(font)
        painter.setPen(muted)
        # Elided in the middle: both ends tell accounts apart (the full text is the
        # row's tool tip).
        painter.drawText(bottom, align_bottom, QFontMetrics(font).elidedText(
            subtitle, Qt.TextElideMode.ElideMiddle, bottom.width()))


def paint_ring_track(painter: QPainter, g: Geometry, muted: QColor) -> None:
    rect, width = ring_arc_rect(g)
    track = QColor(muted)
    track.setAlphaF(0.2)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(track, width))
    painter.drawEllipse(rect)


def paint_next_button(painter: QPainter, g: Geometry, palette: QPalette, font: QFont,
                      dark: bool) -> None:
    rect = QRectF(g.button).adjusted(2, 2, -2, -2)
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
    painter.setBrush(palette.color(QPalette.ColorRole.Button))
    painter.drawEllipse(rect)
    painter.setPen(QPen(ACCENT_DARK if dark else ACCENT_LIGHT, max(2.0, g.unit * 0.45)))
    inner = rect.adjusted(rect.width() * 0.28, rect.height() * 0.28, -rect.width() * 0.28,
                          -rect.height() * 0.28)
    painter.drawArc(inner, 60 * 16, 280 * 16)
    tip = QPointF(inner.center().x() + inner.width() / 2 * 0.5,
                  inner.top() + inner.height() * 0.07)
    painter.drawLine(tip, tip + QPointF(-g.unit * 0.9, -g.unit * 0.3))
    painter.drawLine(tip, tip + QPointF(-g.unit * 0.2, g.unit * 0.8))
