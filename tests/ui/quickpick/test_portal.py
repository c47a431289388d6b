"""Quick pick on Wayland with the desktop's GlobalShortcuts portal (the controller and the
settings section with a stand-in portal client; the real portal is in
tests/desktop/test_shortcuts_portal.py): the configured shortcut is asked for in the
portal's syntax, an activation opens the box, the settings say which mechanism carries the
shortcut, and without the portal they explain the desktop's own custom shortcuts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence

from authenticator.ui.quickpick.backends import Session
from authenticator.ui.quickpick.keys import parse_shortcut, portal_trigger
from authenticator.ui.quickpick.settings_section import QuickPickSettings
from tests.helpers.gui import create_vault
from tests.helpers.quickpick import GITHUB, GITLAB, expected_code, labels, make_pick


@pytest.mark.parametrize(("text", "trigger"), [
    ("Ctrl+Alt+O", "CTRL+ALT+o"),
    ("Meta+Shift+F5", "SHIFT+LOGO+F5"),
    ("Alt+PgDown", "ALT+Next"),
    ("Ctrl+Alt+Space", "CTRL+ALT+space"),
])
def test_portal_trigger_follows_the_shortcuts_spec(text, trigger):
    assert portal_trigger(parse_shortcut(text)) == trigger


def section_for(qtbot, pick) -> QuickPickSettings:
    section = QuickPickSettings(pick)
    qtbot.addWidget(section)
    section.show()
    return section


def test_wayland_binds_through_the_portal_and_activation_opens_the_box(qtbot, window,
                                                                      timebase):
    create_vault(qtbot, window)
    window.session.add_many([GITHUB, GITLAB])
    pick = make_pick(window, Session.WAYLAND, portal="active")
    qtbot.waitUntil(lambda: pick.portal is not None and pick.portal.state == "active")
    assert pick.portal.started == [("CTRL+ALT+o", "Show the quick pick box of Authenticator")]
    assert pick.mechanism == "portal"
    section = section_for(qtbot, pick)
    assert "GlobalShortcuts portal" in section.mechanism.text()
    assert "Ctrl+Alt+o" in section.status.text()  # what the desktop says it bound
    assert section.keys.isVisible() and section.enabled.isVisible()
    pick.portal.activated.emit()  # the desktop saw the keys
    box = pick.box
    qtbot.waitExposed(box)
    qtbot.waitUntil(lambda: box.field.hasFocus())
    qtbot.keyClicks(box.field, "hub")
    assert labels(box) == ["GitHub"]
    qtbot.keyClick(box.field, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == expected_code(GITHUB, timebase.now())
    pick.close()
    assert pick.portal.closed == 1  # the session ends with the app


def test_a_new_shortcut_rebinds_and_off_closes_the_session(qtbot, window):
    pick = make_pick(window, Session.WAYLAND, portal="active")
    qtbot.waitUntil(lambda: pick.portal is not None and pick.portal.state == "active")
    section = section_for(qtbot, pick)
    section.keys.setKeySequence(QKeySequence("Ctrl+Shift+F7"))
    section.save()
    assert pick.portal.started[-1][0] == "CTRL+SHIFT+F7"
    section.save()  # same key: no new request to the desktop
    assert len(pick.portal.started) == 2
    section.enabled.setChecked(False)
    section.save()
    assert pick.portal.closed == 1 and pick.mechanism == "none"
    assert "Off" in section.status.text() and section.enabled.isVisible()
    pick.close()


def test_without_the_portal_the_settings_explain_the_custom_shortcut(qtbot, window):
    pick = make_pick(window, Session.WAYLAND, portal="unavailable")
    qtbot.waitUntil(lambda: pick.portal is not None and pick.portal.state == "unavailable")
    section = section_for(qtbot, pick)
    text = section.status.text()
    assert "authenticator pick" in text and "GNOME" in text and "KDE Plasma" in text
    assert "none registered" in section.mechanism.text() and pick.mechanism == "none"
    assert not section.keys.isVisible()  # nothing here could bind a key
    pick.close()


def test_a_refusal_says_so_and_still_explains_the_custom_shortcut(qtbot, window):
    pick = make_pick(window, Session.WAYLAND, portal="refused")
    qtbot.waitUntil(lambda: pick.portal is not None and pick.portal.state == "refused")
    section = section_for(qtbot, pick)
    text = section.status.text()
    assert text.startswith("The desktop did not register the shortcut.")
    assert "authenticator pick" in text and "GNOME" in text
    assert section.keys.isVisible()  # another key may be accepted
    pick.close()


def test_x11_says_it_grabs_the_key(qtbot, window):
    from authenticator.ui.quickpick.controller import QuickPick

    class Grab:
        def stop(self) -> None:
            pass

    pick = QuickPick(window, session_kind=Session.X11, hotkey_factory=lambda *a: Grab(),
                     input_factory=lambda kind: None, register_delay_ms=0)
    qtbot.waitUntil(lambda: pick.mechanism == "x11")
    assert "X server" in section_for(qtbot, pick).mechanism.text()
    pick.close()
