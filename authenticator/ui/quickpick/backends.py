"""Which global-shortcut and typing backends this session can use, loaded lazily.

X11 and Windows allow both; on Wayland an app may neither grab keys nor type into other
apps' windows (the compositor forbids it by design), nor on macOS without the user
granting accessibility rights to the app: there the box copies and the settings explain.
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Callable
from typing import Any, Protocol

from authenticator.ui.quickpick.keys import Combo


class Session(enum.StrEnum):
    X11 = "x11"
    WAYLAND = "wayland"
    WINDOWS = "windows"
    MACOS = "macos"
    OTHER = "other"  # e.g. Qt's offscreen platform


def detect_session(qt_platform: str) -> Session:
    if sys.platform == "win32":
        return Session.WINDOWS
    if sys.platform == "darwin":
        return Session.MACOS
    # An X11 app on a Wayland desktop (Xwayland) sees only keys typed into X11 windows.
    if os.environ.get("WAYLAND_DISPLAY") or os.environ.get("XDG_SESSION_TYPE") == "wayland":
        return Session.WAYLAND
    if qt_platform == "xcb" and os.environ.get("DISPLAY"):
        return Session.X11
    return Session.OTHER


class Hotkey(Protocol):
    def start(self) -> None: ...

    def stop(self) -> None: ...


class Input(Protocol):
    def active_window(self) -> int: ...

    def focused_window(self) -> int: ...

    def focus_is_in(self, window: int) -> bool: ...

    def activate(self, window: int) -> None: ...

    def modifiers_held(self) -> bool: ...

    def type_text(self, text: str) -> None: ...

    def close(self) -> None: ...


class BackendError(Exception):
    """The backend cannot do it here (message for the user, in English)."""


def make_hotkey(session: Session, combo: Combo, on_press: Callable[[], None]) -> Hotkey:
    """A started global shortcut. Raises BackendError."""
    hotkey: Any
    try:
        if session is Session.X11:
            from authenticator.ui.quickpick.x11 import X11Hotkey

            hotkey = X11Hotkey(combo, on_press)
        elif session is Session.WINDOWS:
            from authenticator.ui.quickpick.windows import WindowsHotkey

            hotkey = WindowsHotkey(combo, on_press)
        else:
            raise BackendError("global shortcuts are not available here")
        hotkey.start()
    except ImportError as exc:
        raise BackendError(f"a library is missing ({exc.name})") from None
    except BackendError:
        raise
    except Exception as exc:  # X11Error, Win32HotkeyError: messages meant for the user
        raise BackendError(str(exc)) from None
    return hotkey  # type: ignore[no-any-return]


def make_input(session: Session) -> Input:
    """Raises BackendError when typing into other windows is impossible here."""
    try:
        if session is Session.X11:
            from authenticator.ui.quickpick.x11 import X11Input

            return X11Input()
        if session is Session.WINDOWS:
            from authenticator.ui.quickpick.windows import WindowsInput

            return WindowsInput()
    except ImportError as exc:
        raise BackendError(f"a library is missing ({exc.name})") from None
    except Exception as exc:
        raise BackendError(str(exc)) from None
    raise BackendError("typing into other windows is not available here")


def can_register_shortcut(session: Session) -> bool:
    return session in (Session.X11, Session.WINDOWS)


def can_type(session: Session) -> bool:
    return session in (Session.X11, Session.WINDOWS)
