"""Windows: the global shortcut (RegisterHotKey, through pywin32) and "type it for me"
(SendInput, through pynput's keyboard controller, which sends Unicode key events and so
does not depend on the keyboard layout).

Imported only on Windows, when the quick pick feature starts. No Qt here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import win32api
import win32con
import win32gui

from authenticator.ui.quickpick.keys import Combo

_MODS = {"ctrl": win32con.MOD_CONTROL, "alt": win32con.MOD_ALT,
         "shift": win32con.MOD_SHIFT, "meta": win32con.MOD_WIN}
MOD_NOREPEAT = 0x4000
HOTKEY_ID = 0x5150


class Win32HotkeyError(Exception):
    """A problem for the user (the shortcut is taken...)."""


class WindowsHotkey:
    """RegisterHotKey posts WM_HOTKEY to the registering thread: a thread of our own with
    a message loop, stopped by posting WM_QUIT to it."""

    def __init__(self, combo: Combo, on_press: Callable[[], None]) -> None:
        self.combo = combo
        self.on_press = on_press
        self._thread: threading.Thread | None = None
        self._thread_id = 0
        self._ready = threading.Event()
        self._error: str | None = None

    def start(self, timeout: float = 3.0) -> None:
        self._thread = threading.Thread(target=self._run, name="win-hotkey", daemon=True)
        self._thread.start()
        self._ready.wait(timeout)
        if self._error is not None:
            raise Win32HotkeyError(self._error)

    def stop(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            win32api.PostThreadMessage(self._thread_id, win32con.WM_QUIT, 0, 0)
            self._thread.join(2.0)
        self._thread = None

    def _run(self) -> None:
        self._thread_id = win32api.GetCurrentThreadId()
        mods = MOD_NOREPEAT
        for name in self.combo.modifiers:
            mods |= _MODS[name]
        try:
            win32gui.RegisterHotKey(None, HOTKEY_ID, mods, self.combo.windows_vk)
        except Exception:  # pywintypes.error: ERROR_HOTKEY_ALREADY_REGISTERED and others
            self._error = "another program already uses this shortcut"
            self._ready.set()
            return
        self._ready.set()
        try:
            while True:
                result, message = win32gui.GetMessage(None, 0, 0)
                if result <= 0:  # WM_QUIT or an error
                    break
                if message[1] == win32con.WM_HOTKEY and message[2] == HOTKEY_ID:
                    self.on_press()
        finally:
            win32gui.UnregisterHotKey(None, HOTKEY_ID)


class WindowsInput:
    """Remembers the foreground window, brings it back, and types into it."""

    def __init__(self) -> None:
        from pynput.keyboard import Controller

        self._keyboard = Controller()

    def close(self) -> None:
        pass

    def active_window(self) -> int:
        return int(win32gui.GetForegroundWindow())

    def focused_window(self) -> int:
        return int(win32gui.GetForegroundWindow())

    def focus_is_in(self, window: int) -> bool:
        return self.focused_window() == window

    def activate(self, window: int) -> None:
        try:
            win32gui.SetForegroundWindow(window)
        except Exception:  # the window is gone, or Windows refused: focus_is_in says so
            return

    def modifiers_held(self) -> bool:
        keys = (win32con.VK_SHIFT, win32con.VK_CONTROL, win32con.VK_MENU, win32con.VK_LWIN,
                win32con.VK_RWIN)
        return any(win32api.GetAsyncKeyState(vk) & 0x8000 for vk in keys)

    def type_text(self, text: str) -> None:
        self._keyboard.type(text)
