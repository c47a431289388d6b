"""WCAG contrast of what is actually painted: text 4.5:1 (AA), control outlines 3:1.

``audit_text`` renders a window (with its palette and style sheets as applied) and, for
each visible enabled text widget, compares the colour of its text pixels with the
background behind them. ``audit_outlines`` does the same for the outline of check boxes,
radio buttons and line edits against the surface they sit on. The maths (WCAG 2.x
relative luminance) is in plain functions (ui/common/luminance.py, re-exported here) so
colours can be checked directly too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from authenticator.ui.common.luminance import best_on, contrast, luminance

__all__ = ["OUTLINE_MINIMUM", "TEXT_MINIMUM", "Finding", "audit_outlines", "audit_text",
           "best_on", "contrast", "luminance"]

TEXT_MINIMUM = 4.5
OUTLINE_MINIMUM = 3.0


@dataclass(frozen=True)
class Finding:
    widget: str
    text: str
    ratio: float
    minimum: float

    def __str__(self) -> str:
        return f"{self.widget} {self.text!r}: {self.ratio:.2f} < {self.minimum}"


def _pixels(image: QImage, rect: QRect) -> list[QColor]:
    rect = rect.intersected(image.rect())
    step = max(1, min(rect.width(), rect.height()) // 40)
    return [image.pixelColor(x, y) for y in range(rect.top(), rect.bottom() + 1, step)
            for x in range(rect.left(), rect.right() + 1, step)]


def _measure(pixels: list[QColor]) -> float | None:
    """Contrast between the dominant colour (the background) and the most distinct pixel
    (the ink: anti-aliased edges only lie between the two)."""
    if not pixels:
        return None
    counts = Counter(p.rgb() for p in pixels)
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    ink = max((QColor.fromRgb(rgb) for rgb in counts), key=lambda c: contrast(c, background))
    return contrast(ink, background)


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.isEnabled() and widget.width() > 0


def _rect_in(widget: QWidget, top: QWidget, rect: QRect | None = None) -> QRect:
    rect = rect if rect is not None else widget.rect()
    origin = widget.mapTo(top, QPoint(0, 0))
    return rect.translated(origin)


def _grab(top: QWidget) -> tuple[QImage, float]:
    pixmap = top.grab()
    return pixmap.toImage(), pixmap.devicePixelRatio()


def _scaled(rect: QRect, ratio: float) -> QRect:
    return QRect(int(rect.x() * ratio), int(rect.y() * ratio), int(rect.width() * ratio),
                 int(rect.height() * ratio))


def audit_text(top: QWidget) -> list[Finding]:
    image, ratio = _grab(top)
    found = []
    for widget in top.findChildren(QWidget):
        text = ""
        if (isinstance(widget, QLabel) and widget.pixmap().isNull()) or isinstance(
                widget, QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QLineEdit):
            text = widget.text() if widget.echoMode() == QLineEdit.EchoMode.Normal else ""
        if not text.strip() or not _shown(widget, top):
            continue
        # Only the part on screen (a page in a scroll area is partly scrolled away; the
        # rest is painted the same way once scrolled to).
        seen = widget.visibleRegion().boundingRect()
        if seen.isEmpty():
            continue
        measured = _measure(_pixels(image, _scaled(_rect_in(widget, top, seen), ratio)))
        if measured is not None and measured < TEXT_MINIMUM:
            found.append(Finding(type(widget).__name__, text[:40], measured, TEXT_MINIMUM))
    return found


def _indicator(widget: QWidget) -> QRect:
    option = QStyleOptionButton()
    option.initFrom(widget)
    element = (QStyle.SubElement.SE_CheckBoxIndicator if isinstance(widget, QCheckBox)
               else QStyle.SubElement.SE_RadioButtonIndicator)
    rect = widget.style().subElementRect(element, option, widget)
    return rect.adjusted(-2, -2, 2, 2)  # include the surface around the outline


def audit_outlines(top: QWidget) -> list[Finding]:
    """Unchecked check boxes / radio buttons and empty line edits: outline vs surface."""
    image, ratio = _grab(top)
    found = []
    for widget in top.findChildren(QWidget):
        if not _shown(widget, top):
            continue
        if isinstance(widget, (QCheckBox, QRadioButton)) and not widget.isChecked():
            rect, name = _indicator(widget), widget.text()
        elif isinstance(widget, QLineEdit) and widget.hasFrame():
            # a band across the left border: the field's surface meets the window's
            rect = QRect(-3, widget.height() // 2 - 2, 7, 4)
            name = widget.accessibleName()
        else:
            continue
        if not widget.visibleRegion().boundingRect().contains(rect.intersected(widget.rect())):
            continue  # scrolled partly away: measured once it is on screen
        pixels = _pixels(image, _scaled(_rect_in(widget, top, rect), ratio))
        measured = _outline_contrast(pixels)
        if measured is not None and measured < OUTLINE_MINIMUM:
            found.append(Finding(type(widget).__name__, name[:40], measured,
                                 OUTLINE_MINIMUM))
    return found


def _outline_contrast(pixels: list[QColor]) -> float | None:
    """The outline must stand out from the surface outside it: the dominant colour."""
    return _measure(pixels)
