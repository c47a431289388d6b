"""GUI fixtures: a main window on a temporary vault, cheap KDF, injected time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from authenticator.storage.kdf import KdfParams
from authenticator.ui.common.settings import AppSettings
from authenticator.ui.common.timebase import FakeTimeBase
from authenticator.ui.main_window import MainWindow
from authenticator.ui.vault.session import VaultSession

PASSWORD = "correct horse battery staple"
T0 = 1_700_000_020.0  # 20 s left in the 30 s step


@pytest.fixture
def timebase() -> FakeTimeBase:
    return FakeTimeBase(T0)


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    return AppSettings(tmp_path / "settings.ini")


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "vault.authvault"


@pytest.fixture
def window(qtbot, vault_path: Path, app_settings: AppSettings,
           timebase: FakeTimeBase) -> Iterator[MainWindow]:
    vault_path.parent.mkdir(parents=True, exist_ok=True)
    session = VaultSession(vault_path, kdf=KdfParams.for_tests())
    win = MainWindow(session, app_settings, timebase)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)
    yield win
    win.lock(confirm_unsaved=False)  # teardown: never stop on an "unsaved changes" question
    win.really_quit = True
    win.close()


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
