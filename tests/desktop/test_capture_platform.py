"""``scan --screen`` never lets Qt abort the process over an unreachable display: it picks
a display it can reach, or says in one line that there is none."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from authenticator.core.errors import AuthenticatorError
from authenticator.ui.platform.capture import NO_DISPLAY, choose_platform


def test_no_display_at_all():
    with pytest.raises(AuthenticatorError, match="no graphical session"):
        choose_platform({}, "linux")
    assert NO_DISPLAY.startswith("there is no graphical session")


def test_an_unreachable_display_is_an_error_not_an_abort(tmp_path):
    with pytest.raises(AuthenticatorError, match="cannot connect to the display"):
        choose_platform({"WAYLAND_DISPLAY": str(tmp_path / "wayland-9")}, "linux")
    with pytest.raises(AuthenticatorError, match="cannot connect to the display :98765"):
        choose_platform({"DISPLAY": ":98765"}, "linux")


def test_a_listening_wayland_socket_is_chosen(tmp_path):
    path = tmp_path / "wayland-1"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    try:
        env = {"WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": str(tmp_path),
               "DISPLAY": ":98765"}
        assert choose_platform(env, "linux") == "wayland"
    finally:
        server.close()


def test_what_the_user_chose_or_other_systems_are_left_to_qt():
    assert choose_platform({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert choose_platform({}, "win32") is None and choose_platform({}, "darwin") is None
    assert choose_platform({"DISPLAY": "localhost:10.0"}, "linux") == "xcb"  # ssh -X


def test_the_cli_says_it_in_one_line():
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":98765"
    out = subprocess.run([sys.executable, "-m", "authenticator", "scan", "--screen"],
                         env=env, capture_output=True, text=True, timeout=60, check=False)
    assert out.returncode == 1
    assert out.stderr.strip() == "error: screen: cannot connect to the display :98765"


def test_scan_needs_images_or_screen():
    out = subprocess.run([sys.executable, "-m", "authenticator", "scan"], capture_output=True,
                         text=True, timeout=60, check=False)
    assert out.returncode == 2
    assert out.stderr.strip() == "error: give image files to scan, or --screen"
