"""Clicks, right-clicks, keys and typing on the code list, as a person does them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from authenticator.core.account import Account
from authenticator.ui.codes.gestures import CopyGestureSection
from authenticator.ui.codes.model import Role
from authenticator.ui.settings.dialog import SettingsDialog
from tests.helpers.gui import create_vault

SENTINEL = "what the user had copied"
ACCOUNTS = [Account(secret=b"12345678901234567890", issuer="GitHub", name="alice"),
            Account(secret=b"abcdefghijabcdefghij", issuer="Google", name="alice@gmail.com"),
            Account(secret=b"zyxwvutsrqzyxwvutsrq", issuer="Amazon", name="bob")]


@pytest.fixture
def listed(qtbot, window):
    create_vault(qtbot, window)
    window.session.add_many(ACCOUNTS)
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 3)
    QGuiApplication.clipboard().setText(SENTINEL)
    return window


def point(win, row: int) -> QPoint:
    rect = win.codes.view.visualRect(win.proxy.index(row, 0))
    return QPoint(rect.left() + 60, rect.center().y())


def copied() -> str:
    return QGuiApplication.clipboard().text()


def test_single_click_copies_by_default(qtbot, listed):
    qtbot.mouseClick(listed.codes.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=point(listed, 1))
    assert copied() == listed.proxy.index(1, 0).data(Role.RAW_CODE)


def test_right_click_and_the_row_menu_select_without_copying(qtbot, listed):
    opened = []

    def close_menu() -> None:
        menu = QApplication.activePopupWidget()
        opened.append(menu)
        if menu is not None:
            menu.close()

    QTimer.singleShot(50, close_menu)
    view = listed.codes.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=point(listed, 2))
    view.customContextMenuRequested.emit(point(listed, 2))  # the menu a right-click opens
    qtbot.waitUntil(lambda: bool(opened))
    assert opened[0] is not None
    assert view.currentIndex().row() == 2
    assert copied() == SENTINEL
    assert not listed.codes.toast.isVisible()


def test_arrow_keys_select_without_copying(qtbot, listed):
    view = listed.codes.view
    view.setFocus()
    view.setCurrentIndex(listed.proxy.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 2
    assert copied() == SENTINEL


def test_double_click_setting_makes_a_click_only_select(qtbot, listed):
    dialog = SettingsDialog(listed.settings, listed, sections=listed.settings_sections())
    qtbot.addWidget(dialog)
    section = next(s for s in dialog.sections if isinstance(s, CopyGestureSection))
    section.gesture.setCurrentIndex(section.gesture.findData("double_click"))
    dialog.save()
    assert listed.settings.get("copy_gesture") == "double_click"
    view = listed.codes.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point(listed, 1))
    assert view.currentIndex().row() == 1 and copied() == SENTINEL
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point(listed, 1))
    assert copied() == listed.proxy.index(1, 0).data(Role.RAW_CODE)


def test_typing_in_the_list_goes_to_the_search_field(qtbot, listed):
    view = listed.codes.view
    view.setFocus()
    qtbot.keyClicks(view, "goo")
    search = listed.codes.search
    assert search.text() == "goo" and search.hasFocus()
    assert listed.proxy.rowCount() == 1
    assert listed.proxy.index(0, 0).data(Role.ISSUER) == "Google"
    qtbot.keyClick(search, Qt.Key.Key_Down)  # back to the list: Ctrl+C still copies there
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert search.text() == "goo"
    assert copied() == listed.proxy.index(0, 0).data(Role.RAW_CODE)


def test_typed_key_and_pasted_link_follow_one_masking_rule(qtbot, timebase):
    from PySide6.QtWidgets import QLineEdit

    from authenticator.ui.enroll.dialog import EnrollDialog

    dialog = EnrollDialog(timebase.now, lambda accounts: accounts, None,
                          list_cameras=lambda: [])
    qtbot.addWidget(dialog)
    for edit, reveal in ((dialog.form.key, dialog.form.key_reveal),
                         (dialog.link_edit, dialog.link_reveal)):
        assert edit.echoMode() == QLineEdit.EchoMode.Password
        assert reveal in edit.actions() and reveal.text() == "Show the key"
        reveal.trigger()
        assert edit.echoMode() == QLineEdit.EchoMode.Normal
        assert reveal.text() == "Hide the key"
        reveal.trigger()
        assert edit.echoMode() == QLineEdit.EchoMode.Password
