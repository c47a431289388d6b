"""Light, dark or system theme on the Fusion style (consistent on every platform)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption

# Control outlines with at least 3:1 contrast on the window and field colours (WCAG 1.4.11):
# Fusion derives its outline from the window colour, about 2:1 in light and 1.2:1 in dark.
LIGHT_OUTLINE = "#767B82"
DARK_OUTLINE = "#8A8F96"
LIGHT_FOCUS = "#1A5FB4"  # a focused field's frame: the highlight colour is too pale in light
DARK_FOCUS = "#8AB4F8"


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette if palette is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def outline_colour(palette: QPalette) -> QColor:
    return QColor(DARK_OUTLINE if is_dark(palette) else LIGHT_OUTLINE)


#: The primitives that get the outline (bound once: looked up for every primitive painted).
_OUTLINED = (QStyle.PrimitiveElement.PE_FrameLineEdit,
             QStyle.PrimitiveElement.PE_IndicatorCheckBox,
             QStyle.PrimitiveElement.PE_IndicatorRadioButton)


class OutlinedFusion(QProxyStyle):
    """Fusion with check boxes, radio buttons and text fields outlined visibly."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: Any = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _OUTLINED:  # called for every primitive painted: return at once
            return
        pe = QStyle.PrimitiveElement
        if not option.state & QStyle.StateFlag.State_Enabled:
            return
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        colour = QColor(DARK_FOCUS if is_dark(option.palette) else LIGHT_FOCUS) if (
            focused and element == pe.PE_FrameLineEdit) else outline_colour(option.palette)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(colour, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element == pe.PE_IndicatorRadioButton:
            painter.drawEllipse(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        else:
            painter.drawRoundedRect(rect, 2, 2)
        painter.restore()


def dark_palette() -> QPalette:
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#1F2125",
        QPalette.ColorRole.WindowText: "#E8EAED",
        QPalette.ColorRole.Base: "#26282C",
        QPalette.ColorRole.AlternateBase: "#2C2F33",
        QPalette.ColorRole.ToolTipBase: "#3C4043",
        QPalette.ColorRole.ToolTipText: "#F1F3F4",
        QPalette.ColorRole.Text: "#E8EAED",
        QPalette.ColorRole.Button: "#2F3236",
        QPalette.ColorRole.ButtonText: "#E8EAED",
        QPalette.ColorRole.BrightText: "#FF8A80",
        QPalette.ColorRole.Highlight: "#2F5FA8",
        QPalette.ColorRole.HighlightedText: "#FFFFFF",
        QPalette.ColorRole.Link: "#8AB4F8",
        QPalette.ColorRole.PlaceholderText: "#9AA0A6",
        QPalette.ColorRole.Mid: "#5F6368",
        QPalette.ColorRole.Light: "#3C4043",
        QPalette.ColorRole.Dark: "#17181B",
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6F7378"))
    return p


def light_palette() -> QPalette:
    p = QStyleFactory.create("Fusion").standardPalette()
    p.setColor(QPalette.ColorRole.Window, QColor("#F6F7F9"))
    p.setColor(QPalette.ColorRole.Base, QColor("#FFFFFF"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#D3E3FD"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#041E49"))
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#303134"))
    p.setColor(QPalette.ColorRole.ToolTipText, QColor("#F1F3F4"))
    return p


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, mode: str) -> None:
    app.setStyle(OutlinedFusion())
    dark = mode == "dark" or (mode == "system" and system_prefers_dark())
    app.setPalette(dark_palette() if dark else light_palette())
