"""Before Qt starts on X11: are the system libraries its xcb plugin needs installed?

Without them Qt aborts the process with several lines of noise. We check first and say,
in one line, which Debian/Ubuntu packages to install (Wayland sessions don't need them).
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# Library (the soname Qt's xcb plugin loads) -> Debian/Ubuntu package.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def will_use_xcb(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    env = os.environ if environ is None else environ
    if (platform or sys.platform) != "linux":
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.startswith("xcb")
    return not env.get("WAYLAND_DISPLAY")  # Qt prefers Wayland when a session offers it


Finder = Callable[[str], bool]


def loadable(soname: str) -> bool:
    """Whether the dynamic loader finds ``soname``, as it will for Qt: it is loaded, which
    takes a fraction of a millisecond (Qt's plugin loads the same library right after).
    ``ctypes.util.find_library`` would run ``ldconfig -p`` once per library: 25 ms here."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_x11_packages(find_library: Finder | None = None) -> list[str]:
    found = find_library or loadable
    return [package for library, package in XCB_LIBRARIES.items() if not found(library)]


def x11_problem(environ: Mapping[str, str] | None = None, platform: str | None = None,
                find_library: Finder | None = None) -> str | None:
    """One line saying what to install, or None when Qt can start."""
    if not will_use_xcb(environ, platform):
        return None
    missing = missing_x11_packages(find_library)
    if not missing:
        return None
    return ("the window cannot open: Qt needs system libraries that are not installed "
            f"(sudo apt-get install {' '.join(missing)})")
