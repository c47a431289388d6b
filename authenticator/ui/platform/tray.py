"""Tray icon: favourites to copy, quick pick, show/hide, lock, quit; close-to-tray support."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from authenticator.ui.common.icons import icon


class TrayWindow(Protocol):
    """What the tray uses of the main window (structural: no import of the window)."""

    add_action: QAction
    lock_action: QAction
    quit_action: QAction
    # For the favourites: the vault session, the auto-clearing clipboard, the time base.
    session: Any
    clipboard: Any
    time: Any

    def window(self) -> QWidget: ...
    def notify(self, text: str) -> None: ...
    def tray_available(self) -> bool: ...
    def raise_window(self) -> None: ...
    def tr(self, text: str) -> str: ...
    def isVisible(self) -> bool: ...
    def isMinimized(self) -> bool: ...
    def hide(self) -> None: ...

RETRY_MS = 3000  # how often to look for a tray that was not there yet


class Tray:
    def __init__(self, window: TrayWindow, parent: Any = None) -> None:
        self.window = window
        self.icon = QSystemTrayIcon(icon("app"), parent or window.window())
        self.icon.setToolTip(window.tr("Authenticator"))
        menu = QMenu(window.window())
        # Favourites, one click-to-copy entry each, listed afresh each time the menu opens.
        self.favourites_title = QAction(
            QCoreApplication.translate("Tray", "Favourites: click to copy"), menu)
        self.favourites_title.setEnabled(False)
        menu.addAction(self.favourites_title)
        self.favourites_end = menu.addSeparator()
        self.favourite_actions: list[QAction] = []
        menu.aboutToShow.connect(self.fill_favourites)
        for signal in (window.session.unlocked, window.session.locked,
                       window.session.accounts_changed):
            signal.connect(self.fill_favourites)  # menus shown by the desktop (D-Bus)
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
        self._retry = QTimer(self.icon)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.show)

    def fill_favourites(self) -> None:
        for action in self.favourite_actions:
            self.menu.removeAction(action)
            action.deleteLater()
        self.favourite_actions = []
        session = self.window.session
        favourites = [a for a in session.accounts() if a.favorite]
        if not session.is_unlocked:
            self.favourites_title.setText(QCoreApplication.translate(
                "Tray", "Favourites: unlock to see them"))
        elif not favourites:
            self.favourites_title.setText(QCoreApplication.translate(
                "Tray", "Favourites: none yet (star an account in the list)"))
        else:
            self.favourites_title.setText(
                QCoreApplication.translate("Tray", "Favourites: click to copy"))
        for account in favourites:
            action = QAction(account.label, self.menu)
            action.triggered.connect(lambda _=False, i=account.id: self.copy_favourite(i))
            self.menu.insertAction(self.favourites_end, action)
            self.favourite_actions.append(action)

    def copy_favourite(self, account_id: str) -> None:
        from authenticator.core.otp import code_at

        window = self.window
        account = window.session.get(account_id)
        if account is None:  # locked or deleted since the menu opened
            return
        window.clipboard.copy(code_at(account, window.time.now()))
        window.session.record_use(account.evolve(last_used=window.time.now(),
                                                 modified=account.modified))
        text = window.clipboard.copied_notice(account.label)
        window.notify(text)
        if self.icon.isVisible() and not window.isVisible():
            self.icon.showMessage(window.tr("Authenticator"), text,
                                  QSystemTrayIcon.MessageIcon.Information, 3000)

    def add_quick_pick(self, action: QAction) -> None:
        """The quick pick box's entry, right after the favourites."""
        self.menu.insertAction(self.toggle_action, action)

    def available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable() and self.icon.isVisible()

    def show(self) -> None:
        """Show the icon now, or as soon as a tray appears.

        Started with the session (the vault still locked), the app often runs before the
        desktop's tray does: keep trying instead of living without an icon.
        """
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon.show()
            self._retry.stop()
        elif not self._retry.isActive():
            self._retry.start()

    def toggle(self) -> None:
        if self.window.isVisible() and not self.window.isMinimized():
            self.window.hide()
        else:
            self.window.raise_window()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.toggle()
