"""A missing X11 library gives one clear line naming the packages, not a Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys

from authenticator.ui.platform.check import x11_problem


def test_missing_xcb_libraries_are_named_with_packages():
    present = {"xcb-cursor", "xcb-image", "xcb-render-util", "xcb-shape", "xcb-randr",
               "xcb-xkb", "xkbcommon-x11"}
    message = x11_problem({"DISPLAY": ":0"}, "linux",
                          lambda name: f"lib{name}.so" if name in present else None)
    assert message is not None
    assert message.endswith("(sudo apt-get install libxcb-icccm4 libxcb-keysyms1)")


def test_no_check_on_wayland_offscreen_or_other_systems():
    nothing = lambda name: None  # noqa: E731 - every library missing
    assert x11_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", nothing) is None
    assert x11_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", nothing) is None
    assert x11_problem({}, "win32", nothing) is None
    assert x11_problem({"QT_QPA_PLATFORM": "xcb"}, "linux", nothing) is not None


def test_gui_start_reports_it_as_one_error_line(tmp_path):
    """Simulated by hiding every library from ctypes' lookup in a child process."""
    code = ("import ctypes.util, sys; ctypes.util.find_library = lambda name: None; "
            "from authenticator.cli import main; sys.exit(main(['--vault', sys.argv[1]]))")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM",
                                                           "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":99"
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "v.authvault")],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("error: the window cannot open: Qt needs system libraries")
    assert len(result.stderr.splitlines()) == 1
