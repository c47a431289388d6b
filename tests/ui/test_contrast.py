"""Every text reaches 4.5:1 and every control outline 3:1, in the light and dark themes,
measured on what is painted (palette and style sheets as applied)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from authenticator.core.account import Account
from authenticator.ui.common.contrast import audit_outlines, audit_text, contrast
from authenticator.ui.common.theme import apply_theme
from authenticator.ui.common.widgets import BANNER_COLOURS, Banner
from authenticator.ui.enroll.dialog import EnrollDialog, Route
from authenticator.ui.settings.dialog import SettingsDialog
from tests.helpers.gui import create_vault


def test_wcag_maths():
    assert contrast(QColor("#000000"), QColor("#FFFFFF")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#FFFFFF")) == pytest.approx(4.48, abs=0.01)
    for dark, table in BANNER_COLOURS.items():
        for kind, (background, text, _border) in table.items():
            assert contrast(QColor(text), QColor(background)) >= 4.5, (dark, kind)


@pytest.fixture(params=["light", "dark"])
def theme(request, qapp) -> Iterator[str]:
    palette, style = qapp.palette(), qapp.style().name()
    apply_theme(qapp, request.param)
    yield request.param
    qapp.setStyle(style)
    qapp.setPalette(palette)


def problems(widget) -> list[str]:
    QApplication.processEvents()
    return [str(f) for f in audit_text(widget) + audit_outlines(widget)]


def test_main_window_welcome_list_and_banners(qtbot, theme, window):
    assert problems(window) == []  # the welcome page
    create_vault(qtbot, window)
    window.session.add_many([Account(secret=b"12345678901234567890", issuer="GitHub",
                                     name="alice@example.com")])
    for kind in ("info", "warning", "error"):
        banner = Banner(kind)
        banner.label.setText(f"A {kind} banner with some words")
        banner.add_button("&Act", lambda: None)
        window.codes.banners.addWidget(banner)
        banner.show()
    assert problems(window) == []


def test_settings_dialog(qtbot, theme, window):
    dialog = SettingsDialog(window.settings, window, sections=window.settings_sections(),
                            vault_path=window.session.path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert problems(dialog) == []


def test_add_dialog_every_route_and_the_key_error(qtbot, theme, timebase):
    dialog = EnrollDialog(timebase.now, lambda accounts: accounts, None,
                          list_cameras=lambda: [])
    qtbot.addWidget(dialog)
    dialog.show()
    for route in Route:
        dialog.show_route(route)
        assert problems(dialog) == [], route
    qtbot.keyClicks(dialog.form.key, "JBSW 1")  # the red explanation
    assert "perhaps" in dialog.form.status.text()
    assert problems(dialog) == []


def test_edit_dialog_with_the_key_form_open(qtbot, theme, timebase):
    from authenticator.ui.common.account_form import EditAccountDialog

    dialog = EditAccountDialog(Account(secret=b"12345678901234567890", issuer="GitHub",
                                       name="alice"),
                               verify_password=lambda _p: True, now=timebase.now)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.key_edit.toggle.setChecked(True)
    assert problems(dialog) == []  # the password gate
    dialog.key_edit._checked(False)  # a wrong password: the red line
    assert problems(dialog) == []
    dialog.key_edit._checked(True)
    assert problems(dialog) == []


def test_error_labels_read_in_both_themes(qtbot, theme, window):
    """The one error look (ui/common/widgets.error_label), on the unlock page and in a
    transfer dialog, measured as painted."""
    from authenticator.ui.common.widgets import error_label
    from authenticator.ui.transfer.common import message_label

    create_vault(qtbot, window)
    window.lock()
    page = window.unlock_page
    page.show_error("wrong password, or the vault file was modified")
    assert problems(window) == []
    for label in (error_label(), message_label()):
        qtbot.addWidget(label)
        label.setText("Could not save the vault: the disk is full.")
        label.show()
        qtbot.waitExposed(label)
        assert problems(label) == []
        label.clear()
        assert label.styleSheet() == ""  # no empty red box
