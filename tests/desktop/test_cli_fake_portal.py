"""``authenticator scan --screen`` when the screen cannot be grabbed (offscreen Qt stands in
for Wayland's empty grab): every answer of a fake Screenshot portal on a private bus."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import segno

from tests.desktop.fake import FakePortal

URI = "otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example"

pytestmark = pytest.mark.skipif(shutil.which("dbus-daemon") is None,
                                reason="dbus-daemon is not installed (Debian: dbus)")


@pytest.fixture
def portal(tmp_path):
    made: list[FakePortal] = []
    picture = tmp_path / "screen.png"
    segno.make(URI).save(str(picture), scale=6, border=4)

    def start(mode: str | None) -> FakePortal:
        fake = FakePortal(mode, picture)
        made.append(fake)
        return fake

    yield start
    for fake in made:
        fake.stop()


def scan_screen(fake: FakePortal, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", DBUS_SESSION_BUS_ADDRESS=fake.bus.address)
    return subprocess.run([sys.executable, "-m", "authenticator", "scan", "--screen", *extra],
                          env=env, capture_output=True, text=True, timeout=60, check=False)


def test_success_prints_the_account_and_deletes_the_picture(portal):
    fake = portal("success")
    out = scan_screen(fake, "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report[0]["file"] == "screen" and report[0]["error"] is None
    assert [a["name"] for a in report[0]["accounts"]] == ["alice"]
    written = fake.written()
    assert len(written) == 1 and not Path(written[0]).exists()


@pytest.mark.parametrize(("mode", "text"), [
    ("cancel", "the screenshot was cancelled"),
    ("deny", "the desktop refused to share a picture of the screen"),
    ("deny-error", "the desktop refused to share a picture of the screen"),
    ("no-interface", "offers no screenshot service"),
    (None, "offers no screenshot service"),
])
def test_other_answers_are_one_error_line(portal, mode, text):
    out = scan_screen(portal(mode))
    assert out.returncode == 1 and out.stdout == ""
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and text in errors[0] and "Traceback" not in out.stderr


def test_json_reports_the_error_for_the_screen(portal):
    out = scan_screen(portal("deny"), "--json")
    assert out.returncode == 1
    report = json.loads(out.stdout)
    assert report == [{"file": "screen", "accounts": [],
                       "error": "the desktop refused to share a picture of the screen"}]
