""""Remember the vault on this computer": a setting that puts a key in the OS keyring."""

from __future__ import annotations

import keyring
from PySide6.QtWidgets import QDialogButtonBox

from authenticator.ui.common.session import VaultSession
from authenticator.ui.main_window import MainWindow
from tests.helpers.gui import create_vault, on_next_modal
from tests.helpers.keyring import LockedKeyring
from tests.helpers.windows import make_window


def set_remember(qtbot, window: MainWindow, on: bool) -> None:
    def tick_box(dialog):
        assert dialog.remember.isEnabled()
        dialog.remember.setChecked(on)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    errors = on_next_modal(qtbot, tick_box)
    window.open_settings()
    assert not errors


def test_remembered_vault_opens_at_start_without_password(qtbot, window, memory_keyring,
                                                          app_settings, timebase):
    create_vault(qtbot, window)
    set_remember(qtbot, window, True)
    assert memory_keyring.store  # a random slot key, never the password
    assert all("correct horse" not in v for v in memory_keyring.store.values())
    window.lock()
    assert window.pages.currentWidget() is window.unlock_page  # locking still locks

    # Next start of the app: the remembered key opens the vault, no password typed.
    session = VaultSession(window.session.path)
    second = make_window(session, app_settings, timebase)
    qtbot.addWidget(second)
    session.try_remembered()
    qtbot.waitUntil(lambda: session.is_unlocked, timeout=10_000)
    assert second.pages.currentWidget() is second.codes

    set_remember(qtbot, second, False)
    assert not memory_keyring.store
    second.lock()
    third = VaultSession(window.session.path)
    third.try_remembered()
    qtbot.waitUntil(lambda: not third.busy, timeout=10_000)
    assert not third.is_unlocked


def test_locked_keyring_means_the_password_is_asked(qtbot, window, vault_path):
    create_vault(qtbot, window)
    window.lock()
    previous = keyring.get_keyring()
    keyring.set_keyring(LockedKeyring())
    try:
        session = VaultSession(vault_path)
        session.try_remembered()
        qtbot.waitUntil(lambda: not session.busy, timeout=10_000)
        assert not session.is_unlocked
    finally:
        keyring.set_keyring(previous)
