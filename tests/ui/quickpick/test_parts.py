"""The quick pick's parts: ranking, shortcut parsing, the single-instance protocol, the
tray's favourites, the settings section, and python-xlib loaded only when needed."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtGui import QGuiApplication

from authenticator.core.account import Account
from authenticator.core.otp import code_at
from authenticator.core.quickpick import matches, rank
from authenticator.ui.platform.single_instance import PICK, SingleInstance, notify_running
from authenticator.ui.quickpick.backends import Session, detect_session
from authenticator.ui.quickpick.keys import DEFAULT_SHORTCUT, Combo, ShortcutError, parse_shortcut
from tests.helpers.gui import create_vault
from tests.helpers.quickpick import DROPBOX, GITHUB, GITLAB, GOOGLE, make_pick, menu_letters

A = Account(secret=b"a" * 20, issuer="GitHub", name="alice", tags=("work",))
B = Account(secret=b"b" * 20, issuer="GitLab", name="bob", last_used=100.0)
C = Account(secret=b"c" * 20, issuer="Google", name="carol", favorite=True)
D = Account(secret=b"d" * 20, issuer="Bank", name="dave", last_used=200.0)


def test_rank_puts_favourites_then_recent_first_and_filters_every_word():
    assert rank([A, B, C, D], "") == [C, D, B, A]
    assert rank([A, B, C, D], "git") == [B, A]
    assert rank([A, B, C, D], "GIT ALI") == [A]
    assert rank([A, B, C, D], "work") == [A]  # tags count
    assert rank([A, B, C, D], "", limit=2) == [C, D]
    assert not matches(A, "gitlab")


@pytest.mark.parametrize(("text", "mods", "key"), [
    ("Ctrl+Alt+O", {"ctrl", "alt"}, "o"),
    ("Meta+Shift+F5", {"meta", "shift"}, "f5"),
    ("Alt+Space", {"alt"}, "space"),
    ("F9", set(), "f9"),
])
def test_shortcuts_parse(text, mods, key):
    combo = parse_shortcut(text)
    assert combo == Combo(frozenset(mods), key)


def test_shortcut_key_names_for_x11_and_windows():
    assert parse_shortcut("Ctrl+Alt+O").x11_keysym_name == "o"
    assert parse_shortcut("Ctrl+Alt+O").windows_vk == ord("O")
    assert parse_shortcut("Ctrl+F5").x11_keysym_name == "F5"
    assert parse_shortcut("Ctrl+F5").windows_vk == 0x74
    assert parse_shortcut("Alt+PgDown").x11_keysym_name == "Next"
    assert parse_shortcut(DEFAULT_SHORTCUT) == Combo(frozenset({"ctrl", "alt"}), "o")


@pytest.mark.parametrize("text", ["", "O", "Shift+O", "Ctrl+Alt+O, Ctrl+B", "Hyper+O",
                                  "Ctrl+Ä", "Ctrl+Alt+Volume Up"])
def test_unusable_shortcuts_are_refused_with_a_reason(text):
    with pytest.raises(ShortcutError):
        parse_shortcut(text)


def test_session_detection(monkeypatch):
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    monkeypatch.setenv("DISPLAY", ":5")
    assert detect_session("xcb") is Session.X11
    assert detect_session("offscreen") is Session.OTHER
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")  # Xwayland: keys of X11 windows only
    assert detect_session("xcb") is Session.WAYLAND


def test_single_instance_pick_and_raise(qtbot, tmp_path):
    name = f"authenticator-test-{tmp_path.name}"
    instance = SingleInstance(name)
    assert instance.listen()
    try:
        with qtbot.waitSignal(instance.pick_requested, timeout=5000):
            assert notify_running(name, message=PICK)
        with qtbot.waitSignal(instance.raise_requested, timeout=5000):
            assert notify_running(name)  # what every older version sends
        picks: list[int] = []
        instance.pick_requested.connect(lambda: picks.append(1))
        with qtbot.waitSignal(instance.raise_requested, timeout=5000):
            notify_running(name, message=b"\xff\x00nonsense\npic")  # then "k" never comes
            notify_running(name, message=b"x" * 100_000 + b"\npick\n")  # dropped: too long
            notify_running(name, message=b"\traise  \n")
        assert picks == []  # garbage is ignored, nothing crashes
    finally:
        instance.close()
    assert not notify_running(name)


def test_tray_lists_favourites_and_a_click_copies(qtbot, window, timebase):
    from authenticator.ui.platform.tray import Tray

    create_vault(qtbot, window)
    window.session.add_many([GITHUB, GITLAB.evolve(favorite=True), GOOGLE,
                             DROPBOX.evolve(favorite=True)])
    tray = Tray(window)
    tray.fill_favourites()
    assert [a.text() for a in tray.favourite_actions] == ["GitLab (bob)", "Dropbox (dave)"]
    entries = [a for a in tray.menu.actions() if not a.isSeparator()]
    assert entries[0] is tray.favourites_title and entries[1:3] == tray.favourite_actions
    tray.favourite_actions[1].trigger()
    assert QGuiApplication.clipboard().text() == code_at(DROPBOX, timebase.now())
    window.lock()
    tray.fill_favourites()
    assert tray.favourite_actions == [] and "unlock" in tray.favourites_title.text()


def test_settings_section_on_wayland_explains_the_desktop_shortcut(qtbot, fake_host):
    from authenticator.ui.settings.dialog import SettingsDialog

    pick = make_pick(fake_host, Session.WAYLAND)
    dialog = SettingsDialog(fake_host.settings, fake_host,
                            sections=fake_host.settings_sections())
    qtbot.addWidget(dialog)
    section = next(s for s in dialog.sections if getattr(s, "pick", None) is pick)
    text = section.status.text()
    assert "authenticator pick" in text and "GNOME" in text and "KDE" in text
    assert not section.types.isEnabled() and "Wayland" in section.types_note.text()
    pick.close()


def test_settings_section_saves_the_shortcut_and_re_registers(qtbot, fake_host):
    from PySide6.QtGui import QKeySequence

    from authenticator.ui.quickpick.controller import QuickPick
    from authenticator.ui.quickpick.settings_section import QuickPickSettings

    registered: list[Combo] = []

    class FakeHotkey:
        def stop(self) -> None:
            registered.append(Combo(frozenset(), "stopped"))

    def hotkey(kind, combo, on_press):
        registered.append(combo)
        return FakeHotkey()

    pick = QuickPick(fake_host, session_kind=Session.X11, hotkey_factory=hotkey,
                     input_factory=lambda kind: None, register_delay_ms=0)
    qtbot.waitUntil(lambda: registered != [])
    assert registered == [parse_shortcut(DEFAULT_SHORTCUT)]
    section = QuickPickSettings(pick)
    qtbot.addWidget(section)
    section.keys.setKeySequence(QKeySequence("Ctrl+Shift+F7"))
    section.save()
    assert fake_host.settings.get("pick_shortcut") == "Ctrl+Shift+F7"
    assert registered[-1] == parse_shortcut("Ctrl+Shift+F7")
    section.enabled.setChecked(False)
    section.save()
    assert pick.registered_shortcut == ""
    pick.close()


def test_a_taken_shortcut_is_reported_in_the_settings(qtbot, fake_host):
    from authenticator.ui.quickpick.backends import BackendError
    from authenticator.ui.quickpick.controller import QuickPick
    from authenticator.ui.quickpick.settings_section import QuickPickSettings

    def taken(kind, combo, on_press):
        raise BackendError("another program already uses this shortcut")

    pick = QuickPick(fake_host, session_kind=Session.X11, hotkey_factory=taken,
                     input_factory=lambda kind: None, register_delay_ms=0)
    qtbot.waitUntil(lambda: pick.shortcut_error is not None)
    section = QuickPickSettings(pick)
    qtbot.addWidget(section)
    assert "another program already uses this shortcut" in section.status.text()
    pick.close()


def test_xlib_is_not_imported_at_start_up():
    code = ("import sys\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from authenticator.ui import app as gui, main_window\n"
            "import authenticator.ui.quickpick, authenticator.ui.quickpick.controller\n"
            "import authenticator.cli.main\n"
            "print(sorted(m for m in sys.modules if m.startswith(('Xlib', 'pynput', 'win32'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
                         check=True, timeout=60)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_menu_entry_has_its_own_accelerator(qtbot, qapp, language, app_settings, timebase,
                                            vault_path):
    from authenticator.storage.kdf import KdfParams
    from authenticator.ui.common.session import VaultSession
    from authenticator.ui.platform.translations import install_translator
    from tests.helpers.windows import make_window

    install_translator(qapp, language)
    try:
        win = make_window(VaultSession(vault_path, kdf=KdfParams.for_tests()), app_settings,
                          timebase)  # every feature installed, quick pick included
        qtbot.addWidget(win)
        assert win.features.quickpick.action in win.main_menu.actions()
        letters = menu_letters(win)
        assert len(letters) == len(set(letters)), letters
    finally:
        install_translator(qapp, "en")
