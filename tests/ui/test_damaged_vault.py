"""A damaged vault is told apart from a wrong password and restored from its automatic
backups, driven as a person would on the unlock page (offscreen, real files)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from authenticator.core.account import Account
from authenticator.storage import container
from authenticator.storage.backups import list_backups
from authenticator.storage.vault import Vault
from authenticator.ui.transfer.backups import RestoreDialog
from authenticator.ui.vault.restore_dialog import RestoreBackupDialog
from tests.helpers.gui import PASSWORD, create_vault, on_next_modal, unlock

A = Account(secret=b"a" * 20, issuer="Alpha", name="a")
B = Account(secret=b"b" * 20, issuer="Beta", name="b")
C = Account(secret=b"c" * 20, issuer="Gamma", name="c")


def vault_with_backups(qtbot, win) -> None:
    create_vault(qtbot, win)
    for account in (A, B, C):  # three saves: backups with 0, 1 and 2 accounts
        win.session.add(account)
    qtbot.waitUntil(lambda: len(win.session.accounts()) == 3)
    win.lock()
    assert len(list_backups(win.session.path)) >= 3


def flip_content_byte(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    data[len(container.parse(bytes(data)).aad) + 5] ^= 0x40  # inside the ciphertext
    path.write_bytes(bytes(data))
    return bytes(data)


def restore_newest(qtbot, seen: dict):
    def run(dialog):
        assert isinstance(dialog, RestoreBackupDialog)
        seen["rows before"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        if not dialog.password.text():  # else: the unlock page's password, counting already
            qtbot.keyClicks(dialog.password, PASSWORD)
            qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "account" in dialog.list.item(dialog.list.count() - 1).text(),
                        timeout=20_000)
        qtbot.waitUntil(lambda: dialog.replace_button.isEnabled(), timeout=20_000)
        seen["rows after"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        if os.environ.get("AUTH_SCREENSHOTS"):
            dialog.grab().save(os.path.join(os.environ["AUTH_SCREENSHOTS"], "restore.png"))
        dialog.list.setCurrentRow(0)  # newest
        qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)

    return run


def test_flipped_byte_says_damaged_and_restores_the_newest_backup(qtbot, window, vault_path):
    win = window
    vault_with_backups(qtbot, win)
    damaged = flip_content_byte(vault_path)
    unlock(qtbot, win)
    page = win.unlock_page
    qtbot.waitUntil(lambda: page.restore_button.isVisible(), timeout=10_000)
    assert "damaged" in page.error.text() and "password is right" in page.error.text()
    assert "Wrong password" not in page.error.text()
    page.grab().save(str(vault_path.parent / "damaged.png"))

    seen: dict = {}
    errors = on_next_modal(qtbot, restore_newest(qtbot, seen))
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert not errors, errors
    assert all(row[:2] == "20" for row in seen["rows before"])  # dates, newest first
    assert seen["rows after"][0].endswith("— 2 accounts")
    assert seen["rows after"][-1].endswith("— 0 accounts")
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.codes, timeout=10_000)
    assert sorted(a.issuer for a in win.session.accounts()) == ["Alpha", "Beta"]
    aside = list(vault_path.parent.glob("vault.authvault.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged  # kept, never deleted
    assert "damaged file is kept as vault.authvault.damaged-" in win.codes.toast.text()


def test_truncated_file_offers_restore_before_any_password(qtbot, window, vault_path):
    win = window
    vault_with_backups(qtbot, win)
    vault_path.write_bytes(vault_path.read_bytes()[:40])
    win.show_start_page()
    page = win.unlock_page
    assert page.restore_button.isVisible()
    assert "damaged or truncated" in page.error.text()
    seen: dict = {}
    errors = on_next_modal(qtbot, restore_newest(qtbot, seen))  # no password typed yet
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert not errors, errors
    assert all("—" not in row for row in seen["rows before"])  # counts after the password
    assert seen["rows after"][0].endswith("— 2 accounts")
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.codes, timeout=10_000)
    assert len(list(vault_path.parent.glob("vault.authvault.damaged-*"))) == 1


def test_wrong_password_is_said_and_backups_offered(qtbot, window, vault_path):
    win = window
    vault_with_backups(qtbot, win)
    unlock(qtbot, win, "not the password")
    page = win.unlock_page
    qtbot.waitUntil(lambda: page.error.text() != "", timeout=10_000)
    assert page.error.text().startswith("Wrong password")
    assert "damaged" not in page.error.text()
    assert page.restore_button.isVisible()


def test_opening_a_file_in_backups_warns_and_offers_restore(qtbot, window, vault_path):
    win = window
    vault_with_backups(qtbot, win)
    oldest = list_backups(vault_path)[-1].path
    seen: dict = {}

    def answer(box):
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        restore = next(b for b in box.buttons() if "Restore it" in b.text())
        on_next_modal(qtbot, pick)
        restore.click()

    def pick(dialog):
        assert isinstance(dialog, RestoreBackupDialog)
        seen["chosen"] = dialog.selected().path
        seen["damaged"] = dialog.damaged
        dialog.reject()

    errors = on_next_modal(qtbot, answer)
    win.open_vault_file(str(oldest))
    assert not errors, errors
    assert "is an automatic backup of vault.authvault" in seen["text"]
    assert seen["chosen"] == oldest and seen["damaged"] is False
    assert win.session.path == vault_path  # never working inside backups/
    assert QApplication.activeModalWidget() is None


def test_restore_menu_can_replace_the_vault_to_undo_an_edit(qtbot, window, vault_path):
    win = window
    vault_with_backups(qtbot, win)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.codes, timeout=10_000)
    win.session.remove(win.session.accounts()[0].id)  # a bad edit
    win.session.update(win.session.accounts()[0].evolve(issuer="Renamed by mistake"))
    restore = win.transfer.restore()
    assert isinstance(restore, RestoreDialog)
    before = len(list_backups(vault_path))
    restore.backups.setCurrentRow(1)  # the backup from before the edits (3 accounts)
    qtbot.keyClicks(restore.password, PASSWORD)
    qtbot.mouseClick(restore.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: restore.replace_button.isVisible(), timeout=10_000)
    qtbot.mouseClick(restore.replace_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.codes, timeout=10_000)
    assert sorted(a.issuer for a in win.session.accounts()) == ["Alpha", "Beta", "Gamma"]
    assert len(list_backups(vault_path)) >= before  # the edited file became a backup
    with Vault.open(list_backups(vault_path)[0].path, PASSWORD, read_only=True) as edited:
        assert "Renamed by mistake" in [a.issuer for a in edited.accounts]
