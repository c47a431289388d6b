"""Every setting of the app, declared once: name, type, default, where it is kept, and which
values are valid.

Two places keep settings: per-user app settings on this computer (``Scope.APP``: an ini
file, some apply before unlocking: theme, tray, start-up) and the vault's own settings
(``Scope.VAULT``: they travel with the vault to other devices and merge per key).

Values read back from a file go through :meth:`Option.parse`, which never raises: a value
that is missing, damaged or hostile (wrong type, out of range, huge) gives the default.
Values written go through :meth:`Option.check`, which refuses a wrong one (a bug).
Pure: no Qt, no file system (the stores are ``ui.common.settings`` and ``storage.vault``).
"""

from __future__ import annotations

import enum
import math
import re
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_INT = re.compile(r"[+-]?\d{1,15}")
MAX_TEXT = 4096  # characters in a text setting (server lists...)
MAX_PATH = 32_767  # characters in a path (Windows' long paths)


class Scope(enum.Enum):
    APP = "app"  # this computer's settings file
    VAULT = "vault"  # inside the vault: synced with it, merged per key


@dataclass(frozen=True, slots=True)
class Option(Generic[T]):
    """One setting. ``kind`` is bool, int, float, str or tuple (a list of short texts)."""

    name: str
    kind: type[T]
    default: T
    scope: Scope = Scope.APP
    choices: tuple[T, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    max_length: int = MAX_TEXT  # characters of a text; of each item of a list
    max_items: int = 1000  # items of a list

    def parse(self, raw: object) -> T:
        """The value ``raw`` read from a file stands for, or the default if it is not a
        valid one. Never raises."""
        value = self._convert(raw)
        return self.default if value is None or not self._valid(value) else value

    def check(self, value: object) -> T:
        """``value`` if it is a valid value of this option (ints for floats are accepted,
        lists for tuples), else ValueError."""
        candidate: Any = value
        if self.kind is float and type(value) is int:
            candidate = float(value)
        elif self.kind is tuple and isinstance(value, list):
            candidate = tuple(value)
        elif self.kind is str and isinstance(value, str):
            candidate = str(value)  # a StrEnum member: its value
        if type(candidate) is not self.kind or not self._valid(candidate):
            raise ValueError(f"{value!r:.80} is not a valid value for the setting {self.name}")
        return candidate

    def _convert(self, raw: object) -> Any:
        """``raw`` as this option's type (texts as the ini file keeps them), or None."""
        kind = self.kind
        if kind is bool:
            if isinstance(raw, bool):
                return raw
            text = raw.strip().lower() if isinstance(raw, str) else None
            return {"true": True, "1": True, "false": False, "0": False}.get(text or "")
        if isinstance(raw, bool):  # True is an int in Python: never a number here
            return None
        if kind is int:
            if isinstance(raw, int):
                return raw
            return int(raw.strip()) if isinstance(raw, str) and _INT.fullmatch(raw.strip()) \
                else None
        if kind is float:
            if isinstance(raw, int | float):
                return float(raw)
            if isinstance(raw, str) and len(raw) <= 40:
                try:
                    return float(raw)
                except ValueError:
                    return None
            return None
        if kind is str:
            return raw if isinstance(raw, str) else None
        if kind is tuple and isinstance(raw, list | tuple):
            return tuple(raw)
        return None

    def _valid(self, value: Any) -> bool:
        if self.kind in (int, float):
            if isinstance(value, float) and not math.isfinite(value):
                return False
            if self.minimum is not None and value < self.minimum:
                return False
            if self.maximum is not None and value > self.maximum:
                return False
        if self.kind is str and len(value) > self.max_length:
            return False
        if self.kind is tuple and len(value) > self.max_items:
            return False
        if self.kind is tuple and not all(isinstance(item, str)
                                          and len(item) <= self.max_length for item in value):
            return False
        return not self.choices or value in self.choices


OPTIONS: dict[str, Option[Any]] = {}


def declare(option: Option[T]) -> Option[T]:
    if option.name in OPTIONS:
        raise ValueError(f"the setting {option.name} is declared twice")
    option.check(option.default)
    OPTIONS[option.name] = option
    return option


def option(name: str) -> Option[Any]:
    """The declared option called ``name`` (KeyError for a name nobody declared)."""
    return OPTIONS[name]


# -- this computer's settings ------------------------------------------------------------------
CLIPBOARD_CLEAR_SECONDS = declare(Option("clipboard_clear_seconds", int, 30,
                                         minimum=0, maximum=600))
AUTOLOCK_MINUTES = declare(Option("autolock_minutes", int, 5, minimum=0, maximum=240))
LOCK_ON_MINIMIZE = declare(Option("lock_on_minimize", bool, False))
THEME = declare(Option("theme", str, "system", choices=("system", "light", "dark")))
CLOSE_TO_TRAY = declare(Option("close_to_tray", bool, False))
START_MINIMIZED = declare(Option("start_minimized", bool, False))
SORT_MODE = declare(Option("sort_mode", str, "manual",  # ui/codes/model.py: SortMode
                           choices=("manual", "name", "issuer", "recent")))
LANGUAGE = declare(Option("language", str, "",  # "" = follow the system
                          choices=("", "en", "fr")))
TIME_CHECK_ENABLED = declare(Option("time_check_enabled", bool, False))
TIME_CHECK_ASKED = declare(Option("time_check_asked", bool, False))
TIME_SERVERS = declare(Option("time_servers", str, ""))
#: Seconds added to this computer's clock for codes (measured, or typed in the settings).
MANUAL_OFFSET = declare(Option("manual_offset", float, 0.0, minimum=-1e10, maximum=1e10))
USE_CORRECTED_TIME = declare(Option("use_corrected_time", bool, False))
LAST_VAULT = declare(Option("last_vault", str, "", max_length=MAX_PATH))
COPY_GESTURE = declare(Option("copy_gesture", str, "click",  # ui/codes/gestures.py
                              choices=("click", "double_click")))
PRIVACY_HIDE_CODES = declare(Option("privacy_hide_codes", bool, False))  # ui/codes/privacy.py
PRIVACY_HIDE_UNFOCUSED = declare(Option("privacy_hide_unfocused", bool, False))
PRIVACY_EXCLUDE_CAPTURE = declare(Option("privacy_exclude_capture", bool, False))  # Windows
#: Where file dialogs open (ui/common/files.py).
LAST_FOLDER = declare(Option("last_folder", str, "", max_length=MAX_PATH))
PICK_SHORTCUT_ENABLED = declare(Option("pick_shortcut_enabled", bool, True))  # quick pick
PICK_SHORTCUT = declare(Option("pick_shortcut", str, "Ctrl+Alt+O",  # ui/quickpick/keys.py
                               max_length=100))
PICK_TYPES = declare(Option("pick_types", bool, False))  # Enter types the code (else copies)

# -- in the vault ------------------------------------------------------------------------------
#: Recent saves kept as automatic backups (0: none); read by storage.vault.
BACKUPS_TO_KEEP = declare(Option("backups_to_keep", int, 10, Scope.VAULT,
                                 minimum=0, maximum=100_000))
#: Sites the browser extension asks nothing for (ui/browser).
BROWSER_IGNORED_SITES: Option[tuple[str, ...]] = declare(Option(
    "browser_ignored_sites", tuple, (), Scope.VAULT, max_length=253, max_items=10_000))
