"""Issuer icons in the list: a monochrome brand glyph on a disc tinted with the brand's
colour, for issuers we know (resources/issuer_icons, Simple Icons, CC0); initials stay for
the rest.

The glyph is white or black, whichever reads better on the tint, and the tint is darkened
or lightened until the glyph reaches 4.5:1. A disc too close to the window colour (a black
brand in the dark theme) gets an outline that reaches 3:1.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QByteArray, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtSvg import QSvgRenderer

from authenticator.core.issuer_match import BrandIndex
from authenticator.resources import resource
from authenticator.ui.common.luminance import contrast
from authenticator.ui.common.theme import outline_colour

GLYPH_MINIMUM = 4.5
DISC_MINIMUM = 3.0
WHITE, BLACK = QColor("#FFFFFF"), QColor("#000000")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    try:
        data = json.loads(resource("issuer_icons", "icons.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {icon["slug"]: icon for icon in data.get("icons", [])}


@lru_cache(maxsize=1)
def _brands() -> BrandIndex:
    icons = catalogue()
    return BrandIndex(icons, {s: i["title"] for s, i in icons.items()})


@lru_cache(maxsize=512)
def slug_for(issuer: str) -> str:
    return _brands().match(issuer)


def disc_and_glyph(brand: QColor) -> tuple[QColor, QColor]:
    """A tint of ``brand`` and the glyph colour on it, at least 4.5:1 apart."""
    glyph = WHITE if contrast(WHITE, brand) >= contrast(BLACK, brand) else BLACK
    disc = QColor(brand)
    for _ in range(40):
        if contrast(glyph, disc) >= GLYPH_MINIMUM:
            break
        disc = disc.darker(110) if glyph == WHITE else disc.lighter(110)
    return disc, glyph


def paint_issuer_icon(painter: QPainter, rect: QRect, issuer: str,
                      palette: QPalette | None = None) -> bool:
    """Paint the issuer's icon in ``rect``; False when we have none (draw initials)."""
    slug = slug_for(issuer)
    if not slug:
        return False
    icon = catalogue()[slug]
    disc, glyph = disc_and_glyph(QColor("#" + icon["hex"]))
    palette = palette if palette is not None else QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Base)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(disc)
    if contrast(disc, window) < DISC_MINIMUM:
        painter.setPen(QPen(outline_colour(palette), 1.5))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRectF(rect).adjusted(0.75, 0.75, -0.75, -0.75))
    inset = rect.width() * 0.24
    _renderer(slug, glyph.name()).render(painter, QRectF(rect).adjusted(inset, inset,
                                                                        -inset, -inset))
    painter.restore()
    return True


@lru_cache(maxsize=256)
def _renderer(slug: str, colour: str) -> Any:
    path = catalogue()[slug]["path"]
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
           f'<path fill="{colour}" d="{path}"/></svg>')
    return QSvgRenderer(QByteArray(svg.encode("utf-8")))
