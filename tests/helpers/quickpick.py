"""What the quick pick tests share: accounts, a fake typing backend, the controller with
injected backends, and the box opened as the shortcut would open it."""

from __future__ import annotations

import re

import pyotp
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from authenticator.core.account import Account, encode_base32
from authenticator.ui.quickpick.backends import BackendError, Session
from authenticator.ui.quickpick.controller import QuickPick

ACCELERATOR = re.compile(r"&(?!&)\w")


GITHUB = Account(secret=b"github-key-0123456789", issuer="GitHub", name="alice")
GITLAB = Account(secret=b"gitlab-key-0123456789", issuer="GitLab", name="bob")
GOOGLE = Account(secret=b"google-key-0123456789", issuer="Google", name="carol")
DROPBOX = Account(secret=b"dropbox-key-012345678", issuer="Dropbox", name="dave")


def expected_code(account: Account, now: float) -> str:
    """Computed by pyotp, independently of our engine."""
    return pyotp.TOTP(encode_base32(account.secret)).at(int(now))


class FakeInput:
    """Stands in for XTest/SendInput: records what is typed and where the focus is."""

    def __init__(self, focus_returns_after: int = 0, held_polls: int = 0) -> None:
        self.typed: list[str] = []
        self.activated: list[int] = []
        self.focus = 0
        self.focus_returns_after = focus_returns_after
        self.held_polls = held_polls
        self.typed_while_held = False

    def active_window(self) -> int:
        return 4242

    def focused_window(self) -> int:
        return self.focus

    def focus_is_in(self, window: int) -> bool:
        if self.activated and len(self.activated) > self.focus_returns_after - 1:
            self.focus = self.activated[-1]
        return self.focus == window

    def activate(self, window: int) -> None:
        self.activated.append(window)

    def modifiers_held(self) -> bool:
        if self.held_polls > 0:
            self.held_polls -= 1
            return True
        return False

    def type_text(self, text: str) -> None:
        self.typed_while_held = self.held_polls > 0
        self.typed.append(text)

    def close(self) -> None:
        pass


class FakePortalShortcut(QObject):
    """Stands in for the GlobalShortcuts portal client (``portal_shortcut.PortalShortcut``):
    records what it is asked to bind; the test says how the desktop answers (``answer``)."""

    activated = Signal()
    changed = Signal()

    def __init__(self, parent: QObject | None = None, answer: str = "unavailable") -> None:
        super().__init__(parent)
        self.answer = answer  # the state start() ends in: "active", "refused", "unavailable"
        self.state = "closed"
        self.trigger = ""
        self.trigger_description = ""
        self.started: list[tuple[str, str]] = []
        self.closed = 0

    def start(self, trigger: str, description: str) -> None:
        self.trigger = trigger
        self.started.append((trigger, description))
        self.state = self.answer
        if self.answer == "active":
            self.trigger_description = trigger.replace("CTRL", "Ctrl").replace("ALT", "Alt")
        self.changed.emit()

    def close(self) -> None:
        if self.state != "closed":
            self.closed += 1
        self.state = "closed"
        self.changed.emit()


def make_pick(window, session=Session.OTHER, fake: FakeInput | None = None,
              portal: str = "unavailable") -> QuickPick:
    """``portal``: how a (fake) GlobalShortcuts portal answers on Wayland; the client is
    ``pick.portal`` once the shortcut was applied."""
    def factory(kind):
        if fake is None:
            raise BackendError("typing into other windows is not available here")
        return fake

    pick = QuickPick(window, session_kind=session, input_factory=factory,
                     hotkey_factory=lambda *a: None, register_delay_ms=0,
                     portal_factory=lambda parent: FakePortalShortcut(parent, portal))
    return pick


def open_box(qtbot, pick: QuickPick):
    handle = pick.box.windowHandle()
    if handle is not None and QGuiApplication.focusWindow() is handle:
        # The offscreen platform leaves the focus on a hidden window; a window manager
        # gives it to another window (here the main one) when the box hides.
        main = pick.host.window()
        main.show()
        main.activateWindow()
        qtbot.waitActive(main)
    pick.show_box()
    box = pick.box
    qtbot.waitExposed(box)
    qtbot.waitUntil(lambda: box.field.hasFocus())
    return box


def labels(box) -> list[str]:
    return [a.issuer for a in box.top_accounts()]


def menu_letters(window) -> list[str]:
    """The Alt+letter of every entry of the main menu."""
    letters = []
    for action in window.main_menu.actions():
        if action.isSeparator():
            continue
        text = action.text() or (action.menu().title() if action.menu() else "")
        match = ACCELERATOR.search(text)
        assert match, f"menu entry without an accelerator: {text!r}"
        letters.append(match.group()[1].lower())
    return letters
