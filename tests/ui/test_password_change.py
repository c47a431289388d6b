"""Changing the vault password from the window: the old one stops working."""

from __future__ import annotations

from PySide6.QtCore import Qt

from authenticator.storage.vault import Vault
from tests.helpers.gui import PASSWORD, create_vault, on_next_modal

NEW = "a brand new passphrase"


def fill_and_submit(qtbot, current: str, new: str, repeat: str, seen: dict):
    def handler(dialog):
        qtbot.keyClicks(dialog.current, current)
        qtbot.keyClicks(dialog.new, new)
        qtbot.keyClicks(dialog.repeat, repeat)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy.isVisible(), timeout=10_000)
        seen["error"] = dialog.error.text()
        seen["open"] = dialog.isVisible()
        if dialog.isVisible():
            dialog.reject()

    return handler


def test_change_password_from_the_menu(qtbot, window, vault_path):
    create_vault(qtbot, window)
    seen: dict = {}
    errors = on_next_modal(qtbot, fill_and_submit(qtbot, PASSWORD, NEW, NEW, seen))
    window.password_action.trigger()
    assert not errors
    assert seen["open"] is False
    assert "Password changed" in window.codes.toast.text()
    assert Vault.open(vault_path, NEW, read_only=True).accounts == []
    try:
        Vault.open(vault_path, PASSWORD, read_only=True)
    except Exception as exc:
        assert "wrong password" in str(exc)
    else:
        raise AssertionError("the old password still opens the vault")


def test_wrong_current_password_and_mismatch_are_refused(qtbot, window, vault_path):
    create_vault(qtbot, window)
    seen: dict = {}
    errors = on_next_modal(qtbot, fill_and_submit(qtbot, "not it at all", NEW, NEW, seen))
    window.change_password()
    assert not errors and seen["open"] and "current password is wrong" in seen["error"]
    seen.clear()
    errors = on_next_modal(qtbot, fill_and_submit(qtbot, PASSWORD, NEW, NEW + "!", seen))
    window.change_password()
    assert not errors and "different" in seen["error"]
    assert Vault.open(vault_path, PASSWORD, read_only=True) is not None
