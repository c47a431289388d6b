"""Every QR the app shows decodes from a grab of its dialog, as a person would see it.

The dialogs open on a 1400x900 screen at scale 1 and at ``QT_SCALE_FACTOR=2`` (a child
process each: the scale is fixed when Qt starts), are grabbed at their default and their
minimum size, and each page is decoded with the app's own scanner.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from authenticator.core.account import Account
from authenticator.ui.transfer.qr import google_pages
from authenticator.ui.transfer.qr_view import QUIET_ZONE, total_modules

ROOT = Path(__file__).resolve().parents[2]
SCREEN = {"synchronousWindowSystemEvents": True, "windowFrameMargins": False,
          "screens": [{"name": "Monitor", "x": 0, "y": 0, "width": 1400, "height": 900,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


def probe(tmp_path: Path, scale: int, platform: str) -> dict:
    command = [sys.executable, "-m", "tests.ui.qr_screen_probe"]
    if platform == "xvfb":  # a real X server with a 1400x900 screen
        if shutil.which("xvfb-run") is None:
            pytest.skip("xvfb-run is not installed (Debian package xvfb)")
        command = ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", *command]
        qpa = "xcb"
    else:
        config = tmp_path / "screen.json"
        config.write_text(json.dumps(SCREEN))
        qpa = f"offscreen:configfile={config}"
    env = dict(os.environ, QT_QPA_PLATFORM=qpa, QT_SCALE_FACTOR=str(scale),
               PYTHONPATH=str(ROOT))
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


@pytest.mark.parametrize("platform", ["offscreen", "xvfb"])
@pytest.mark.parametrize("scale", [1, 2])
def test_every_qr_decodes_from_the_dialog_grab(tmp_path, scale, platform):
    report = probe(tmp_path, scale, platform)
    logical = [1400 // scale, 900 // scale]
    assert report["screen"] == logical and report["ratio"] == scale

    for size in ("default", "minimum"):
        shown = report["show_qr"][size]
        assert shown["names"] == report["expected"]["1"], size
        assert shown["inside"] and shown["module_px"] >= 3, size
        assert shown["size"][0] <= logical[0] and shown["size"][1] <= logical[1]

    for n, result in report["google"].items():
        expected = report["expected"][n]
        pages = result["pages"]
        for size, grab in result["sizes"].items():
            where = f"{n} accounts, {size} size, scale {scale}"
            assert grab["names"] == expected, where  # every account, in order, page by page
            assert grab["indexes"] == list(range(pages)), where
            assert all(grab["inside"]), where
            assert min(grab["module_px"]) >= 3, where
            assert grab["size"][0] <= logical[0] and grab["size"][1] <= logical[1], where
            if pages == 1:
                assert grab["buttons"] == ["&Done"], where  # one way out, no paging
            else:
                assert grab["buttons"] == ["&Previous", "&Next", "&Done"], where
    assert report["google"]["40"]["pages"] > 1


def test_google_pages_split_when_modules_would_be_too_small():
    accounts = [Account(secret=bytes([i + 1]) * 20, issuer=f"Service {i}", name=f"user{i}")
                for i in range(30)]
    roomy = google_pages(accounts, 900, 10_000)
    tight = google_pages(accounts, 900, 90)
    assert len(tight) > len(roomy)
    assert max(total_modules(x) for x in tight) <= 90
    assert max(total_modules(x) for x in roomy) > 90
    assert total_modules(roomy[0]) > 2 * QUIET_ZONE
