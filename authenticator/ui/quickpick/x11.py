"""X11: the global shortcut (XGrabKey on the root window) and "type it for me" (XTest).

Uses python-xlib (imported here, and this module is imported only when an X11 session
needs it). The key grab lives in a thread with its own X connection that does nothing
else; typing uses a second connection, only from the GUI thread. No Qt in this module:
callbacks are plain callables (the caller turns them into queued signals).
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
from collections.abc import Callable, Iterable

from Xlib import XK, X, display, error
from Xlib.ext import xtest

from authenticator.ui.quickpick.keys import Combo

_MASKS = {"ctrl": X.ControlMask, "alt": X.Mod1Mask, "shift": X.ShiftMask, "meta": X.Mod4Mask}
_MODIFIER_ROWS = ("shift", "lock", "control", "mod1", "mod2", "mod3", "mod4", "mod5")


class X11Error(Exception):
    """A problem for the user (the shortcut is taken, no XTest...)."""


def _open() -> display.Display:
    try:
        return display.Display()
    except Exception as exc:  # Xlib raises several types; all mean "no X server for us"
        raise X11Error("cannot connect to the X server") from exc


def lock_masks(d: display.Display) -> list[int]:
    """The modifier states that must not stop the shortcut: Caps Lock, Num Lock and both
    (Num Lock's modifier bit differs between setups, so it is looked up)."""
    numlock = 0
    codes = set(d.keysym_to_keycodes(XK.string_to_keysym("Num_Lock")))
    numlock_codes = {code for code, _index in codes}
    for row, keycodes in enumerate(d.get_modifier_mapping()):
        if numlock_codes & set(keycodes):
            numlock = 1 << row
    variants = {0, X.LockMask, numlock, numlock | X.LockMask}
    return sorted(variants)


def combo_keycode(d: display.Display, combo: Combo) -> int:
    keysym = XK.string_to_keysym(combo.x11_keysym_name)
    keycode = d.keysym_to_keycode(keysym) if keysym else 0
    if not keycode:
        raise X11Error(f"the keyboard has no key {combo.key.upper()}")
    return int(keycode)


class X11Hotkey:
    """Calls ``on_press`` (in its own thread) each time the combination is pressed."""

    def __init__(self, combo: Combo, on_press: Callable[[], None]) -> None:
        self.combo = combo
        self.on_press = on_press
        self._thread: threading.Thread | None = None
        self._wake_r, self._wake_w = os.pipe()
        self._ready = threading.Event()
        self._error: str | None = None

    def start(self, timeout: float = 3.0) -> None:
        """Grab the key; raises X11Error when it cannot (e.g. another program has it)."""
        self._thread = threading.Thread(target=self._run, name="x11-hotkey", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            self.stop()
            raise X11Error("the X server did not answer")
        if self._error is not None:
            self._thread.join(timeout)
            raise X11Error(self._error)

    def stop(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            with contextlib.suppress(OSError):
                os.write(self._wake_w, b"x")
            self._thread.join(2.0)
        self._thread = None
        for fd in (self._wake_r, self._wake_w):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._wake_r = self._wake_w = -1

    def _run(self) -> None:
        try:
            d = _open()
        except X11Error as exc:
            self._error = str(exc)
            self._ready.set()
            return
        try:
            root = d.screen().root
            try:
                keycode = combo_keycode(d, self.combo)
            except X11Error as exc:
                self._error = str(exc)
                return
            mask = 0
            for name in self.combo.modifiers:
                mask |= _MASKS[name]
            variants = [mask | extra for extra in lock_masks(d)]
            catch = error.CatchError(error.BadAccess)
            for variant in variants:
                root.grab_key(keycode, variant, True, X.GrabModeAsync, X.GrabModeAsync,
                              onerror=catch)
            d.sync()
            if catch.get_error() is not None:
                for variant in variants:
                    root.ungrab_key(keycode, variant)
                d.sync()
                self._error = "another program already uses this shortcut"
                return
            self._ready.set()
            self._loop(d, keycode)
            for variant in variants:
                root.ungrab_key(keycode, variant)
            d.sync()
        finally:
            self._ready.set()
            with contextlib.suppress(Exception):
                d.close()

    def _loop(self, d: display.Display, keycode: int) -> None:
        fd = d.fileno()
        while True:
            readable, _, _ = select.select([fd, self._wake_r], [], [])
            if self._wake_r in readable:
                return
            while d.pending_events():
                event = d.next_event()
                if event.type == X.KeyPress and event.detail == keycode:
                    self.on_press()


class X11Input:
    """Remembers the window that had the focus, gives it back, and types into it."""

    def __init__(self) -> None:
        self.d = _open()
        if not self.d.has_extension("XTEST"):
            self.d.close()
            raise X11Error("the X server has no XTEST extension")
        self.root = self.d.screen().root
        self._active_atom = self.d.intern_atom("_NET_ACTIVE_WINDOW")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.d.close()

    # -- focus ----------------------------------------------------------------------------
    def active_window(self) -> int:
        """The top-level window the window manager says is active, else the focus window."""
        with contextlib.suppress(error.XError):
            prop = self.root.get_full_property(self._active_atom, X.AnyPropertyType)
            if prop is not None and len(prop.value) and int(prop.value[0]):
                return int(prop.value[0])
        focus = self.focused_window()
        return 0 if focus in (X.NONE, X.PointerRoot, self.root.id) else focus

    def focused_window(self) -> int:
        focus = self.d.get_input_focus().focus
        return focus if isinstance(focus, int) else int(focus.id)

    def focus_is_in(self, window: int) -> bool:
        """True when the keyboard focus is ``window`` or inside it."""
        current = self.focused_window()
        for _ in range(32):  # bounded walk up the window tree
            if current == window:
                return True
            if current in (0, X.PointerRoot, self.root.id):
                return False
            try:
                parent = self.d.create_resource_object("window", current).query_tree().parent
            except error.XError:
                return False
            current = parent if isinstance(parent, int) else int(parent.id)
        return False

    def activate(self, window: int) -> None:
        """Ask the window manager to activate ``window`` (or set the focus ourselves)."""
        from Xlib.protocol import event

        target = self.d.create_resource_object("window", window)
        message = event.ClientMessage(window=target, client_type=self._active_atom,
                                      data=(32, [2, X.CurrentTime, 0, 0, 0]))
        self.root.send_event(message, event_mask=X.SubstructureRedirectMask
                             | X.SubstructureNotifyMask)
        if not self._window_manager_active():
            with contextlib.suppress(error.XError):
                target.set_input_focus(X.RevertToParent, X.CurrentTime)
        self.d.sync()

    def _window_manager_active(self) -> bool:
        check = self.d.intern_atom("_NET_SUPPORTING_WM_CHECK")
        with contextlib.suppress(error.XError):
            prop = self.root.get_full_property(check, X.AnyPropertyType)
            return prop is not None and len(prop.value) > 0
        return False

    # -- keyboard -------------------------------------------------------------------------
    def modifiers_held(self) -> bool:
        """True while Shift, Ctrl, Alt, Meta or AltGr is physically down (from the shortcut
        or Shift+Enter): typed digits would become symbols or shortcuts."""
        keys = self.d.query_keymap()
        mapping = self.d.get_modifier_mapping()
        for row, keycodes in enumerate(mapping):
            if _MODIFIER_ROWS[row] in ("lock", "mod2"):  # Caps/Num Lock are states, not held
                continue
            for code in keycodes:
                if code and keys[code // 8] & (1 << (code % 8)):
                    return True
        return False

    def type_text(self, text: str) -> None:
        """Press and release the key of each character (with Shift where the layout
        needs it, e.g. digits on AZERTY). Raises X11Error before typing anything when a
        character has no key on the current layout."""
        shift = self.d.keysym_to_keycode(XK.string_to_keysym("Shift_L"))
        strokes = [self._stroke(ch) for ch in text]
        for keycode, shifted in strokes:
            if shifted:
                xtest.fake_input(self.d, X.KeyPress, shift)
            xtest.fake_input(self.d, X.KeyPress, keycode)
            xtest.fake_input(self.d, X.KeyRelease, keycode)
            if shifted:
                xtest.fake_input(self.d, X.KeyRelease, shift)
        self.d.sync()

    def _stroke(self, ch: str) -> tuple[int, bool]:
        keysym = XK.string_to_keysym(ch)
        options: Iterable[tuple[int, int]] = self.d.keysym_to_keycodes(keysym) if keysym else []
        for keycode, index in sorted(options, key=lambda pair: pair[1]):
            if index in (0, 1):
                return int(keycode), index == 1
        raise X11Error("the keyboard layout has no key for a character of the code")
