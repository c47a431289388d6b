"""The main window as the app builds it: every feature installed through the host."""

from __future__ import annotations

from typing import Any

from authenticator.ui.app import build_window
from authenticator.ui.main_window import MainWindow


def make_window(session: Any, settings: Any, timebase: Any, **kwargs: Any) -> MainWindow:
    """``build_window`` plus two short names tests use for the installed controllers."""
    window = build_window(session, settings, timebase, **kwargs)
    window.transfer = window.features.transfer  # type: ignore[attr-defined]
    window.clock_check = window.features.clock  # type: ignore[attr-defined]
    return window
