"""For real: headless sway + pipewire + xdg-desktop-portal(-wlr) on a private bus. A Wayland
window shows a QR code; the app's real Add dialog (QT_QPA_PLATFORM=wayland) and
``authenticator scan --screen --json`` read it through the Screenshot portal, and the
portal's picture file (xdpw: /tmp/out.png) is gone afterwards."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from authenticator.core.account import Account
from authenticator.core.uri import format_uri
from tests.desktop.session import (
    SWAY_PROGRAMS,
    XDPW_PICTURE,
    SwaySession,
    missing_programs,
    showing_qr,
)

HERE = Path(__file__).parent
ACCOUNT = Account(secret=bytes.fromhex("48656c6c6f21deadbeef"), issuer="GitHub", name="alice")
SECRET = "JBSWY3DPEHPK3PXP"  # base32 of the bytes above, as the JSON shows it

missing = missing_programs(SWAY_PROGRAMS)
pytestmark = pytest.mark.skipif(
    bool(missing), reason="needs " + ", ".join(missing) + " (Debian: sway grim "
    "xdg-desktop-portal-wlr dbus pipewire)")


@pytest.fixture(scope="module")
def wayland():
    with showing_qr(SwaySession(), "qr-on-screen", format_uri(ACCOUNT)) as session:
        yield session


def test_add_dialog_scans_the_screen_through_the_portal(wayland):
    XDPW_PICTURE.unlink(missing_ok=True)
    out = subprocess.run([sys.executable, str(HERE / "drive_add_dialog.py")],
                         env=wayland.env, capture_output=True, text=True, timeout=90,
                         check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["platform"] == "wayland"
    assert report["portal"][0]["outcome"] == "success", (report, wayland.processes.logs())
    assert report["portal"][0]["path"] == str(XDPW_PICTURE)
    assert report["labels"] == ["GitHub (alice)"]
    assert [(a["issuer"], a["name"], a["secret"]) for a in report["added"]] == [
        ("GitHub", "alice", SECRET)]
    assert not XDPW_PICTURE.exists()  # the picture showed the key: deleted once read


def test_cli_scan_screen_json_through_the_portal(wayland):
    XDPW_PICTURE.unlink(missing_ok=True)
    out = subprocess.run([sys.executable, "-m", "authenticator", "scan", "--screen", "--json"],
                         env=wayland.env, capture_output=True, text=True, timeout=90,
                         check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout)
    assert [entry["file"] for entry in report] == ["screen"]
    assert report[0]["error"] is None
    assert [(a["issuer"], a["name"], a["secret"]) for a in report[0]["accounts"]] == [
        ("GitHub", "alice", SECRET)]
    assert "screenshot service" in out.stderr  # said before asking
    assert not XDPW_PICTURE.exists()

