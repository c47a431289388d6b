"""The quick pick shortcut through the REAL xdg-desktop-portal frontend (GlobalShortcuts) and
a test backend where KDE's or GNOME's would be (``fake_shortcuts_backend.py``).

First the client alone (in this process, offscreen): it binds "quick-pick" with the
configured key as preferred trigger, an activation reaches it, quitting closes the session,
a refusal and a desktop without the interface (or without any portal) are reported. Then
the whole app under headless sway: the desktop's key opens the box, typed letters filter,
Enter copies the code; and without the interface the settings explain the custom shortcut.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from authenticator.ui.quickpick.portal_shortcut import PortalShortcut, State
from tests.desktop.session import SWAY_PROGRAMS, XDP, missing_programs, wait_for
from tests.desktop.shortcuts import ShortcutsPortal, sway_with_shortcuts

HERE = Path(__file__).parent
missing = missing_programs(("dbus-daemon", "dbus-send", XDP))
pytestmark = pytest.mark.skipif(bool(missing), reason="needs " + ", ".join(missing)
                                + " (Debian: dbus xdg-desktop-portal)")
DESCRIPTION = "Show the quick pick box of Authenticator"


@pytest.fixture
def desktop(request):
    portal = ShortcutsPortal(getattr(request, "param", "bind"))
    yield portal
    portal.stop()


def client(qtbot, desktop: ShortcutsPortal) -> PortalShortcut:
    shortcut = PortalShortcut(connect=desktop.connect, timeout_ms=10_000)
    shortcut.start("CTRL+ALT+o", DESCRIPTION)
    qtbot.waitUntil(lambda: shortcut.state is not State.STARTING, timeout=15_000)
    return shortcut


def test_binds_through_the_portal_and_hears_the_key(qtbot, desktop):
    shortcut = client(qtbot, desktop)
    assert shortcut.state is State.ACTIVE, (shortcut.detail, desktop.processes.logs())
    assert desktop.backend is not None
    (bind,) = desktop.backend.calls_named("BindShortcuts")
    assert bind["shortcuts"] == [["quick-pick", {"description": DESCRIPTION,
                                                 "preferred_trigger": "CTRL+ALT+o"}]]
    assert bind["session"] == shortcut.session_handle
    assert shortcut.trigger_description == "Ctrl+Alt+O (fake desktop)"
    with qtbot.waitSignal(shortcut.activated, timeout=10_000):
        assert desktop.backend.press() == 1
    with qtbot.assertNotEmitted(shortcut.activated, wait=300):
        desktop.backend.press("something-else")  # not ours: ignored (no session has it)
    session = shortcut.session_handle
    shortcut.close()
    wait_for(lambda: bool(desktop.backend.calls_named("Session.Close")), "Session.Close",
             logs=desktop.processes.logs)
    assert desktop.backend.calls_named("Session.Close") == [{"call": "Session.Close",
                                                             "session": session}]
    assert shortcut.state is State.CLOSED


def test_a_new_key_ends_the_session_of_the_old_one(qtbot, desktop):
    shortcut = client(qtbot, desktop)
    first = shortcut.session_handle
    shortcut.start("CTRL+SHIFT+F7", DESCRIPTION)  # the user chose another key
    qtbot.waitUntil(lambda: shortcut.state is State.ACTIVE, timeout=15_000)
    assert desktop.backend is not None
    assert [c["shortcuts"][0][1]["preferred_trigger"]
            for c in desktop.backend.calls_named("BindShortcuts")] == ["CTRL+ALT+o",
                                                                      "CTRL+SHIFT+F7"]
    wait_for(lambda: bool(desktop.backend.calls_named("Session.Close")), "Session.Close")
    assert [c["session"] for c in desktop.backend.calls_named("Session.Close")] == [first]
    with qtbot.waitSignal(shortcut.activated, timeout=10_000):
        assert desktop.backend.press() == 1  # only the new session has it now
    shortcut.close()


@pytest.mark.parametrize("desktop", ["deny", "cancel"], indirect=True)
def test_a_desktop_that_refuses_is_reported(qtbot, desktop):
    shortcut = client(qtbot, desktop)
    assert shortcut.state is State.REFUSED
    assert desktop.backend is not None and desktop.backend.calls_named("BindShortcuts")
    assert shortcut.detail in ("response 1", "response 2")
    shortcut.close()


def test_a_portal_without_global_shortcuts_is_unavailable(qtbot):
    desktop = ShortcutsPortal(None)  # the real frontend, but no backend offers the interface
    try:
        shortcut = client(qtbot, desktop)
        assert shortcut.state is State.UNAVAILABLE
        shortcut.close()
    finally:
        desktop.stop()


def test_no_portal_at_all_is_unavailable(qtbot):
    desktop = ShortcutsPortal(None, portal=False)
    try:
        shortcut = client(qtbot, desktop)
        assert shortcut.state is State.UNAVAILABLE
        assert "ServiceUnknown" in shortcut.detail
    finally:
        desktop.stop()


def test_no_session_bus_is_unavailable(qtbot):
    def no_bus() -> object:
        raise FileNotFoundError("no bus")

    shortcut = PortalShortcut(connect=no_bus)
    shortcut.start("CTRL+ALT+o", DESCRIPTION)
    qtbot.waitUntil(lambda: shortcut.state is not State.STARTING)
    assert shortcut.state is State.UNAVAILABLE


# -- the whole app under headless sway --------------------------------------------------
sway_missing = missing_programs(SWAY_PROGRAMS)
needs_sway = pytest.mark.skipif(bool(sway_missing), reason="needs " + ", ".join(sway_missing))


def drive(session, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(HERE / "drive_quick_pick.py"), *args],
                            env={**session.env, "TMPDIR": str(session.folder)},
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def read_json(proc: subprocess.Popen[str]) -> dict[str, object]:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        proc.wait(10)
        raise AssertionError(proc.stderr.read()[-3000:] if proc.stderr else "no output")
    return json.loads(line)


@needs_sway
def test_the_desktops_key_opens_the_box_and_enter_copies_under_sway():
    session, backend = sway_with_shortcuts("bind")
    proc = None
    try:
        assert backend is not None
        proc = drive(session, "hub")
        ready = read_json(proc)
        assert ready["platform"] == "wayland" and ready["mechanism"] == "portal", (
            ready, session.processes.logs())
        assert "GlobalShortcuts portal" in ready["mechanism_text"]
        (bind,) = backend.calls_named("BindShortcuts")
        assert bind["shortcuts"] == [["quick-pick", {"description": DESCRIPTION,
                                                     "preferred_trigger": "CTRL+ALT+o"}]]
        assert backend.press() == 1  # the desktop saw Ctrl+Alt+O
        result = read_json(proc)
        assert result["box_visible"] and result["labels_before"] == ["GitHub", "GitLab"]
        assert result["labels_after"] == ["GitHub"]  # "hub" typed into the box
        assert result["copied"] == result["expected"] and len(result["copied"]) == 6
        assert result["box_hidden_after_enter"]
        # sway shows it over the other windows, with the keyboard focus
        assert result["compositor"] == {"mapped": True, "focused": True, "floating": True}
        assert proc.stdin is not None
        proc.stdin.write("quit\n")
        proc.stdin.flush()
        assert proc.wait(30) == 0, proc.stderr.read()[-2000:] if proc.stderr else ""
        wait_for(lambda: bool(backend.calls_named("Session.Close")), "Session.Close")
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait(10)
        session.stop()


@needs_sway
def test_without_the_interface_the_settings_explain_the_custom_shortcut_under_sway():
    session, _backend = sway_with_shortcuts(None)  # xdg-desktop-portal-wlr only
    proc = None
    try:
        proc = drive(session, "--settings")
        report = read_json(proc)
        assert report["platform"] == "wayland" and report["mechanism"] == "none", report
        assert report["portal_state"] == "unavailable"
        text = report["status_text"]
        assert "authenticator pick" in text and "GNOME" in text and "KDE Plasma" in text
        assert not report["keys_visible"]
        rc = proc.wait(30)
        assert rc == 0, (rc, proc.stderr.read()[-2000:] if proc.stderr else "")
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait(10)
        session.stop()
