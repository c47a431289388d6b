"""Driving the window as a person would: create, unlock, answer the next modal dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from authenticator.ui.main_window import MainWindow
from tests.helpers.fake_host import PASSWORD, T0

__all__ = ["PASSWORD", "T0", "create_vault", "on_next_modal", "unlock"]


def create_vault(qtbot, win: MainWindow, password: str = PASSWORD) -> None:
    """Type the new password twice and press Create, as a person would."""
    assert win.pages.currentWidget() is win.welcome
    qtbot.keyClicks(win.welcome.password, password)
    qtbot.keyClicks(win.welcome.confirm, password)
    qtbot.mouseClick(win.welcome.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.codes, timeout=10_000)


def unlock(qtbot, win: MainWindow, password: str = PASSWORD) -> None:
    assert win.pages.currentWidget() is win.unlock_page
    qtbot.keyClicks(win.unlock_page.password, password)
    qtbot.keyClick(win.unlock_page.password, Qt.Key.Key_Return)


def on_next_modal(qtbot, handler: Callable[[QWidget], None]) -> list[str]:
    """Run ``handler`` on the next modal dialog once it is open (exec() blocks)."""
    errors: list[str] = []

    def attempt(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if tries > 200:
                errors.append("no modal dialog appeared")
                return
            QTimer.singleShot(10, lambda: attempt(tries + 1))
            return
        try:
            handler(dialog)
        except Exception as exc:  # surfaced by the test through the returned list
            errors.append(repr(exc))
            dialog.close()

    QTimer.singleShot(0, attempt)
    return errors
