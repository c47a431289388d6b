"""A weak vault password is refused until the person presses "Use it anyway"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from authenticator.storage.vault import Vault
from authenticator.ui.vault.password_dialog import ChangePasswordDialog
from tests.helpers.gui import PASSWORD, create_vault, on_next_modal


def test_common_password_needs_use_it_anyway(qtbot, window, vault_path):
    win = window
    page = win.welcome
    qtbot.keyClicks(page.password, "password")
    qtbot.keyClicks(page.confirm, "password")
    assert "most common" in page.strength_label.text()
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert win.pages.currentWidget() is page and not vault_path.exists()
    assert page.weak_guard.isVisible()
    assert "most common" in page.weak_guard.label.text()
    assert page.weak_guard.anyway_button.isVisible()
    page.grab().save(str(vault_path.parent / "weak.png"))

    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)  # pressing again: no
    assert win.pages.currentWidget() is page and not vault_path.exists()
    qtbot.mouseClick(page.weak_guard.anyway_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.codes, timeout=10_000)
    assert vault_path.exists()


def test_changing_the_password_hides_the_warning(qtbot, window):
    page = window.welcome
    qtbot.keyClicks(page.password, "12345678")
    qtbot.keyClicks(page.confirm, "12345678")
    qtbot.keyClick(page.confirm, Qt.Key.Key_Return)
    assert page.weak_guard.isVisible()
    page.password.clear()
    assert not page.weak_guard.isVisible()


def test_strong_password_goes_straight_through(qtbot, window):
    create_vault(qtbot, window)  # the passphrase of the fixtures is strong: no question
    assert not window.welcome.weak_guard.isVisible()


def test_change_to_a_weak_password_needs_use_it_anyway(qtbot, window, vault_path):
    create_vault(qtbot, window)
    seen: dict = {}

    def handler(dialog):
        assert isinstance(dialog, ChangePasswordDialog)
        qtbot.keyClicks(dialog.current, PASSWORD)
        qtbot.keyClicks(dialog.new, "qwertyuiop")
        qtbot.keyClicks(dialog.repeat, "qwertyuiop")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        seen["warned"] = dialog.weak_guard.isVisible() and not dialog.busy.isVisible()
        seen["unchanged"] = Vault.open(vault_path, PASSWORD, read_only=True).accounts == []
        qtbot.mouseClick(dialog.weak_guard.anyway_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    errors = on_next_modal(qtbot, handler)
    window.password_action.trigger()
    assert not errors
    assert seen == {"warned": True, "unchanged": True}
    assert Vault.open(vault_path, "qwertyuiop", read_only=True).accounts == []
