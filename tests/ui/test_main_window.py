"""The main window driven as a person would: create, add, copy, search, edit, lock."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox

from authenticator.core.account import Account, OtpKind
from authenticator.core.otp import code_at, group_code
from authenticator.storage.vault import Vault
from authenticator.ui.codes.delegate import Geometry
from authenticator.ui.codes.model import Role, SortMode
from authenticator.ui.common.account_form import EditAccountDialog
from authenticator.ui.enroll.dialog import EnrollDialog, Route
from authenticator.ui.enroll.duplicates import add_accounts_checked
from tests.helpers.gui import PASSWORD, create_vault, on_next_modal, unlock

GITHUB_KEY = "JBSWY3DPEHPK3PXP"  # an 80-bit key, as GitHub and many others issue


def add_by_hand(qtbot, win, issuer: str, name: str, key: str) -> None:
    def fill(dialog):
        assert isinstance(dialog, EnrollDialog)
        dialog.show_route(Route.MANUAL)
        qtbot.keyClicks(dialog.form.issuer, issuer)
        qtbot.keyClicks(dialog.form.name, name)
        qtbot.keyClicks(dialog.form.key, key)
        assert dialog.add_button.isEnabled(), dialog.form.error
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)  # Done

    errors = on_next_modal(qtbot, fill)
    qtbot.mouseClick(win.codes.add_button, Qt.MouseButton.LeftButton)
    assert not errors
    reactivate(qtbot, win)


def reactivate(qtbot, win) -> None:
    """After a modal dialog closes, the main window is the active one again."""
    win.activateWindow()
    qtbot.waitActive(win)


def rows(win) -> list[str]:
    return [win.proxy.index(r, 0).data(Role.ISSUER) for r in range(win.proxy.rowCount())]


def row_of(win, issuer: str):
    for r in range(win.proxy.rowCount()):
        if win.proxy.index(r, 0).data(Role.ISSUER) == issuer:
            return win.proxy.index(r, 0)
    raise AssertionError(f"{issuer} not listed")


def click_row(qtbot, win, index) -> None:
    rect = win.codes.view.visualRect(index)
    qtbot.mouseClick(win.codes.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 60, rect.center().y()))


@pytest.fixture
def filled(qtbot, window):
    create_vault(qtbot, window)
    add_by_hand(qtbot, window, "GitHub", "alice", "jbsw y3dp ehpk 3pxp")
    add_by_hand(qtbot, window, "Google", "alice@gmail.com", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
    add_by_hand(qtbot, window, "Amazon", "bob", "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U")
    return window


def test_first_run_shows_welcome_with_warning(window):
    assert window.pages.currentWidget() is window.welcome
    assert window.welcome.isVisible()
    labels = window.welcome.findChildren(QLabel)
    texts = " ".join(label.text() for label in labels)
    assert "no way to recover a lost password" in texts


def test_mismatched_passwords_are_refused(qtbot, window, vault_path):
    qtbot.keyClicks(window.welcome.password, "first password")
    qtbot.keyClicks(window.welcome.confirm, "second password")
    qtbot.mouseClick(window.welcome.create_button, Qt.MouseButton.LeftButton)
    assert "different" in window.welcome.error.text()
    assert not vault_path.exists()


def test_empty_state_then_added_account_shows_core_code(qtbot, window, timebase, vault_path):
    create_vault(qtbot, window)
    assert window.codes.stack.currentWidget() is window.codes.empty
    add_by_hand(qtbot, window, "GitHub", "alice", "jbsw-y3dp-ehpk-3pxp")
    assert window.codes.stack.currentWidget() is window.codes.view
    index = row_of(window, "GitHub")
    account = index.data(Role.ACCOUNT)
    assert account.secret_b32 == GITHUB_KEY
    assert index.data(Role.CODE) == group_code(code_at(account, timebase.now()))
    assert len(index.data(Role.CODE)) == 7 and index.data(Role.CODE)[3] == " "
    assert index.data(Role.SECONDS_LEFT) == 20
    # Saved at once: the file on disk holds it.
    with Vault.open(vault_path, PASSWORD, read_only=True) as vault:
        assert [a.issuer for a in vault.accounts] == ["GitHub"]


def test_countdown_and_next_code(qtbot, filled, timebase):
    index = row_of(filled, "GitHub")
    account = index.data(Role.ACCOUNT)
    timebase.advance(8)
    filled.tick()
    assert index.data(Role.SECONDS_LEFT) == 12
    assert not index.data(Role.URGENT)
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == f"GitHub, alice, code {group_code(code_at(account, timebase.now()))}, " \
                     "12 seconds left"
    timebase.advance(8)  # 4 s left: urgent, next code visible
    filled.tick()
    assert index.data(Role.URGENT)
    assert index.data(Role.NEXT_CODE) == group_code(code_at(account, timebase.now() + 30))
    predicted = index.data(Role.NEXT_CODE)
    timebase.advance(4)  # new step
    filled.tick()
    assert index.data(Role.CODE) == group_code(code_at(account, timebase.now()))
    assert index.data(Role.CODE) == predicted  # the "next" code shown is the one that came
    assert index.data(Role.SECONDS_LEFT) == 30


def test_tick_signals_only_changed_roles(qtbot, filled, timebase):
    seen: list[tuple[int, int, list[int]]] = []
    filled.model.dataChanged.connect(lambda a, b, roles: seen.append((a.row(), b.row(),
                                                                       list(roles))))
    timebase.advance(1)
    filled.tick()
    assert seen and all(Role.CODE not in roles for _, _, roles in seen)
    assert any(Role.SECONDS_LEFT in roles for _, _, roles in seen)
    seen.clear()
    timebase.advance(0.2)  # same whole second: nothing to repaint
    filled.tick()
    assert seen == []
    timebase.advance(19)  # step boundary: code roles for the three TOTP rows
    filled.tick()
    code_rows = {r for first, last, roles in seen if Role.CODE in roles
                 for r in range(first, last + 1)}
    assert code_rows == {0, 1, 2}


def test_click_copies_and_clipboard_clears_after_delay(qtbot, filled, timebase):
    clipboard = QGuiApplication.clipboard()
    code = row_of(filled, "Google").data(Role.RAW_CODE)
    click_row(qtbot, filled, row_of(filled, "Google"))
    assert clipboard.text() == code
    mime = clipboard.mimeData()
    assert bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"
    assert "clears in 30 s" in filled.codes.toast.text()
    timebase.advance(29)
    filled.tick()
    assert clipboard.text() == code
    timebase.advance(2)
    filled.tick()
    assert clipboard.text() == ""


def test_clipboard_left_alone_if_user_copied_something_else(qtbot, filled, timebase):
    clipboard = QGuiApplication.clipboard()
    filled.codes.view.setFocus()
    filled.codes.view.setCurrentIndex(row_of(filled, "GitHub"))
    qtbot.keyClick(filled.codes.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == row_of(filled, "GitHub").data(Role.RAW_CODE)
    clipboard.setText("my own note")
    timebase.advance(60)
    filled.tick()
    assert clipboard.text() == "my own note"


def test_enter_copies_current_row(qtbot, filled):
    filled.codes.view.setFocus()
    filled.codes.view.setCurrentIndex(row_of(filled, "Amazon"))
    qtbot.keyClick(filled.codes.view, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == row_of(filled, "Amazon").data(Role.RAW_CODE)


def test_search_filters_escape_clears_enter_copies_top(qtbot, filled):
    qtbot.keyClick(filled, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert filled.codes.search.hasFocus()
    qtbot.keyClicks(filled.codes.search, "goo")
    assert rows(filled) == ["Google"]
    qtbot.keyClick(filled.codes.search, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == row_of(filled, "Google").data(Role.RAW_CODE)
    qtbot.keyClick(filled.codes.search, Qt.Key.Key_Escape)
    assert filled.codes.search.text() == ""
    assert len(rows(filled)) == 3
    qtbot.keyClicks(filled.codes.search, "zzz")
    assert filled.codes.stack.currentWidget() is filled.codes.no_match


def test_sort_modes_and_favourites_pinned(qtbot, filled):
    assert rows(filled) == ["GitHub", "Google", "Amazon"]  # manual = insertion order
    filled.listing.set_sort_mode(SortMode.ISSUER)
    assert rows(filled) == ["Amazon", "GitHub", "Google"]
    filled.codes.view.setCurrentIndex(row_of(filled, "Google"))
    qtbot.keyClick(filled.codes.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert rows(filled) == ["Google", "Amazon", "GitHub"]
    filled.listing.set_sort_mode(SortMode.NAME)
    assert rows(filled)[0] == "Google"
    assert filled.settings.get("sort_mode") == "name"


def test_reorder_with_keyboard_is_saved(qtbot, filled, vault_path):
    filled.codes.view.setFocus()
    filled.codes.view.setCurrentIndex(row_of(filled, "Amazon"))
    qtbot.keyClick(filled.codes.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert rows(filled) == ["GitHub", "Amazon", "Google"]
    with Vault.open(vault_path, PASSWORD, read_only=True) as vault:
        assert [a.issuer for a in vault.accounts] == ["GitHub", "Amazon", "Google"]


def test_edit_issuer_name_tags_note(qtbot, filled, vault_path):
    filled.codes.view.setFocus()
    filled.codes.view.setCurrentIndex(row_of(filled, "Amazon"))

    def edit(dialog):
        assert isinstance(dialog, EditAccountDialog)
        dialog.issuer.clear()
        qtbot.keyClicks(dialog.issuer, "Amazon Web Services")
        qtbot.keyClicks(dialog.tags, "work, cloud")
        qtbot.keyClicks(dialog.note, "root account")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    errors = on_next_modal(qtbot, edit)
    qtbot.keyClick(filled.codes.view, Qt.Key.Key_F2)
    assert not errors
    with Vault.open(vault_path, PASSWORD, read_only=True) as vault:
        account = next(a for a in vault.accounts if a.name == "bob")
    assert account.issuer == "Amazon Web Services"
    assert account.tags == ("work", "cloud")
    assert account.note == "root account"
    filled.listing.set_tag_filter("cloud")
    assert rows(filled) == ["Amazon Web Services"]


def test_delete_with_confirmation_and_undo(qtbot, filled, vault_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    filled.codes.view.setCurrentIndex(row_of(filled, "Google"))
    filled.codes.view.setFocus()
    qtbot.keyClick(filled.codes.view, Qt.Key.Key_Delete)
    assert rows(filled) == ["GitHub", "Amazon"]
    assert "Deleted Google" in filled.codes.toast.text()
    with Vault.open(vault_path, PASSWORD, read_only=True) as vault:
        assert len(vault.accounts) == 2
    qtbot.mouseClick(filled.codes.toast.button, Qt.MouseButton.LeftButton)
    assert rows(filled) == ["GitHub", "Google", "Amazon"]
    with Vault.open(vault_path, PASSWORD, read_only=True) as vault:
        assert [a.issuer for a in vault.accounts] == ["GitHub", "Google", "Amazon"]


def test_delete_cancelled_keeps_account(qtbot, filled, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    filled.codes.view.setCurrentIndex(row_of(filled, "Google"))
    filled.rows.delete_current()
    assert len(rows(filled)) == 3


def test_lock_unlock_and_wrong_password(qtbot, filled, timebase):
    QGuiApplication.clipboard().setText("")
    click_row(qtbot, filled, row_of(filled, "GitHub"))
    assert QGuiApplication.clipboard().text()
    qtbot.keyClick(filled, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert filled.pages.currentWidget() is filled.unlock_page
    assert filled.model.rowCount() == 0 and filled.session.vault is None
    assert QGuiApplication.clipboard().text() == ""  # cleared on lock
    unlock(qtbot, filled, "not the password")
    qtbot.waitUntil(lambda: bool(filled.unlock_page.error.text()), timeout=10_000)
    assert "wrong password" in filled.unlock_page.error.text().lower()
    assert filled.pages.currentWidget() is filled.unlock_page
    filled.unlock_page.password.clear()
    unlock(qtbot, filled)
    qtbot.waitUntil(lambda: filled.pages.currentWidget() is filled.codes, timeout=10_000)
    assert rows(filled) == ["GitHub", "Google", "Amazon"]


def test_auto_lock_after_idle_minutes(qtbot, filled, timebase):
    filled.settings.set("autolock_minutes", 5)
    timebase.advance(4 * 60)
    filled.tick()
    assert filled.session.is_unlocked
    timebase.advance(61)
    filled.tick()
    assert not filled.session.is_unlocked
    assert filled.pages.currentWidget() is filled.unlock_page


def test_activity_postpones_auto_lock(qtbot, filled, timebase):
    timebase.advance(4 * 60)
    qtbot.keyClick(filled.codes.view, Qt.Key.Key_Down)
    timebase.advance(2 * 60)
    filled.tick()
    assert filled.session.is_unlocked


def test_hotp_next_code_button_advances_counter(qtbot, filled, vault_path):
    account = Account(secret=b"12345678901234567890", issuer="Bank", name="card",
                      kind=OtpKind.HOTP, counter=0)
    filled.session.add(account)
    index = row_of(filled, "Bank")
    assert index.data(Role.RAW_CODE) == "755224"
    assert index.data(Role.SECONDS_LEFT) is None
    rect = filled.codes.view.visualRect(index)
    option_font = filled.codes.view.font()
    button = Geometry(option_font, rect).button
    qtbot.mouseClick(filled.codes.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=button.center())
    assert row_of(filled, "Bank").data(Role.RAW_CODE) == "287082"
    with Vault.open(vault_path, PASSWORD, read_only=True) as vault:
        assert next(a for a in vault.accounts if a.issuer == "Bank").counter == 1


def test_manual_form_validates_with_reasons(qtbot, window, timebase):
    create_vault(qtbot, window)
    seen = {}

    def probe(dialog):
        dialog.show_route(Route.MANUAL)
        form = dialog.form
        qtbot.keyClicks(form.issuer, "Site")
        qtbot.keyClicks(form.key, "ABC18")
        seen["bad"] = form.status.text()
        seen["enabled_bad"] = dialog.add_button.isEnabled()
        form.key.clear()
        qtbot.keyClicks(form.key, "jbswy3dpehpk3pxp====")
        seen["good"] = form.status.text()
        seen["preview"] = form.preview.text()
        seen["enabled_good"] = dialog.add_button.isEnabled()
        dialog.close_button.click()

    errors = on_next_modal(qtbot, probe)
    window.add_account()
    assert not errors
    assert "letters A-Z and the digits 2-7" in seen["bad"] and not seen["enabled_bad"]
    assert "1 (perhaps I or L), 8 (perhaps B)" in seen["bad"]
    assert seen["enabled_good"] and "80 bits" in seen["good"]
    expected = code_at(Account(secret=b"Hello!\xde\xad\xbe\xef"), timebase.now())
    assert seen["preview"] == group_code(expected)


def test_duplicate_key_offers_skip(qtbot, filled):
    def choose_skip(box):
        assert "already in the vault as GitHub (alice)" in box.text()
        skip = next(b for b in box.buttons() if b.text().replace("&", "") == "Skip")
        skip.click()

    errors = on_next_modal(qtbot, choose_skip)
    added = add_accounts_checked(filled, [Account(secret=b"Hello!\xde\xad\xbe\xef",
                                                  issuer="Dup")])
    assert not errors and added == []
    assert len(rows(filled)) == 3


def test_failed_save_keeps_change_and_says_so(qtbot, filled, vault_path, monkeypatch,
                                              timebase):
    from authenticator.storage.errors import SaveError

    before = vault_path.read_bytes()

    def fail(self):
        raise SaveError("the disk is full")

    real_save = Vault.save
    monkeypatch.setattr(Vault, "save", fail)
    filled.session.add(Account(secret=os.urandom(20), issuer="Kept"))
    assert "Kept" in rows(filled)
    assert filled.codes.save_banner.isVisible()
    assert "disk is full" in filled.codes.save_banner.label.text()
    assert vault_path.read_bytes() == before

    # Walking away does not lose the unsaved key: auto-lock waits for a successful save.
    timebase.advance(10 * 60)
    filled.tick()
    assert filled.session.is_unlocked and "Kept" in rows(filled)

    # Locking by hand asks first; Cancel keeps everything.
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(filled.codes.lock_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(filled, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert filled.session.is_unlocked and "Kept" in rows(filled)
    assert filled.lock() is False

    # Space is freed: "Try again" saves, the banner goes, and auto-lock resumes.
    monkeypatch.setattr(Vault, "save", real_save)
    try_again = filled.codes.save_banner.buttons[0]
    qtbot.mouseClick(try_again, Qt.MouseButton.LeftButton)
    assert not filled.codes.save_banner.isVisible()
    with Vault.open(vault_path, PASSWORD, read_only=True) as vault:
        assert "Kept" in [a.issuer for a in vault.accounts]
    timebase.advance(6 * 60)  # the click was activity: idle again for the auto-lock delay
    filled.tick()
    assert not filled.session.is_unlocked


def test_second_instance_raises_first(qtbot):
    from authenticator.ui.platform.single_instance import (
        SingleInstance,
        notify_running,
        server_name,
    )

    name = server_name(f"/tmp/test-{os.getpid()}")
    instance = SingleInstance(name)
    assert instance.listen()
    with qtbot.waitSignal(instance.raise_requested, timeout=5000):
        assert notify_running(name)
    instance.close()
    assert not notify_running(name, timeout_ms=100)


def test_settings_dialog_changes_clipboard_delay(qtbot, filled):
    def change(dialog):
        dialog.clipboard.setValue(10)
        dialog.autolock.setValue(1)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    errors = on_next_modal(qtbot, change)
    filled.open_settings()
    assert not errors
    assert filled.clipboard.delay_seconds == 10
    assert filled.settings.get("autolock_minutes") == 1


def test_gui_start_does_not_import_opencv():
    code = ("import sys; import authenticator.ui.main_window, authenticator.ui.app; "
            "print('cv2' in sys.modules, 'zxingcpp' in sys.modules)")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True).stdout
    assert out.split() == ["False", "False"]


def test_drag_and_drop_reorders_and_saves(qtbot, filled, vault_path):
    """What the view does on a drop: the proxy hands the dragged rows' data to the model."""
    from PySide6.QtCore import QModelIndex

    amazon = row_of(filled, "Amazon")
    mime = filled.proxy.mimeData([amazon])
    assert filled.proxy.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    filled.proxy.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert rows(filled) == ["Amazon", "GitHub", "Google"]
    with Vault.open(vault_path, PASSWORD, read_only=True) as vault:
        assert [a.issuer for a in vault.accounts] == ["Amazon", "GitHub", "Google"]


def test_window_size_is_remembered(qtbot, vault_path, app_settings, timebase):
    from authenticator.storage.kdf import KdfParams
    from authenticator.ui.common.session import VaultSession
    from tests.helpers.windows import make_window

    first = make_window(VaultSession(vault_path, kdf=KdfParams.for_tests()), app_settings,
                       timebase)
    qtbot.addWidget(first)
    first.show()
    first.resize(611, 577)
    qtbot.waitUntil(lambda: first.size().width() == 611)
    first.really_quit = True
    first.close()
    second = make_window(VaultSession(vault_path, kdf=KdfParams.for_tests()), app_settings,
                        timebase)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (611, 577)


def test_auto_lock_closes_an_open_dialog_without_error(qtbot, filled, timebase):
    filled.codes.view.setCurrentIndex(row_of(filled, "GitHub"))
    seen = {}

    def wait_then_idle(dialog):
        assert isinstance(dialog, EditAccountDialog)
        dialog.issuer.setText("Changed while away")
        timebase.advance(10 * 60)  # the user walked away with the dialog open
        filled.tick()
        seen["visible_after_lock"] = dialog.isVisible()

    errors = on_next_modal(qtbot, wait_then_idle)
    filled.rows.edit_current()
    assert not errors
    assert seen["visible_after_lock"] is False
    assert not filled.session.is_unlocked
    assert filled.pages.currentWidget() is filled.unlock_page
    unlock(qtbot, filled)
    qtbot.waitUntil(lambda: filled.session.is_unlocked, timeout=10_000)
    assert "Changed while away" not in rows(filled)


def test_editing_keys_in_the_search_field_stay_in_the_field(qtbot, filled, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a)
                        or QMessageBox.StandardButton.Yes)
    qtbot.keyClick(filled, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(filled.codes.search, "gitx")
    qtbot.keyClick(filled.codes.search, Qt.Key.Key_Left)
    qtbot.keyClick(filled.codes.search, Qt.Key.Key_Delete)  # deletes the "x", not an account
    assert filled.codes.search.text() == "git"
    assert asked == [] and len(filled.session.accounts()) == 3


def test_corrupt_vault_file_says_so_and_is_left_untouched(qtbot, app_settings, timebase,
                                                          vault_path):
    from authenticator.storage.kdf import KdfParams
    from authenticator.ui.common.session import VaultSession
    from tests.helpers.windows import make_window

    vault_path.parent.mkdir(parents=True, exist_ok=True)
    vault_path.write_bytes(b"this is not a vault" * 3)
    win = make_window(VaultSession(vault_path, kdf=KdfParams.for_tests()), app_settings,
                     timebase)
    qtbot.addWidget(win)
    win.show()
    assert win.pages.currentWidget() is win.unlock_page
    unlock(qtbot, win, "any password")
    qtbot.waitUntil(lambda: bool(win.unlock_page.error.text()), timeout=10_000)
    assert "not an Authenticator vault" in win.unlock_page.error.text()
    assert vault_path.read_bytes() == b"this is not a vault" * 3


def test_changes_saved_elsewhere_appear_without_touching_the_window(qtbot, filled,
                                                                    vault_path):
    """Another device (through a sync tool) or the CLI adds an account to the same file."""
    with Vault.open(vault_path, PASSWORD) as other:
        other.add(Account(secret=os.urandom(20), issuer="Added elsewhere", name="carol"))
        other.save()
    qtbot.waitUntil(lambda: "Added elsewhere" in rows(filled), timeout=10_000)
    assert filled.codes.toast.text().startswith("Updated with changes saved elsewhere")
    # And our own next change keeps it (merge, not overwrite).
    filled.session.add(Account(secret=os.urandom(20), issuer="Added here"))
    with Vault.open(vault_path, PASSWORD, read_only=True) as vault:
        issuers = [a.issuer for a in vault.accounts]
    assert "Added elsewhere" in issuers and "Added here" in issuers


def test_copying_writes_nothing_until_the_next_save(qtbot, filled, vault_path, timebase):
    """A copy is not worth a disk write and an automatic backup; lock saves "last used"."""
    before = vault_path.read_bytes()
    backups = sorted((vault_path.parent / "backups").iterdir())
    click_row(qtbot, filled, row_of(filled, "Google"))
    assert vault_path.read_bytes() == before
    assert sorted((vault_path.parent / "backups").iterdir()) == backups
    filled.listing.set_sort_mode(SortMode.RECENT)
    assert rows(filled)[0] == "Google"
    filled.lock()
    with Vault.open(vault_path, PASSWORD, read_only=True) as vault:
        google = next(a for a in vault.accounts if a.issuer == "Google")
    assert google.last_used == timebase.now()
