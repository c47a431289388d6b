"""Tray icon: show/hide, lock, quit; close-to-tray support."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from authenticator.ui.common.icons import icon
from authenticator.ui.main_window import MainWindow


class Tray:
    def __init__(self, window: MainWindow, parent: Any = None) -> None:
        self.window = window
        self.icon = QSystemTrayIcon(icon("app"), parent or window)
        self.icon.setToolTip(window.tr("Authenticator"))
        menu = QMenu(window)
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
        window.tray_available = self.available  # type: ignore[method-assign]

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
