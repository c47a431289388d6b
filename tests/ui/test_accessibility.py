"""Accessibility: every visible control has a name a screen reader can say, the rows are
spoken with code and countdown, and the whole app works from the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QWidget,
)

from authenticator.core.account import Account, OtpKind
from authenticator.core.otp import code_at, group_code
from authenticator.core.uri import format_uri
from authenticator.ui.clock.dialogs import CompareDialog, FixClockDialog
from authenticator.ui.codes.model import Role
from authenticator.ui.common.account_form import EditAccountDialog
from authenticator.ui.enroll.dialog import EnrollDialog, Route
from authenticator.ui.settings.dialog import SettingsDialog
from authenticator.ui.transfer.backups import BackupDialog, RestoreDialog
from authenticator.ui.transfer.common import PasswordGate
from authenticator.ui.transfer.importing import ImportDialog
from authenticator.ui.transfer.qr import GoogleExportDialog, ShowQrDialog
from authenticator.ui.vault.password_dialog import ChangePasswordDialog
from authenticator.ui.vault.restore_dialog import RestoreBackupDialog
from tests.helpers.gui import PASSWORD, T0, create_vault, on_next_modal

GITHUB = Account(secret=b"12345678901234567890", issuer="GitHub", name="alice")
VPN = Account(secret=b"\x07" * 20, issuer="VPN", name="me", kind=OtpKind.HOTP, counter=3)

INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox,
               QAbstractItemView, QSlider, QCheckBox)
# Parts of a compound control (the control itself carries the name): a spin box's line
# edit, a line edit's clear button, a table's header.
COMPOUND = (QAbstractSpinBox, QComboBox, QLineEdit, QAbstractItemView)


def spoken_name(widget: QWidget) -> str:
    name = widget.accessibleName().strip()
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text().replace("&", "").strip()
    return name


def unnamed(root: QWidget) -> list[str]:
    """Visible interactive widgets under ``root`` (and itself) without a spoken name."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
            continue
        parent = widget.parentWidget()
        if parent is not None and isinstance(parent, COMPOUND):
            continue  # e.g. a spin box's line edit, a line edit's clear button
        if not spoken_name(widget):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} "
                           f"tooltip={widget.toolTip()!r} in {type(root).__name__}")
    return missing


def showing(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def ready(qtbot, window):
    create_vault(qtbot, window)
    window.session.add_many([GITHUB, VPN])
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 2)
    return window


# -- names --------------------------------------------------------------------------------
def test_main_window_pages_have_names(qtbot, window):
    assert window.pages.currentWidget() is window.welcome
    assert unnamed(window) == []
    create_vault(qtbot, window)
    assert window.codes.stack.currentWidget() is window.codes.empty  # empty state
    assert unnamed(window) == []
    window.session.add_many([GITHUB, VPN])
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 2)
    window.rows.copy_current()  # the toast with its button
    assert unnamed(window) == []
    window.lock()
    assert window.pages.currentWidget() is window.unlock_page
    assert unnamed(window) == []


def test_add_dialog_routes_and_steps_have_names(qtbot, timebase):
    dialog = EnrollDialog(timebase.now, lambda accounts: accounts, None,
                          list_cameras=lambda: [])
    showing(qtbot, dialog)
    for route in Route:
        dialog.show_route(route)
        assert unnamed(dialog) == [], route
    dialog.show_route(Route.MANUAL)
    dialog.accept_found([GITHUB, VPN], [])
    assert dialog.pages.currentWidget() is dialog.review_page
    assert unnamed(dialog) == []
    dialog.show_done([GITHUB])
    assert unnamed(dialog) == []
    dialog.close()


def dialogs(win, tmp_path: Path) -> dict[str, Callable[[], QWidget]]:
    accounts = win.session.accounts()
    otpauth = tmp_path / "export.txt"
    otpauth.write_text(format_uri(GITHUB) + "\n" + format_uri(VPN) + "\n")
    return {
        "edit": lambda: EditAccountDialog(accounts[0]),
        "settings": lambda: SettingsDialog(win.settings, win,
                                           sections=win.settings_sections()),
        "compare": lambda: CompareDialog(accounts, win.time.wall),
        "fix clock": lambda: FixClockDialog(),
        "password gate": lambda: PasswordGate(lambda pw: pw == PASSWORD, "Show a QR code.",
                                              lambda: None),
        "show qr": lambda: ShowQrDialog(accounts[0], win.time.monotonic, lambda text: None),
        "google export": lambda: GoogleExportDialog(accounts),
        "backup": lambda: BackupDialog(win.session, win.session.kdf, lambda path: None),
        "restore": lambda: RestoreDialog(win.session, lambda added: None),
        "import": lambda: ImportDialog(win.session, otpauth, lambda added: None),
        "change password": lambda: ChangePasswordDialog(win.session),
        "restore automatic backup": lambda: RestoreBackupDialog(
            win.session.path, damaged=True, now=win.time.wall),
    }


@pytest.mark.parametrize("name", ["edit", "settings", "compare", "fix clock", "password gate",
                                  "show qr", "google export", "backup", "restore", "import",
                                  "change password", "restore automatic backup"])
def test_dialog_controls_have_names(qtbot, ready, tmp_path, name):
    dialog = showing(qtbot, dialogs(ready, tmp_path)[name]())
    assert unnamed(dialog) == []
    if isinstance(dialog, ImportDialog):
        qtbot.waitUntil(lambda: dialog.preview.isVisibleTo(dialog), timeout=10_000)
        assert unnamed(dialog) == []
    if isinstance(dialog, GoogleExportDialog):
        dialog.next_button.click()  # the QR pages
        assert unnamed(dialog) == []
    if isinstance(dialog, CompareDialog):
        account = dialog.selected_account()
        qtbot.keyClicks(dialog.code, code_at(account, ready.time.wall()))
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
        assert dialog.changed_button.isVisible()  # the "press when it changes" step
        assert unnamed(dialog) == []
    if isinstance(dialog, SettingsDialog):
        assert any(section.title() == "Clock" for section in dialog.sections)
    dialog.close()


# -- rows -----------------------------------------------------------------------------------
def test_rows_are_spoken_with_code_and_seconds(qtbot, ready, timebase):
    index = ready.proxy.index(0, 0)
    assert index.data(Role.ISSUER) == "GitHub"
    code = group_code(code_at(GITHUB, T0))
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == f"GitHub, alice, code {code}, 20 seconds left"
    hotp = ready.proxy.index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert hotp.startswith("VPN, me, code ") and "counter-based" in hotp


def test_countdown_is_a_number_and_next_code_is_said_near_the_end(qtbot, ready, timebase):
    index = lambda: ready.proxy.index(0, 0)  # noqa: E731 - fresh index after each tick
    assert index().data(Role.SECONDS_LEFT) == 20
    assert not index().data(Role.URGENT)
    timebase.advance(16)
    ready.tick()
    assert index().data(Role.SECONDS_LEFT) == 4
    assert index().data(Role.URGENT)
    upcoming = group_code(code_at(GITHUB, T0 + 30))
    assert index().data(Role.NEXT_CODE) == upcoming
    spoken = index().data(Qt.ItemDataRole.AccessibleTextRole)
    assert "4 seconds left" in spoken and f"next {upcoming}" in spoken


# -- keyboard only ------------------------------------------------------------------------
def key(qtbot, widget: QWidget, k: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, k, modifier)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab_to(qtbot, target: QWidget, limit: int = 30) -> None:
    """Press Tab until ``target`` has the focus, as a keyboard user would."""
    for _ in range(limit):
        if focused() is target:
            return
        key(qtbot, focused(), Qt.Key.Key_Tab)
    raise AssertionError(f"{target!r} is not reachable with Tab")


def reactivate(qtbot, win: QWidget) -> None:
    """The offscreen platform does not activate new windows by itself."""
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)


def test_everything_with_the_keyboard_only(qtbot, window, timebase):
    win = window
    # Create the vault: type, Tab, type, Enter.
    win.welcome.password.setFocus()
    qtbot.keyClicks(focused(), PASSWORD)
    tab_to(qtbot, win.welcome.confirm)
    qtbot.keyClicks(focused(), PASSWORD)
    key(qtbot, focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.codes, timeout=10_000)

    # Add an account: Ctrl+N, choose "Type a key", fill in, Enter, then close.
    def add(dialog: QWidget) -> None:
        assert isinstance(dialog, EnrollDialog)
        reactivate(qtbot, dialog)
        tab_to(qtbot, dialog.routes)
        while dialog.current_route() is not Route.MANUAL:
            key(qtbot, dialog.routes, Qt.Key.Key_Down)
        tab_to(qtbot, dialog.form.issuer)
        qtbot.keyClicks(focused(), "GitHub")
        tab_to(qtbot, dialog.form.name)
        qtbot.keyClicks(focused(), "alice")
        tab_to(qtbot, dialog.form.key)
        qtbot.keyClicks(focused(), GITHUB.secret_b32)
        key(qtbot, focused(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.done_page)
        key(qtbot, focused(), Qt.Key.Key_Escape)

    errors = on_next_modal(qtbot, add)
    key(qtbot, win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not errors
    reactivate(qtbot, win)
    assert [a.label for a in win.session.accounts()] == ["GitHub (alice)"]

    # Copy with Enter on the focused list.
    win.codes.view.setFocus()
    key(qtbot, win.codes.view, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == code_at(GITHUB, timebase.now())

    # Search: Ctrl+F, type, Down to the list.
    win.session.add(VPN)
    key(qtbot, win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is win.codes.search
    qtbot.keyClicks(win.codes.search, "vpn")
    assert win.proxy.rowCount() == 1
    key(qtbot, win.codes.search, Qt.Key.Key_Down)
    assert focused() is win.codes.view
    assert win.current_account() is not None and win.current_account().issuer == "VPN"

    # Edit with F2: change the note, Enter saves.
    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, EditAccountDialog)
        reactivate(qtbot, dialog)
        tab_to(qtbot, dialog.issuer)
        key(qtbot, focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(focused(), "Work VPN")
        key(qtbot, focused(), Qt.Key.Key_Return)

    errors = on_next_modal(qtbot, edit)
    key(qtbot, win.codes.view, Qt.Key.Key_F2)
    assert not errors
    reactivate(qtbot, win)
    assert sorted(a.issuer for a in win.session.accounts()) == ["GitHub", "Work VPN"]

    # Delete: Delete, then confirm with the keyboard (Yes is not the default: Alt+Y / Tab).
    def confirm(dialog: QWidget) -> None:
        reactivate(qtbot, dialog)
        assert isinstance(dialog, QDialog)
        yes = next(b for b in dialog.findChildren(QAbstractButton)
               if b.text().replace("&", "") == "Yes")
        tab_to(qtbot, yes)
        key(qtbot, yes, Qt.Key.Key_Space)

    key(qtbot, win.codes.search, Qt.Key.Key_Escape)  # clear the search
    win.codes.view.setFocus()
    win.select_account(next(a for a in win.session.accounts() if a.issuer == "Work VPN").id)
    errors = on_next_modal(qtbot, confirm)
    key(qtbot, win.codes.view, Qt.Key.Key_Delete)
    assert not errors
    reactivate(qtbot, win)
    assert [a.issuer for a in win.session.accounts()] == ["GitHub"]

    # Lock with Ctrl+L, unlock by typing the password and Enter.
    key(qtbot, win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert win.pages.currentWidget() is win.unlock_page
    assert focused() is win.unlock_page.password
    qtbot.keyClicks(focused(), PASSWORD)
    key(qtbot, focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.codes, timeout=10_000)
    assert focused() is win.codes.view
