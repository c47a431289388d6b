"""Light, dark or system theme on the Fusion style (consistent on every platform)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory


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
    app.setStyle("Fusion")
    dark = mode == "dark" or (mode == "system" and system_prefers_dark())
    app.setPalette(dark_palette() if dark else light_palette())
