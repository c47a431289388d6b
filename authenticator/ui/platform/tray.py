"""Tray icon: show/hide, lock, quit; close-to-tray support."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from authenticator.ui.common.icons import icon


class TrayWindow(Protocol):
    """What the tray uses of the main window (structural: no import of the window)."""

    add_action: QAction
    lock_action: QAction
    quit_action: QAction

    def window(self) -> QWidget: ...
    def tray_available(self) -> bool: ...
    def raise_window(self) -> None: ...
    def tr(self, text: str) -> str: ...
    def isVisible(self) -> bool: ...
    def isMinimized(self) -> bool: ...
    def hide(self) -> None: ...


class Tray:
    def __init__(self, window: TrayWindow, parent: Any = None) -> None:
        self.window = window
        self.icon = QSystemTrayIcon(icon("app"), parent or window.window())
        self.icon.setToolTip(window.tr("Authenticator"))
        menu = QMenu(window.window())
        self.toggle_action = QAction(window.tr("Show / hide"), menu)
        self.toggle_action.triggered.connect(self.toggle)
        menu.addAction(self.toggle_action)
        menu.addAction(window.add_action)
        menu.addAction(window.lock_action)
        menu.addSeparator()
        menu.addAction(window.quit_action)
        self.menu = menu
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(self._activated)
        setattr(window, "tray_available", self.available)  # noqa: B010 - replaces the method

    def available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable() and self.icon.isVisible()

    def show(self) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon.show()

    def toggle(self) -> None:
        if self.window.isVisible() and not self.window.isMinimized():
            self.window.hide()
        else:
            self.window.raise_window()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.toggle()
