"""Quick pick on a real X server (Xvfb, openbox), the app in its own process, as a user
has it: the global shortcut pressed with xdotool opens the box; "type it for me" types
the code into another program's text field; `authenticator pick` with the app running,
hidden in the tray, and not running."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest

from authenticator.core.account import Account, encode_base32
from authenticator.storage.kdf import KdfParams
from authenticator.storage.vault import Vault
from authenticator.ui.platform.check import x11_problem
from authenticator.ui.quickpick.box import TITLE as BOX
from tests.ui.quickpick.xsession import XSession, missing_programs, wait_for, x_session

XCB_PROBLEM = x11_problem({"QT_QPA_PLATFORM": "xcb"}) if sys.platform == "linux" else None
pytestmark = [
    pytest.mark.skipif(sys.platform != "linux" or bool(missing_programs("Xvfb", "xdotool")),
                       reason="needs Xvfb and xdotool (apt-get install xvfb xdotool)"),
    pytest.mark.skipif(XCB_PROBLEM is not None, reason=f"Qt's xcb platform: {XCB_PROBLEM}"),
]

PASSWORD = "quick pick password"
GITHUB = Account(secret=b"github-key-0123456789", issuer="GitHub", name="alice")
GITLAB = Account(secret=b"gitlab-key-0123456789", issuer="GitLab", name="bob")
MAIN = "^Authenticator$"
SHORTCUT = "ctrl+alt+o"


def codes_now(account: Account) -> set[str]:
    """The code now and the one before (the step may have just rolled over)."""
    totp = pyotp.TOTP(encode_base32(account.secret))
    now = time.time()
    return {totp.at(int(now)), totp.at(int(now) - 30)}


@pytest.fixture
def xs() -> Iterator[XSession]:
    try:
        with x_session() as session:
            vault_path = session.dir / "vault.authvault"
            vault = Vault.create(vault_path, PASSWORD, kdf=KdfParams.for_tests())
            vault.add(GITHUB)
            vault.add(GITLAB)
            vault.save()
            vault.close()
            session.env["AUTHENTICATOR_VAULT"] = str(vault_path)
            yield session
    except RuntimeError as exc:
        pytest.skip(str(exc))


def started(xs: XSession, *args: str, window: bool = True) -> subprocess.Popen[bytes]:
    app = xs.app(*args)
    if window:
        wait_for(lambda: xs.windows(MAIN), what="the main window")
    return app


def press_until_box(xs: XSession) -> str:
    """Press the global shortcut until the box shows (the app registers it just after
    its window appears)."""
    def attempt() -> list[str]:
        xs.xdotool("key", SHORTCUT)
        return xs.windows(BOX) or wait_box(xs, 0.5)

    box = str(wait_for(attempt, what="the quick pick box after the shortcut")[0])
    wait_active(xs, box)
    return box


def wait_active(xs: XSession, window: str) -> None:
    """Keys typed from now on go to ``window``."""
    wait_for(lambda: xs.xdotool("getactivewindow") == window, what=f"window {window} active")


def wait_box(xs: XSession, timeout: float = 15.0) -> list[str]:
    try:
        return list(wait_for(lambda: xs.windows(BOX), timeout, what="the box"))
    except AssertionError:
        if timeout < 1:
            return []
        raise


def unlock_in_box(xs: XSession, box: str) -> None:
    wait_active(xs, box)
    locked_height = xs.height(box)
    xs.xdotool("type", "--delay", "15", PASSWORD)
    xs.xdotool("key", "Return")
    # Unlocked: the box grows to show the matches under the line.
    wait_for(lambda: xs.height(box) > locked_height + 20, what="the box to unlock")


def test_the_global_shortcut_opens_the_box_and_escape_closes_it(xs):
    app = started(xs)
    press_until_box(xs)  # ... and it has the keyboard
    xs.xdotool("key", "Escape")
    wait_for(lambda: not xs.windows(BOX), what="the box to close")
    assert app.poll() is None
    # Again with Num Lock on, with Caps Lock on, and with both: the grab covers them.
    for locks in (["Num_Lock"], ["Caps_Lock"], ["Num_Lock", "Caps_Lock"]):
        for key in locks:
            xs.xdotool("key", key)
        press_until_box(xs)
        xs.xdotool("key", "Escape")
        wait_for(lambda: not xs.windows(BOX), what="the box to close")
        for key in locks:
            xs.xdotool("key", key)


class Target:
    """The other program, with the focus."""

    def __init__(self, xs: XSession) -> None:
        self.proc = xs.start([sys.executable, str(Path(__file__).with_name("target_app.py"))],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self.proc.stdout is not None and self.proc.stdin is not None
        assert self.proc.stdout.readline().strip() == b"ready"
        self.window = str(wait_for(lambda: xs.windows("^Target field$"),
                                   what="the target window")[0])
        xs.xdotool("windowactivate", "--sync", self.window)
        wait_for(lambda: xs.xdotool("getactivewindow") == self.window,
                 what="the target to be active")

    def ask(self, command: str) -> str:
        assert self.proc.stdout is not None and self.proc.stdin is not None
        self.proc.stdin.write(command.encode() + b"\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().decode().strip()


def test_enter_copies_and_the_focus_goes_back(xs):
    started(xs)
    target = Target(xs)
    box = press_until_box(xs)
    unlock_in_box(xs, box)
    xs.xdotool("type", "--delay", "15", "lab")
    xs.xdotool("key", "Return")
    wait_for(lambda: not xs.windows(BOX), what="the box to close")
    wait_for(lambda: xs.xdotool("getactivewindow") == target.window, what="the focus back")
    assert target.ask("clipboard") in codes_now(GITLAB)  # the X clipboard, another process
    assert target.ask("text") == ""  # copied, not typed
    # Esc: nothing copied or typed, and the focus is back too.
    box = press_until_box(xs)
    xs.xdotool("key", "Escape")
    wait_for(lambda: not xs.windows(BOX), what="the box to close")
    wait_for(lambda: xs.xdotool("getactivewindow") == target.window, what="the focus back")
    assert target.ask("text") == ""


def test_type_it_for_me_types_the_code_into_the_other_programs_field(xs):
    started(xs)
    target = Target(xs)
    field = target.window

    box = press_until_box(xs)
    unlock_in_box(xs, box)  # the vault was locked: the box asked for the password first
    xs.xdotool("type", "--delay", "15", "hub")
    xs.xdotool("key", "shift+Return")
    wait_for(lambda: not xs.windows(BOX), what="the box to close")

    text = wait_for(lambda: (t := target.ask("text")) and len(t) == 6 and t,
                    what="the typed code")
    assert text in codes_now(GITHUB)
    assert xs.xdotool("getactivewindow") == field  # the focus went back where it was


def test_pick_command_with_the_app_running(xs):
    started(xs)
    result = subprocess.run([sys.executable, "-m", "authenticator", "pick"], env=xs.env,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert wait_box(xs)


def test_pick_command_with_the_app_hidden_in_the_tray(xs):
    if missing_programs("trayer"):
        pytest.skip("needs a system tray: apt-get install trayer")
    xs.start_tray()
    wait_for(lambda: xs.windows("panel", visible=True) or xs.windows(".", visible=True),
             what="the tray")
    app = started(xs, "gui", "--minimized", window=False)
    wait_for(lambda: xs.xdotool("search", "--class", "authenticator"), what="the app")
    assert not xs.windows(MAIN)  # hidden in the tray
    result = subprocess.run([sys.executable, "-m", "authenticator", "pick"], env=xs.env,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    box = wait_box(xs)[0]
    unlock_in_box(xs, box)
    assert not xs.windows(MAIN)  # the box came, the main window stayed in the tray
    assert app.poll() is None


def test_pick_command_starts_the_app_when_it_is_not_running(xs):
    if not missing_programs("trayer"):
        xs.start_tray()
    app = xs.app("pick")
    box = wait_box(xs)[0]
    assert app.poll() is None  # this process is now the app
    unlock_in_box(xs, box)
    xs.xdotool("key", "Escape")
    wait_for(lambda: not xs.windows(BOX), what="the box to close")
    # A second `pick` reaches the app that the first one started.
    result = subprocess.run([sys.executable, "-m", "authenticator", "pick", "--no-start"],
                            env=xs.env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert wait_box(xs)


def test_pick_no_start_without_an_app_is_one_error_line(xs):
    result = subprocess.run([sys.executable, "-m", "authenticator", "pick", "--no-start"],
                            env=xs.env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert result.stderr.strip() == "error: Authenticator is not running"


def test_from_the_tray_shortcut_three_letters_and_enter(xs):
    """The issue's "done when": the app in the tray, the user in another program presses
    the shortcut, types three letters and Enter (copied), or Shift+Enter (typed)."""
    if missing_programs("trayer"):
        pytest.skip("needs a system tray: apt-get install trayer")
    xs.start_tray()
    app = started(xs, "gui", "--minimized", window=False)
    target = Target(xs)
    box = press_until_box(xs)
    unlock_in_box(xs, box)
    xs.xdotool("type", "--delay", "15", "lab")
    xs.xdotool("key", "Return")
    wait_for(lambda: not xs.windows(BOX), what="the box to close")
    wait_active(xs, target.window)
    assert target.ask("clipboard") in codes_now(GITLAB)
    press_until_box(xs)  # unlocked now: straight to the search
    xs.xdotool("type", "--delay", "15", "hub")
    xs.xdotool("key", "shift+Return")
    text = wait_for(lambda: (t := target.ask("text")) and len(t) == 6 and t,
                    what="the typed code")
    assert text in codes_now(GITHUB)
    assert not xs.windows(MAIN)  # all along, the main window stayed in the tray
    assert app.poll() is None
