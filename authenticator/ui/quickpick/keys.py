"""Shortcut text (``"Ctrl+Alt+O"``, as QKeySequence writes it) to what X11 and Windows
want: modifier masks and a key symbol or virtual-key code. No Qt, no X, no Windows here,
so it is tested everywhere.

Why the default is Ctrl+Alt+O ("O" for one-time password): GNOME, KDE Plasma and Xfce
reserve Ctrl+Alt with T (terminal), L (lock), D (desktop, Xfce), Delete, Esc, Tab, the
arrows and Home/End (workspaces), and KDE Plasma 5 also Ctrl+Alt+A (activate the window
demanding attention; Plasma 6 moved it to Meta+Ctrl+A) and Ctrl+Alt+K (keyboard layout).
None of them binds Ctrl+Alt+O. Super/Meta combinations are avoided: GNOME and KDE use
most of them. On Windows, Ctrl+Alt is also AltGr: a layout that types a character with
AltGr+O (Polish "ó") should pick another key in the settings.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_SHORTCUT = "Ctrl+Alt+O"

MODIFIERS = ("ctrl", "alt", "shift", "meta")
_MODIFIER_ALIASES = {"ctrl": "ctrl", "control": "ctrl", "alt": "alt", "shift": "shift",
                     "meta": "meta", "super": "meta", "win": "meta"}

# Named keys a shortcut may end with (QKeySequence's portable names) -> X11 keysym name.
_NAMED_X11 = {
    "space": "space", "return": "Return", "enter": "Return", "tab": "Tab", "esc": "Escape",
    "backspace": "BackSpace", "ins": "Insert", "del": "Delete", "home": "Home", "end": "End",
    "pgup": "Prior", "pgdown": "Next", "left": "Left", "right": "Right", "up": "Up",
    "down": "Down", "pause": "Pause", "print": "Print",
}
# ... -> Windows virtual-key code.
_NAMED_VK = {
    "space": 0x20, "return": 0x0D, "enter": 0x0D, "tab": 0x09, "esc": 0x1B,
    "backspace": 0x08, "ins": 0x2D, "del": 0x2E, "home": 0x24, "end": 0x23, "pgup": 0x21,
    "pgdown": 0x22, "left": 0x25, "right": 0x27, "up": 0x26, "down": 0x28, "pause": 0x13,
    "print": 0x2C,
}


class ShortcutError(ValueError):
    """The shortcut text cannot be used as a global shortcut (message for the user)."""


@dataclass(frozen=True)
class Combo:
    modifiers: frozenset[str]
    key: str  # lower-case: "o", "f5", "space"

    @property
    def x11_keysym_name(self) -> str:
        if len(self.key) == 1:
            return self.key
        if self.key.startswith("f") and self.key[1:].isdigit():
            return self.key.upper()
        return _NAMED_X11[self.key]

    @property
    def windows_vk(self) -> int:
        if len(self.key) == 1 and self.key.isalnum():
            return ord(self.key.upper())
        if self.key.startswith("f") and self.key[1:].isdigit():
            return 0x70 + int(self.key[1:]) - 1
        return _NAMED_VK[self.key]


def parse_shortcut(text: str) -> Combo:
    """``"Ctrl+Alt+O"`` -> Combo({"ctrl", "alt"}, "o"). Raises ShortcutError."""
    text = text.strip()
    if not text:
        raise ShortcutError("no shortcut is set")
    if "," in text:
        raise ShortcutError("a global shortcut is one key combination, not a sequence")
    parts = text.split("+")
    if text.endswith("++"):  # "Ctrl++": the key is the plus sign itself
        parts = [*text[:-2].split("+"), "+"]
    *mods, key = parts
    modifiers = set()
    for mod in mods:
        name = _MODIFIER_ALIASES.get(mod.strip().casefold())
        if name is None:
            raise ShortcutError(f"unknown modifier {mod.strip()!r}")
        modifiers.add(name)
    key = key.strip().casefold()
    known = (len(key) == 1 and key.isascii() and key.isalnum()) or key in _NAMED_X11 or (
        key.startswith("f") and key[1:].isdigit() and 1 <= int(key[1:]) <= 24)
    if not known:
        raise ShortcutError(f"the key {key!r} cannot be used in a global shortcut")
    if not modifiers & {"ctrl", "alt", "meta"} and not (key.startswith("f") and len(key) > 1):
        raise ShortcutError("a global shortcut needs Ctrl, Alt or Meta (or an F key): "
                            "otherwise it would take a key away from every program")
    return Combo(frozenset(modifiers), key)


_PORTAL_MODIFIERS = (("ctrl", "CTRL"), ("alt", "ALT"), ("shift", "SHIFT"), ("meta", "LOGO"))


def portal_trigger(combo: Combo) -> str:
    """The trigger the GlobalShortcuts portal understands (the freedesktop shortcuts
    specification): upper-case modifiers joined by ``+``, then the key's XKB keysym name,
    e.g. ``"CTRL+ALT+o"``. Only a preference: the desktop may ask the user or pick another."""
    mods = [name for mod, name in _PORTAL_MODIFIERS if mod in combo.modifiers]
    return "+".join([*mods, combo.x11_keysym_name])
