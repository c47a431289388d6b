"""Small manners: plain-word key messages, file dialogs, backup names, Enter, menus, tray."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from authenticator.core.account import Account
from authenticator.storage.kdf import KdfParams
from authenticator.storage.vault import Vault
from authenticator.ui.common import files
from authenticator.ui.common.account_form import ManualEntryForm
from authenticator.ui.transfer.backups import BackupDialog, RestoreDialog
from tests.helpers.gui import create_vault

GITHUB = Account(secret=b"12345678901234567890", issuer="GitHub", name="octo@example.com")


@pytest.fixture
def ready(qtbot, window, app_settings):
    files.bind_settings(app_settings)
    create_vault(qtbot, window)
    window.session.add_many([GITHUB])
    yield window
    files.bind_settings(None)


@pytest.fixture
def backups_ready(qtbot, fake_host, app_settings):
    """The transfer feature alone on a fake host (tests/helpers/fake_host.py), unlocked."""
    from authenticator.ui import transfer

    files.bind_settings(app_settings)
    fake_host.create_vault(qtbot)
    fake_host.session.add_many([GITHUB])
    fake_host.transfer = transfer.install(fake_host)
    yield fake_host
    files.bind_settings(None)


class FakeChooser:
    """Stands in for the file chooser; records where it was asked to open."""

    def __init__(self, monkeypatch, answer: Path | None) -> None:
        self.calls: list[tuple[str, str]] = []
        self.answer = answer
        for name in ("getOpenFileName", "getSaveFileName"):
            monkeypatch.setattr(QFileDialog, name, staticmethod(self._ask))

    def _ask(self, _parent, _title, directory, filters, *_rest):
        self.calls.append((directory, filters))
        return (str(self.answer) if self.answer else "", "")


def test_key_problem_is_reported_before_a_missing_name(qtbot):
    form = ManualEntryForm(now=lambda: 1_700_000_000.0)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.key, "JBSW Y3DP 1O08")
    text = form.status.text()
    assert text.startswith("A key uses only the letters A-Z and the digits 2-7")
    assert "0 (perhaps O), 1 (perhaps I or L), 8 (perhaps B)" in text
    assert form.account is None
    form.key.clear()
    qtbot.keyClicks(form.key, "JBSWY3DPEHPK3PXP")
    assert "name" in form.status.text() and form.account is None
    qtbot.keyClicks(form.issuer, "Site")
    assert form.account is not None


def test_a_bare_backup_name_gets_our_extension(qtbot, backups_ready, tmp_path):
    host = backups_ready
    dialog = BackupDialog(host.session, KdfParams.for_tests(), lambda _p: None, host,
                          tmp_path / "my backup")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, "backup pw")
    qtbot.keyClicks(dialog.confirm, "backup pw")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)  # Enter saves
    target = tmp_path / "my backup.authvault"
    qtbot.waitUntil(target.exists, timeout=10_000)
    assert not (tmp_path / "my backup").exists()


@pytest.mark.parametrize("which", ["backup", "aegis"])
def test_a_file_that_cannot_be_written_says_why_and_lets_the_person_retry(qtbot, ready,
                                                                         tmp_path, which):
    from authenticator.ui.transfer.aegis import AegisExportDialog

    blocker = tmp_path / "not a folder"
    blocker.write_text("a file where a folder should be")
    written: list[Path] = []
    target = blocker / "keys.authvault"
    dialog = (BackupDialog(ready.session, KdfParams.for_tests(), written.append, ready, target)
              if which == "backup" else
              AegisExportDialog(ready.session.accounts(), written.append, ready, target))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, "file pw")
    qtbot.keyClicks(dialog.confirm, "file pw")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=10_000)
    assert dialog.error.text() and not dialog.busy and dialog.isVisible()
    assert dialog.save_button.isEnabled() and dialog.password.text() == "file pw"
    dialog.path.setText(str(tmp_path / "keys"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(written), timeout=10_000)
    assert written[0].exists() and not dialog.isVisible()
    assert dialog.password.text() == dialog.confirm.text() == ""


def test_file_dialogs_open_in_documents_then_in_the_last_used_folder(qtbot, backups_ready,
                                                                     tmp_path, monkeypatch):
    picked = tmp_path / "elsewhere" / "keys"
    picked.parent.mkdir()
    chooser = FakeChooser(monkeypatch, picked)
    host = backups_ready
    dialog = BackupDialog(host.session, KdfParams.for_tests(), lambda _p: None, host)
    qtbot.addWidget(dialog)
    browse = next(b for b in dialog.findChildren(type(dialog.save_button))
                  if b.accessibleName() == "Choose the backup file")
    qtbot.mouseClick(browse, Qt.MouseButton.LeftButton)
    first_dir = Path(chooser.calls[0][0])
    assert first_dir.parent == files.documents_folder()
    assert first_dir.name == "authenticator-backup.authvault"
    assert dialog.path.text() == str(picked) + ".authvault"  # the chooser's bare name, too
    assert backups_ready.settings.get("last_folder") == str(picked.parent)

    backups_ready.transfer.import_file()  # the next chooser opens where the user was last time
    backups_ready.transfer.close_dialog()
    assert Path(chooser.calls[1][0]) == picked.parent
    first_filter = chooser.calls[1][1].split(";;")[0]
    assert "*.authvault" in first_filter
    assert "Authenticator backups (*.authvault)" in chooser.calls[1][1]


def test_enter_in_the_backup_password_opens_it_and_never_the_chooser(qtbot, backups_ready,
                                                                    tmp_path, monkeypatch):
    chooser = FakeChooser(monkeypatch, None)
    target = tmp_path / "b.authvault"
    Vault.create(target, "backup pw", kdf=KdfParams.for_tests()).close()
    restore = backups_ready.transfer.restore()
    assert isinstance(restore, RestoreDialog)
    qtbot.waitExposed(restore)
    restore.activateWindow()
    qtbot.waitActive(restore)
    restore.choose(target)
    qtbot.mouseClick(restore.password, Qt.MouseButton.LeftButton)  # as a person would
    qtbot.keyClicks(restore.password, "backup pw")
    qtbot.keyClick(restore.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: restore.preview.isVisibleTo(restore)
                    or restore.error.isVisibleTo(restore), timeout=10_000)
    assert not restore.error.isVisibleTo(restore), restore.error.text()
    assert chooser.calls == []


def test_sort_menu_is_radio_items_and_moving_needs_manual_order(qtbot, ready):
    win = ready
    actions = win.listing.sort_menu.actions()
    groups = {a.actionGroup() for a in actions}
    assert len(groups) == 1 and next(iter(groups)).isExclusive()
    by_issuer = next(a for a in actions if a.text().replace("&", "") == "Issuer")
    manual = next(a for a in actions if a.text().replace("&", "") == "Manual order")
    assert manual.isChecked()
    assert win.rows.up_action.isEnabled() and win.rows.down_action.isEnabled()
    by_issuer.trigger()
    assert [a for a in actions if a.isChecked()] == [by_issuer]
    assert not win.rows.up_action.isEnabled() and not win.rows.down_action.isEnabled()
    win.lock(confirm_unsaved=False)
    assert not win.rows.up_action.isEnabled()
    manual.trigger()
    assert [a for a in actions if a.isChecked()] == [manual]
    assert not win.rows.up_action.isEnabled()  # still locked


@pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTrayWindowChanged")
def test_tray_icon_appears_once_a_tray_does_also_when_locked(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QSystemTrayIcon

    from authenticator.ui.platform.tray import Tray

    assert not window.session.is_unlocked  # started with the vault locked
    present = {"tray": False}
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable",
                        staticmethod(lambda: present["tray"]))
    tray = Tray(window)
    tray.show()
    assert not tray.icon.isVisible() and tray._retry.isActive()
    present["tray"] = True  # the desktop's tray starts after us
    tray._retry.timeout.emit()
    assert tray.icon.isVisible() and not tray._retry.isActive()
    assert tray.available()
    tray.icon.hide()


def test_menus_are_named_by_what_people_look_for(qtbot, ready):
    win = ready
    win.main_menu.aboutToShow.emit()
    top = [a.text().replace("&", "") for a in win.main_menu.actions()]
    assert "Import…" in top and "Export" in top and "Back up…" in top
    assert not any("Several" in t for t in top)
    export = [a.text().replace("&", "") for a in win.transfer.export_menu.actions()]
    assert "To Google Authenticator…" in export and "For Aegis…" in export
    assert win.transfer.import_action.isEnabled() and win.transfer.backup_action.isEnabled()
