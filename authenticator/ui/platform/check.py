"""Before Qt starts on X11: are the system libraries its xcb plugin needs installed?

Without them Qt aborts the process with several lines of noise. We check first and say,
in one line, which Debian/Ubuntu packages to install (Wayland sessions don't need them).
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

# Library (as ctypes.util.find_library names it) -> Debian/Ubuntu package.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-randr": "libxcb-randr0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def will_use_xcb(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    env = os.environ if environ is None else environ
    if (platform or sys.platform) != "linux":
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.startswith("xcb")
    return not env.get("WAYLAND_DISPLAY")  # Qt prefers Wayland when a session offers it


Finder = Callable[[str], "str | None"]


def missing_x11_packages(find_library: Finder = ctypes.util.find_library) -> list[str]:
    return [package for library, package in XCB_LIBRARIES.items() if not find_library(library)]


def x11_problem(environ: Mapping[str, str] | None = None, platform: str | None = None,
                find_library: Finder = ctypes.util.find_library) -> str | None:
    """One line saying what to install, or None when Qt can start."""
    if not will_use_xcb(environ, platform):
        return None
    missing = missing_x11_packages(find_library)
    if not missing:
        return None
    return ("the window cannot open: Qt needs system libraries that are not installed "
            f"(sudo apt-get install {' '.join(missing)})")
