"""Several devices: show a QR for another device, Google export, backups, imports, text.

The transfer feature alone on a fake host (tests/helpers/fake_host.py)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from authenticator.core.account import Account
from authenticator.core.uri import parse_uri
from authenticator.scan.pipeline import scan_bytes
from authenticator.storage.vault import Vault
from authenticator.ui import transfer as transfer_feature
from authenticator.ui.transfer.backups import BackupDialog, RestoreDialog
from authenticator.ui.transfer.common import PasswordGate
from authenticator.ui.transfer.importing import ImportDialog
from authenticator.ui.transfer.menu import TransferActions
from authenticator.ui.transfer.qr import GoogleExportDialog, ShowQrDialog
from tests.helpers.checklist import click_check
from tests.helpers.fake_host import PASSWORD
from tests.helpers.transfer import GITHUB, GITLAB, HOTP, SLOW, pass_gate, wait_dialog
from tests.portability.writers import aegis_db, essences, make_2fas, make_aegis_encrypted


@pytest.fixture
def ready(qtbot, fake_host):
    """An unlocked new vault."""
    fake_host.create_vault(qtbot)
    return fake_host


@pytest.fixture
def transfer(ready) -> TransferActions:
    return transfer_feature.install(ready)


def fill(host, *accounts: Account) -> None:
    host.session.add_many(list(accounts))


def decode_label(widget: QWidget):
    """Decode what is on screen: a grab of the widget (or of its whole dialog)."""
    pixmap = widget.grab()
    assert not pixmap.isNull()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    buffer.close()
    return scan_bytes(bytes(data.data())).require()


def test_show_qr_asks_the_password_then_shows_a_scannable_code(qtbot, ready, transfer, timebase):
    win = ready
    fill(win, GITHUB, GITLAB)
    win.select_account(win.session.accounts()[0].id)

    menu = win.row_menu(win.session.accounts()[1])
    from_row = next(a for a in menu.actions() if "QR" in a.text())
    from_row.trigger()
    first_gate = wait_dialog(qtbot, transfer, PasswordGate)
    assert "GitLab" in first_gate.intro.text()  # the row's account, not the current one
    first_gate.reject()

    transfer.show_qr_action.trigger()
    gate = wait_dialog(qtbot, transfer, PasswordGate)
    assert isinstance(gate, PasswordGate)
    pass_gate(qtbot, transfer, "not the password")
    qtbot.waitUntil(lambda: gate.error.isVisibleTo(gate), timeout=10_000)
    assert "Wrong password" in gate.error.text()
    assert transfer.dialog is gate  # nothing shown yet; try again
    qtbot.keyClicks(gate.password, PASSWORD)
    qtbot.mouseClick(gate.ok_button, Qt.MouseButton.LeftButton)

    dialog = wait_dialog(qtbot, transfer, ShowQrDialog)
    assert isinstance(dialog, ShowQrDialog)
    found = decode_label(dialog).accounts
    assert len(found) == 1
    assert found[0].same_key(GITHUB)
    assert (found[0].issuer, found[0].name) == ("GitHub", "octo@example.com")
    assert dialog.key.text() == "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

    timebase.advance(59)
    win.tick()
    assert dialog.is_revealed and "1 s" in dialog.countdown.text()
    timebase.advance(1)
    win.tick()
    assert not dialog.is_revealed
    assert not dialog.qr.has_code() and dialog.key.text() == ""
    assert dialog.hidden_note.isVisibleTo(dialog)

    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert dialog.is_revealed
    win.lock()
    assert transfer.dialog is None
    assert not dialog.isVisible()


def test_qr_hides_when_the_app_goes_to_the_background(qtbot, ready, transfer):
    win = ready
    fill(win, GITHUB)
    transfer.show_qr(win.session.accounts()[0].id)
    pass_gate(qtbot, transfer)
    dialog = wait_dialog(qtbot, transfer, ShowQrDialog)
    assert isinstance(dialog, ShowQrDialog) and dialog.is_revealed
    app = QApplication.instance()
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert not dialog.is_revealed
    assert dialog.key.text() == ""


def test_google_export_pages_decode_back_and_refusals_are_explained(qtbot, ready, transfer):
    win = ready
    many = [Account(secret=bytes([i]) * 20, issuer=f"Site {i}", name=f"user{i}")
            for i in range(6)]
    fill(win, *many, SLOW, HOTP)
    transfer.google_max_bytes = 150  # a few accounts per code, to get several pages
    transfer.google_action.trigger()
    pass_gate(qtbot, transfer)
    dialog = wait_dialog(qtbot, transfer, GoogleExportDialog)
    assert isinstance(dialog, GoogleExportDialog)
    texts = dialog.list.texts()
    slow_row = next(t for t in texts if t.startswith("Slowbank"))
    assert "30" in slow_row  # the reason: Google only does 30-second codes
    assert dialog.refused_note.isVisibleTo(dialog)
    exportable = [a for a in win.session.accounts() if a.issuer != "Slowbank"]
    assert [a.id for a in dialog.selected()] == [a.id for a in exportable]

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    pages = len(dialog.links)
    assert pages >= 3
    decoded: list[Account] = []
    for page in range(pages):
        assert dialog.page_label.text() == f"{page + 1} of {pages}"
        result = decode_label(dialog)
        assert [b.batch_index for b in result.migration_batches] == [page]
        decoded.extend(result.all_accounts())
        assert dialog.previous_button.isEnabled() == (page > 0)
        if page < pages - 1:
            qtbot.mouseClick(dialog.page_next_button, Qt.MouseButton.LeftButton)
    assert not dialog.page_next_button.isEnabled()
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()  # "Done" closes it
    assert essences(decoded) == essences(exportable)


def test_google_export_one_page_has_one_way_out_and_unchecked_accounts(qtbot, ready, transfer):
    win = ready
    fill(win, GITHUB, GITLAB)
    transfer.google_max_bytes = 200
    transfer.export_google()
    pass_gate(qtbot, transfer)
    dialog = wait_dialog(qtbot, transfer, GoogleExportDialog)
    assert isinstance(dialog, GoogleExportDialog)
    click_check(qtbot, dialog.list, 1)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.page_label.text() == "1 of 1"
    assert [a.issuer for a in decode_label(dialog).all_accounts()] == ["GitHub"]
    visible = [b for b in (dialog.previous_button, dialog.page_next_button, dialog.next_button,
                           dialog.close_button, dialog.done_button) if b.isVisible()]
    assert visible == [dialog.done_button]  # no "Previous" on page 1 of 1, no Close beside Done
    assert not dialog.page_label.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Done is the default button
    assert not dialog.isVisible()


def test_google_export_nothing_checked_cannot_continue(qtbot, ready, transfer):
    win = ready
    fill(win, GITHUB)
    transfer.export_google()
    pass_gate(qtbot, transfer)
    dialog = wait_dialog(qtbot, transfer, GoogleExportDialog)
    assert isinstance(dialog, GoogleExportDialog)
    click_check(qtbot, dialog.list, 0)
    assert not dialog.next_button.isEnabled()


def test_backup_then_restore_adds_only_the_missing_accounts(qtbot, ready, transfer, tmp_path):
    win = ready
    fill(win, GITHUB, GITLAB, HOTP)
    target = tmp_path / "my-backup.authvault"
    transfer.back_up(target)
    pass_gate(qtbot, transfer)
    dialog = wait_dialog(qtbot, transfer, BackupDialog)
    assert isinstance(dialog, BackupDialog)
    qtbot.keyClicks(dialog.password, "backup pw")
    qtbot.keyClicks(dialog.confirm, "backup pX")
    assert not dialog.save_button.isEnabled() and "differ" in dialog.hint.text()
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, "backup pw")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: transfer.dialog is None, timeout=10_000)
    assert "my-backup.authvault" in win.last_notice()
    with Vault.open(target, "backup pw", read_only=True) as backup:
        assert essences(backup.accounts) == essences(win.session.accounts())

    for account in win.session.accounts()[1:]:
        win.session.remove(account.id)
    restore = transfer.restore()
    assert isinstance(restore, RestoreDialog)
    assert restore.backups.count() >= 1  # automatic backups of this vault, with date and size
    assert "KB" in restore.backups.item(0).text()
    restore.choose(target)
    qtbot.keyClicks(restore.password, "wrong")
    qtbot.mouseClick(restore.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: restore.error.isVisibleTo(restore), timeout=10_000)
    assert not restore.preview.isVisibleTo(restore)
    qtbot.keyClicks(restore.password, "backup pw")
    qtbot.mouseClick(restore.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: restore.preview.isVisibleTo(restore), timeout=10_000)
    rows = restore.preview.rows()
    assert sorted(rows) == sorted([("GitLab", "New", True), ("VPN", "New", True),
                                   ("GitHub", "Already here as GitHub (octo@example.com)",
                                    False)])
    assert restore.restore_button.text().replace("&", "") == "Restore 2 missing"
    qtbot.mouseClick(restore.restore_button, Qt.MouseButton.LeftButton)
    assert sorted(a.issuer for a in win.session.accounts()) == ["GitHub", "GitLab", "VPN"]
    with Vault.open(win.session.path, PASSWORD, read_only=True) as on_disk:
        assert sorted(a.issuer for a in on_disk.accounts) == ["GitHub", "GitLab", "VPN"]


def test_import_encrypted_aegis_preview_duplicates_and_bad_entries(qtbot, ready, transfer,
                                                                   tmp_path):
    win = ready
    fill(win, GITHUB)
    db = aegis_db([GITHUB, GITLAB, HOTP])
    db["entries"][2]["info"]["secret"] = "not base32 at all!"
    export = tmp_path / "aegis-export.json"
    export.write_bytes(make_aegis_encrypted(db, "aegis pw", n=2**10))
    saves = []
    win.session.accounts_changed.connect(lambda: saves.append(1))

    dialog = transfer.import_file(export)
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.password_row.isVisibleTo(dialog), timeout=10_000)
    assert "encrypted" in dialog.status.text()
    qtbot.keyClicks(dialog.password, "guess")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=10_000)
    assert "password" in dialog.error.text().lower()
    assert not dialog.import_button.isEnabled()
    qtbot.keyClicks(dialog.password, "aegis pw")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview.isVisibleTo(dialog), timeout=10_000)
    assert not dialog.error.isVisibleTo(dialog)

    assert sorted(dialog.preview.rows()) == sorted([
        ("GitLab", "New", True),
        ("GitHub", "Already here as GitHub (octo@example.com)", False)])
    problems = [dialog.preview.problems.item(i).text()
                for i in range(dialog.preview.problems.count())]
    assert len(problems) == 1 and "VPN" in problems[0]
    assert "not base32 at all" not in problems[0]
    assert saves == []  # nothing written before Import
    assert dialog.import_button.text().replace("&", "") == "Import 1 account"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert saves == [1]  # one save for the whole import
    assert sorted(a.issuer for a in win.session.accounts()) == ["GitHub", "GitLab"]
    assert "Added 1 account" in win.last_notice()


@pytest.mark.parametrize("kind", ["2fas", "otpauth"])
def test_import_plain_files_preview_everything_new(qtbot, ready, transfer, tmp_path, kind):
    win = ready
    accounts = [GITHUB, GITLAB, HOTP]
    export = tmp_path / f"export.{kind}"
    if kind == "2fas":
        export.write_bytes(make_2fas(accounts))
    else:
        export.write_text("".join(f"{line}\n" for line in
                                  ["otpauth://totp/GitHub:octo@example.com?secret="
                                   + GITHUB.secret_b32 + "&issuer=GitHub",
                                   "otpauth://totp/Broken?secret=!!"]))
        accounts = [GITHUB]
    dialog = transfer.import_file(export)
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.preview.isVisibleTo(dialog), timeout=10_000)
    rows = dialog.preview.rows()
    assert sorted(r[0] for r in rows) == sorted(a.issuer for a in accounts)
    assert all(checked for _, _, checked in rows)
    assert dialog.preview.problems.count() == (1 if kind == "otpauth" else 0)
    dialog.preview.set_checked(0, False)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(win.session.accounts()) == len(accounts) - 1


def test_import_of_an_unknown_file_says_why(qtbot, transfer, tmp_path):
    export = tmp_path / "notes.json"
    export.write_text(json.dumps({"hello": "world"}))
    dialog = transfer.import_file(export)
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=10_000)
    assert "\n" not in dialog.error.text()
    assert not dialog.import_button.isEnabled()


def test_export_text_needs_password_and_warning_and_is_private(qtbot, ready, transfer, tmp_path):
    win = ready
    fill(win, GITHUB, HOTP)
    target = tmp_path / "keys.txt"
    transfer.export_text(target)
    pass_gate(qtbot, transfer)
    box = wait_dialog(qtbot, transfer, QMessageBox)
    assert isinstance(box, QMessageBox)
    assert "UNENCRYPTED" in box.text()
    assert not target.exists()
    go = next(b for b in box.buttons()
              if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    lines = Path(target).read_text().splitlines()
    assert essences([parse_uri(line) for line in lines]) == essences(win.session.accounts())


def test_export_text_cancelled_writes_nothing(qtbot, ready, transfer, tmp_path):
    win = ready
    fill(win, GITHUB)
    target = tmp_path / "keys.txt"
    transfer.export_text(target)
    pass_gate(qtbot, transfer)
    box = wait_dialog(qtbot, transfer, QMessageBox)
    assert isinstance(box, QMessageBox)
    box.reject()
    assert not target.exists()


def test_qr_hides_when_the_dialog_loses_focus(qtbot, ready, transfer):
    win = ready
    fill(win, GITHUB)
    transfer.show_qr(win.session.accounts()[0].id)
    pass_gate(qtbot, transfer)
    dialog = wait_dialog(qtbot, transfer, ShowQrDialog)
    assert isinstance(dialog, ShowQrDialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.is_revealed
    other = QLabel("another window")
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not dialog.isActiveWindow())
    assert not dialog.is_revealed
