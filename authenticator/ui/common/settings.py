"""Per-user app settings (QSettings): window, theme, tray, delays.

Kept outside the vault because some apply before unlocking (theme, tray, start-up).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

DEFAULTS: dict[str, Any] = {
    "clipboard_clear_seconds": 30,
    "autolock_minutes": 5,
    "lock_on_minimize": False,
    "theme": "system",  # system | light | dark
    "close_to_tray": False,
    "start_minimized": False,
    "sort_mode": "manual",
    "language": "",  # "" = follow the system
    "time_check_enabled": False,
    "time_check_asked": False,
    "time_servers": "",
    "manual_offset": 0.0,
    "use_corrected_time": False,
    "last_vault": "",
}


def _make_private(file: Path) -> None:
    """Create the settings file 0600 in folders created 0700 before Qt writes it (Qt would
    make them 0644/0755; it keeps the mode of a file that exists)."""
    import contextlib
    import os

    from authenticator.storage.atomic import ensure_dir

    with contextlib.suppress(OSError):  # settings are a convenience: never fail start-up
        ensure_dir(file.parent)
        fd = os.open(file, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)


class AppSettings:
    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._q = QSettings("Authenticator", "Authenticator")
        else:
            self._q = QSettings(str(path), QSettings.Format.IniFormat)
        if self._q.fileName():
            _make_private(Path(self._q.fileName()))

    def get(self, key: str) -> Any:
        default = DEFAULTS[key]
        value = self._q.value(key, default)
        if isinstance(default, bool):
            return value if isinstance(value, bool) else str(value).lower() in ("true", "1")
        if isinstance(default, int):
            try:
                return int(str(value))
            except (TypeError, ValueError):
                return default
        if isinstance(default, float):
            try:
                return float(str(value))
            except (TypeError, ValueError):
                return default
        return str(value)

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self._q.setValue(key, value)

    def geometry(self) -> QByteArray | None:
        value = self._q.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._q.setValue("window/geometry", value)

    def sync(self) -> None:
        self._q.sync()
