"""What the window shows for typed errors and reports: read from the widgets themselves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from authenticator.storage.vault import Vault
from authenticator.ui.main_window import MainWindow
from authenticator.ui.platform.translations import install_translator
from tests.helpers.devices import change_password_keeping_key
from tests.helpers.gui import PASSWORD, create_vault, unlock


@pytest.fixture
def french(qapp) -> Iterator[QApplication]:
    assert install_translator(qapp, "fr") == "fr"
    yield qapp
    install_translator(qapp, "en")


def _changed_elsewhere(qtbot, window: MainWindow, vault_path: Path) -> str:
    create_vault(qtbot, window)
    there = Vault.open(vault_path, PASSWORD)
    change_password_keeping_key(there, "the new password")
    window.session.refresh_from_disk()  # what the file watcher's timer calls
    return window.codes.toast.text()


def test_a_password_changed_elsewhere_says_so(qtbot, window, vault_path) -> None:
    assert _changed_elsewhere(qtbot, window, vault_path) == (
        "The vault was changed elsewhere, including its password: use the new password "
        "from now on.")


def test_other_changes_elsewhere_say_nothing_of_a_password(qtbot, window, vault_path) -> None:
    create_vault(qtbot, window)
    there = Vault.open(vault_path, PASSWORD)
    there.set_setting("theme", "dark")
    there.save()
    window.session.refresh_from_disk()
    assert window.codes.toast.text() == (
        "Updated with changes saved elsewhere (another device or program).")


def test_a_password_changed_elsewhere_says_so_in_french(qtbot, french, window,
                                                        vault_path) -> None:
    assert _changed_elsewhere(qtbot, window, vault_path).startswith(
        "Le coffre a été modifié ailleurs")


def test_a_wrong_password_is_told_in_french(qtbot, french, window, vault_path) -> None:
    create_vault(qtbot, window)
    window.lock()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_page)
    unlock(qtbot, window, "not the password")
    qtbot.waitUntil(lambda: bool(window.unlock_page.error.text()), timeout=10_000)
    assert window.unlock_page.error.text() == (
        "Mot de passe incorrect, ou le fichier du coffre a été modifié.")
    assert "background" in window.unlock_page.error.styleSheet()  # the one error look
