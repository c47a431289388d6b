"""For real on X11: an Xvfb server shows a QR code in a window; ``authenticator scan
--screen --json`` and the Add dialog find it by grabbing every screen, without any
screenshot service."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from authenticator.core.account import Account
from authenticator.core.uri import format_uri
from tests.desktop.session import Xvfb

HERE = Path(__file__).parent
ACCOUNT = Account(secret=bytes.fromhex("48656c6c6f21deadbeef"), issuer="GitHub", name="alice")
SECRET = "JBSWY3DPEHPK3PXP"

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None,
                                reason="needs Xvfb (Debian: xvfb)")


@pytest.fixture(scope="module")
def x11():
    server = Xvfb(["1280x800x24"])
    env = {k: v for k, v in os.environ.items()
           if k not in ("WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS",
                        "QT_QPA_PLATFORM_PLUGIN_PATH")}
    env.update(DISPLAY=server.display, QT_QPA_PLATFORM="xcb",
               XDG_RUNTIME_DIR=str(server.folder))
    os.chmod(server.folder, 0o700)
    shown = subprocess.Popen([sys.executable, str(HERE / "show_qr.py"), "qr-on-screen",
                              format_uri(ACCOUNT)], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
    try:
        assert shown.stdout is not None
        assert shown.stdout.readline().strip() == "shown"
        yield env
    finally:
        shown.terminate()
        shown.wait(timeout=10)
        server.stop()


def test_cli_scan_screen_json_on_x11(x11):
    out = subprocess.run([sys.executable, "-m", "authenticator", "scan", "--screen", "--json"],
                         env=x11, capture_output=True, text=True, timeout=90, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout)
    assert [entry["file"] for entry in report] == ["screen"]
    assert [(a["issuer"], a["name"], a["secret"]) for a in report[0]["accounts"]] == [
        ("GitHub", "alice", SECRET)]
    assert "screenshot service" not in out.stderr  # X11: grabbed, no portal asked


def test_cli_scan_screen_prints_like_scan_image(x11):
    out = subprocess.run([sys.executable, "-m", "authenticator", "scan", "--screen"],
                         env=x11, capture_output=True, text=True, timeout=90, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == format_uri(ACCOUNT)


def test_add_dialog_on_x11_grabs_the_screen(x11):
    out = subprocess.run([sys.executable, str(HERE / "drive_add_dialog.py")], env=x11,
                         capture_output=True, text=True, timeout=90, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["platform"] == "xcb" and report["portal"] == []
    assert report["labels"] == ["GitHub (alice)"]
