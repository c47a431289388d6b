"""Several devices, other apps: export for Aegis, and the app's import of every other
app's format (preview, per-entry problems, "Read as").

The transfer feature alone on a fake host (tests/helpers/fake_host.py)."""

from __future__ import annotations

import stat

import pytest
from PySide6.QtCore import Qt

from authenticator.ui import transfer as transfer_feature
from authenticator.ui.transfer.importing import ImportDialog
from authenticator.ui.transfer.menu import TransferActions
from tests.helpers.aegis import read_vault
from tests.helpers.app_backups import stratum
from tests.helpers.app_files import FILES
from tests.helpers.transfer import GITHUB, GITLAB, HOTP, pass_gate, wait_dialog
from tests.portability import app_writers as w


@pytest.fixture
def ready(qtbot, fake_host):
    """An unlocked new vault."""
    fake_host.create_vault(qtbot)
    return fake_host


@pytest.fixture
def transfer(ready) -> TransferActions:
    return transfer_feature.install(ready)


def test_export_for_aegis_writes_a_file_an_independent_reader_opens(qtbot, ready, transfer,
                                                                    tmp_path):
    from authenticator.ui.transfer.aegis import AegisExportDialog

    win = ready
    tagged = GITLAB.evolve(tags=("Work",), note="the note", favorite=True)
    win.session.add_many([GITHUB, tagged, HOTP])
    win.menu_shown.emit()
    assert transfer.aegis_action.isEnabled()
    assert transfer.aegis_action in transfer.export_menu.actions()
    target = tmp_path / "for-aegis.json"
    transfer.export_aegis(target)
    pass_gate(qtbot, transfer)
    dialog = wait_dialog(qtbot, transfer, AegisExportDialog)
    assert isinstance(dialog, AegisExportDialog)
    assert dialog.encrypt.isChecked() and not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.password, "aegis pw")
    qtbot.keyClicks(dialog.confirm, "aegis pX")
    assert not dialog.save_button.isEnabled() and "differ" in dialog.hint.text()
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, "aegis pw")
    dialog.show()
    dialog.grab().save(str(tmp_path / "aegis-dialog.png"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: transfer.dialog is None, timeout=10_000)
    assert "for-aegis.json" in win.last_notice()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    content = read_vault(target.read_bytes(), "aegis pw")
    entries = {e["issuer"]: e for e in content["entries"]}
    assert sorted(entries) == ["GitHub", "GitLab", "VPN"]
    assert entries["VPN"]["info"]["counter"] == 3 and entries["VPN"]["type"] == "hotp"
    assert entries["GitLab"]["note"] == "the note" and entries["GitLab"]["favorite"] is True
    groups = {g["uuid"]: g["name"] for g in content["groups"]}
    assert [groups[g] for g in entries["GitLab"]["groups"]] == ["Work"]


def test_export_for_aegis_unprotected_warns_first(qtbot, ready, transfer, tmp_path):
    from authenticator.ui.transfer.aegis import AegisExportDialog

    win = ready
    win.session.add_many([GITHUB])
    target = tmp_path / "plain-aegis.json"
    transfer.export_aegis(target)
    pass_gate(qtbot, transfer)
    dialog = wait_dialog(qtbot, transfer, AegisExportDialog)
    assert isinstance(dialog, AegisExportDialog)
    qtbot.mouseClick(dialog.encrypt, Qt.MouseButton.LeftButton)
    assert not dialog.encrypt.isChecked() and not dialog.password.isEnabled()
    assert "UNENCRYPTED" in dialog.hint.text() and dialog.save_button.isEnabled()
    dialog.show()
    dialog.grab().save(str(tmp_path / "aegis-plain.png"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: transfer.dialog is None, timeout=10_000)
    assert [e["issuer"] for e in read_vault(target.read_bytes(), None)["entries"]] == [
        "GitHub"]


@pytest.mark.parametrize("fixture", list(FILES))
def test_window_imports_the_other_apps_formats(qtbot, ready, transfer, tmp_path, fixture):
    """Every new format, through the import dialog: preview, then Import."""
    win = ready
    build, password, count, problems = FILES[fixture]
    folder = tmp_path / "export"
    folder.mkdir()
    dialog = transfer.import_file(build(folder))
    assert isinstance(dialog, ImportDialog)
    if password:
        qtbot.waitUntil(lambda: dialog.password.isVisibleTo(dialog), timeout=10_000)
        dialog.password.setText(password)  # keyClicks cannot type every character
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview.isVisibleTo(dialog), timeout=20_000)
    assert len(dialog.preview.rows()) == count
    assert dialog.preview.problems.count() == problems
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(win.session.accounts()) == count, timeout=10_000)


@pytest.mark.parametrize("fixture", ["stratum", "google-db"])
def test_window_imports_the_other_apps_formats_with_per_entry_errors(qtbot, ready, transfer,
                                                                     tmp_path, fixture):

    win = ready
    if fixture == "stratum":
        path = tmp_path / "backup.authpro"
        path.write_bytes(w.make_stratum_legacy(stratum(), "stratum pw"))
        password, expected = "stratum pw", 4
    else:
        path = w.make_google_db(tmp_path / "databases", [("a@b", w.b32(b"x" * 20), 0, 0, "A")],
                                wal_rows=[("c@d", w.b32(b"y" * 20), 0, 0, "B")],
                                encrypted_row=True)
        password, expected = None, 2
    dialog = transfer.import_file(path)
    assert isinstance(dialog, ImportDialog)
    if password:
        qtbot.waitUntil(lambda: dialog.password.isVisibleTo(dialog), timeout=10_000)
        qtbot.keyClicks(dialog.password, password)
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview.isVisibleTo(dialog), timeout=20_000)
    rows = dialog.preview.rows()
    assert len(rows) == expected and all(r[1] == "New" and r[2] for r in rows)
    problems = [dialog.preview.problems.item(i).text()
                for i in range(dialog.preview.problems.count())]
    assert problems and dialog.preview.problems.isVisibleTo(dialog)
    assert all(": " in p for p in problems)  # where, then the reason
    dialog.show()
    dialog.grab().save(str(tmp_path / f"import-{fixture}.png"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(win.session.accounts()) == expected, timeout=10_000)


def test_the_app_that_made_the_file_can_be_chosen(qtbot, transfer, tmp_path):
    """A WinAuth list without WinAuth's own parameters reads as a plain list until the
    user says WinAuth made it; then its labels are issuers, as WinAuth means them."""
    path = tmp_path / "winauth.txt"
    path.write_text("otpauth://totp/Google?secret=JBSWY3DPEHPK3PXP&digits=6\n")
    dialog = transfer.import_file(path)
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.preview.isVisibleTo(dialog), timeout=10_000)
    assert dialog.preview.rows()[0][0] == "—"  # plain list: "Google" is the name
    labels = [dialog.format_choice.itemText(i) for i in range(dialog.format_choice.count())]
    assert labels[0] == "Detected from the content" and "WinAuth" in labels
    dialog.format_choice.setCurrentIndex(labels.index("WinAuth"))
    qtbot.waitUntil(lambda: dialog.preview.isVisibleTo(dialog)
                    and dialog.preview.rows()[0][0] == "Google", timeout=10_000)
    assert "WinAuth" in dialog.status.text()
    dialog.show()
    dialog.grab().save(str(tmp_path / "import-winauth.png"))
    # A wrong choice is one clear error, and choosing again recovers.
    dialog.format_choice.setCurrentIndex(labels.index("Steam"))
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=10_000)
    assert not dialog.import_button.isEnabled()
    dialog.format_choice.setCurrentIndex(0)
    qtbot.waitUntil(lambda: dialog.preview.isVisibleTo(dialog), timeout=10_000)


def test_the_export_menu_lists_the_registry_formats_in_its_order(qtbot, ready, transfer):
    from authenticator.portability.exporters import EXPORT_FORMATS

    assert set(transfer.format_actions) == {fmt.name for fmt in EXPORT_FORMATS}
    listed = [a for a in transfer.export_menu.actions()
              if a in transfer.format_actions.values()]
    assert listed == [transfer.format_actions[fmt.name] for fmt in EXPORT_FORMATS
                      if fmt.name != "backup"]
    # The backup is the top-level "Back up…", next to Import… and Restore…
    assert transfer.format_actions["backup"] in ready.menu_actions
    assert [a.text() for a in listed] == ["To &Google Authenticator…", "For &Aegis…",
                                          "Keys as &text…"]
