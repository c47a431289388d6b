"""For real, two monitors: headless sway with two outputs side by side, the Screenshot
portal's picture spanning both. A QR code too small to be found in the whole picture sits
on the right monitor; the drag-a-box overlay appears on both monitors, each with its half
of the picture, and the box dragged on the right one finds the account."""

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
SMALL_AT = (2600, 400)  # global logical position of the small QR window (right monitor)

missing = missing_programs(SWAY_PROGRAMS)
pytestmark = pytest.mark.skipif(
    bool(missing), reason="needs " + ", ".join(missing) + " (Debian: sway grim "
    "xdg-desktop-portal-wlr dbus pipewire)")


@pytest.fixture(scope="module")
def two_monitors():
    """Two 1920x1080 outputs side by side; a QR code too small to be found in the whole
    3840-pixel-wide picture, at a known place on the right monitor."""
    session = SwaySession(["1920x1080+0+0", "1920x1080+1920+0"], extra_config=(
        'for_window [title="qr-small"] floating enable, move absolute position '
        f"{SMALL_AT[0]} {SMALL_AT[1]}\n"))
    with showing_qr(session, "qr-small", format_uri(ACCOUNT), "1") as shown:
        yield shown


def test_drag_a_box_on_the_portal_picture_on_the_other_monitor(two_monitors):
    XDPW_PICTURE.unlink(missing_ok=True)
    side = 41 + 8  # a version-6 QR code at one pixel per module, with its quiet zone
    box = f"{SMALL_AT[0] - 20},{SMALL_AT[1] - 20},{side + 60},{side + 60}"
    out = subprocess.run([sys.executable, str(HERE / "drive_add_dialog.py"), box],
                         env=two_monitors.env, capture_output=True, text=True, timeout=90,
                         check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["portal"][0]["outcome"] == "success"
    assert report["screens"] == [[0, 0, 1920, 1080], [1920, 0, 1920, 1080]]
    # One overlay per monitor, each showing its own half of the portal's picture.
    assert sorted(o["screen"] for o in report["overlays"]) == report["screens"], report
    assert all(o["picture"] == [1920, 1080] for o in report["overlays"])
    assert sorted(report["compositor"], key=str) == [  # sway's own view of them
        {"output": "HEADLESS-1", "fullscreen": True, "visible": True},
        {"output": "HEADLESS-2", "fullscreen": True, "visible": True}], report
    assert report["dragged_on"] == [1920, 0, 1920, 1080]
    assert report["labels"] == ["GitHub (alice)"], report
    assert not XDPW_PICTURE.exists()
