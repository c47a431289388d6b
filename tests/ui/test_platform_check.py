"""A missing X11 library gives one clear line naming the packages, not a Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys

from authenticator.ui.platform.check import x11_problem


def test_missing_xcb_libraries_are_named_with_packages():
    present = {"libxcb-cursor.so.0", "libxcb-image.so.0", "libxcb-render-util.so.0",
               "libxcb-shape.so.0", "libxcb-randr.so.0", "libxcb-xkb.so.1",
               "libxkbcommon-x11.so.0"}
    message = x11_problem({"DISPLAY": ":0"}, "linux", lambda name: name in present)
    assert message is not None
    assert message.endswith("(sudo apt-get install libxcb-icccm4 libxcb-keysyms1)")


def test_no_check_on_wayland_offscreen_or_other_systems():
    nothing = lambda name: False  # noqa: E731 - every library missing
    assert x11_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", nothing) is None
    assert x11_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", nothing) is None
    assert x11_problem({}, "win32", nothing) is None
    assert x11_problem({"QT_QPA_PLATFORM": "xcb"}, "linux", nothing) is not None


def test_gui_start_reports_it_as_one_error_line(tmp_path):
    """Simulated in a child process by asking for a library no system has (really looked
    up by the dynamic loader), beside the real ones."""
    code = ("import sys; from authenticator.ui.platform import check; "
            "check.XCB_LIBRARIES['libauthenticator-absent.so.7'] = 'libauthenticator-absent7'; "
            "from authenticator.cli import main; sys.exit(main(['--vault', sys.argv[1]]))")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM",
                                                           "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":99"
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "v.authvault")],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("error: the window cannot open: Qt needs system libraries")
    assert result.stderr.rstrip().endswith("libauthenticator-absent7)")
    assert len(result.stderr.splitlines()) == 1


def test_the_real_lookup_finds_what_this_machine_has():
    from authenticator.ui.platform.check import loadable, missing_x11_packages

    assert loadable("libc.so.6")
    assert not loadable("libauthenticator-absent.so.7")
    assert missing_x11_packages() == []  # CI installs every one (.ci/run)
