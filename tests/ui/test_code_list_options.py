"""The code list's own options (``ui/codes``: gestures, privacy mode, icon packs) alone on
the fake host: they reach the list only through ``Host.code_list`` (the fake's is a real
list widget and search field). What the person sees on the window's painted rows is in
test_gestures.py, test_privacy.py and test_icon_packs.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from authenticator.core import options
from authenticator.core.account import Account
from authenticator.ui.codes import gestures, icon_packs, privacy
from authenticator.ui.settings.dialog import SettingsDialog
from tests.helpers.icons import make_pack, png


def row_point(host, row: int) -> QPoint:
    return host.code_list.view.visualItemRect(host.code_list.view.item(row)).center()


@pytest.fixture
def listed(qtbot, fake_host):
    fake_host.code_list.show_rows("GitHub", "Google", "Amazon")
    return fake_host


# -- gestures ---------------------------------------------------------------------------------
def test_a_click_copies_the_row_unless_the_setting_asks_for_a_double_click(qtbot, listed):
    gestures.install(listed)
    codes, viewport = listed.code_list, listed.code_list.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=row_point(listed, 1))
    assert codes.copied == [1]
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=row_point(listed, 1))
    assert codes.copied == [1]  # in "click" mode a double click copies nothing more
    listed.settings.set(options.COPY_GESTURE, gestures.DOUBLE_CLICK)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=row_point(listed, 2))
    assert codes.copied == [1] and codes.view.currentRow() == 2  # only selected
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=row_point(listed, 2))
    assert codes.copied == [1, 2]


def test_the_gesture_section_saves_the_choice(qtbot, fake_host):
    gestures.install(fake_host)
    dialog = SettingsDialog(fake_host.settings, fake_host,
                            sections=fake_host.settings_sections())
    qtbot.addWidget(dialog)
    section = next(s for s in dialog.sections if isinstance(s, gestures.CopyGestureSection))
    assert section.gesture.currentData() == gestures.CLICK
    section.gesture.setCurrentIndex(section.gesture.findData(gestures.DOUBLE_CLICK))
    dialog.save()
    assert fake_host.settings.get(options.COPY_GESTURE) == gestures.DOUBLE_CLICK


def test_typing_in_the_list_goes_to_the_search_field_but_shortcuts_do_not(qtbot, listed):
    gestures.install(listed)
    codes = listed.code_list
    codes.view.setFocus()
    qtbot.keyClick(codes.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(codes.view, Qt.Key.Key_Space)
    qtbot.keyClick(codes.view, Qt.Key.Key_Down)
    assert codes.search.text() == "" and codes.view.hasFocus()
    qtbot.keyClicks(codes.view, "go")
    assert codes.search.text() == "go" and codes.search.hasFocus()
    assert codes.copied == []


# -- privacy mode -----------------------------------------------------------------------------
def shown(host, *states: QStyle.StateFlag) -> bool:
    """Whether the privacy rule lets a row in these view states show its code."""
    option = QStyleOptionViewItem()
    option.state = QStyle.StateFlag.State_Enabled
    for state in states:
        option.state |= state
    rule = host.code_list.rule
    return rule is None or rule(None, option)


def test_hide_codes_shows_a_code_only_on_the_row_pointed_at_or_selected(qtbot, fake_host):
    privacy.install(fake_host)
    codes = fake_host.code_list
    assert shown(fake_host) and codes.revealed  # off by default
    painted = len(codes.repaints)
    fake_host.settings.set(privacy.HIDE_CODES, True)
    assert len(codes.repaints) > painted  # applied at once
    assert not shown(fake_host)
    assert shown(fake_host, QStyle.StateFlag.State_MouseOver)
    assert shown(fake_host, QStyle.StateFlag.State_Selected)
    fake_host.settings.set(privacy.HIDE_CODES, False)
    assert shown(fake_host)


def test_codes_turn_to_dots_while_another_window_is_active(qtbot, fake_host):
    privacy.install(fake_host)
    codes = fake_host.code_list
    fake_host.settings.set(privacy.HIDE_UNFOCUSED, True)
    assert fake_host.is_active() and codes.revealed
    other = SettingsDialog(fake_host.settings)  # another window takes the focus
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitActive(other)
    qtbot.waitUntil(lambda: not codes.revealed)
    other.close()
    fake_host.activateWindow()
    qtbot.waitActive(fake_host)
    qtbot.waitUntil(lambda: codes.revealed)
    other.show()
    other.activateWindow()
    qtbot.waitActive(other)
    fake_host.settings.set(privacy.HIDE_UNFOCUSED, False)  # off: shown in the background
    assert codes.revealed


def test_capture_exclusion_asks_for_the_window_and_remembers_the_answer(qtbot, fake_host,
                                                                         monkeypatch):
    calls = []
    monkeypatch.setattr(privacy, "capture_exclusion_supported", lambda: True)
    monkeypatch.setattr(privacy, "set_capture_excluded",
                        lambda window, on: calls.append((window, on)) or True)
    mode = privacy.install(fake_host)
    assert calls == [] and not mode.capture_excluded  # off by default: nothing asked
    fake_host.settings.set(privacy.EXCLUDE_CAPTURE, True)
    assert calls == [(fake_host, True)] and mode.capture_excluded
    fake_host.settings.set(privacy.HIDE_CODES, True)
    assert len(calls) == 1  # not asked again while nothing changed
    fake_host.settings.set(privacy.EXCLUDE_CAPTURE, False)
    assert calls[-1] == (fake_host, False) and not mode.capture_excluded


# -- icon packs -------------------------------------------------------------------------------
def painted_colour(host, account: Account) -> tuple[bool, str]:
    """What the icon painter the feature gave the list paints for ``account``."""
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter_fn = host.code_list.icon_painter
    done = painter_fn is not None and painter_fn(painter, QRect(0, 0, 64, 64), account)
    painter.end()
    return done, image.pixelColor(32, 32).name()


def test_an_imported_pack_paints_its_icon_and_repaints_the_rows(qtbot, fake_host, tmp_path):
    packs = icon_packs.install(fake_host)
    assert packs.action in fake_host.menu_actions
    bank = Account(secret=b"12345678901234567890", issuer="Example Bank", name="me")
    assert painted_colour(fake_host, bank) == (False, "#ffffff")  # no pack yet
    packs.import_pack(make_pack(tmp_path / "pack.zip"))
    qtbot.waitUntil(lambda: bool(fake_host.notices), timeout=10_000)
    assert fake_host.last_notice() == "Icon pack “Test icons” added (1 icon)"
    assert fake_host.code_list.repaints[-1] is True  # not from the cached row images
    assert packs.folder == fake_host.session.path.parent / "icon-packs"
    assert painted_colour(fake_host, bank) == (True, "#00aa00")
    other = Account(secret=b"12345678901234567890", issuer="Elsewhere", name="me")
    assert painted_colour(fake_host, other) == (False, "#ffffff")


def test_the_row_menu_sets_and_removes_an_account_icon(qtbot, fake_host, tmp_path):
    packs = icon_packs.install(fake_host)
    fake_host.create_vault(qtbot)
    fake_host.session.add_many([Account(secret=b"12345678901234567890", issuer="My VPN")])
    account = fake_host.session.accounts()[0]
    texts = [a.text().replace("&", "") for a in fake_host.row_menu(account).actions()]
    assert "Set icon from an image…" in texts and "Remove the custom icon" not in texts
    picture = tmp_path / "logo.png"
    picture.write_bytes(png("#CC2200"))
    packs.choose_icon(account.id, picture)
    qtbot.waitUntil(lambda: bool(fake_host.session.accounts()[0].icon), timeout=10_000)
    account = fake_host.session.accounts()[0]
    assert painted_colour(fake_host, account) == (True, "#cc2200")
    remove = next(a for a in fake_host.row_menu(account).actions()
                  if a.text() == "Remove the custom icon")
    remove.trigger()
    assert fake_host.session.accounts()[0].icon == ""
