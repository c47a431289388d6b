"""Drive the app's quick pick in a real session (QT_QPA_PLATFORM=wayland under sway), as the
app builds it: every feature installed, the shortcut registered by the app itself.

``python drive_quick_pick.py LETTERS``: once the shortcut is settled, prints one JSON line
(platform, mechanism, the settings' texts); then waits for the desktop's key (the test
makes the GlobalShortcuts backend send Activated), types LETTERS into the box, presses
Enter and prints a second line (what the box listed, what was copied, the code expected);
quits (closing the portal session) when it reads ``quit`` on stdin.
``python drive_quick_pick.py --settings``: prints the first line and quits.

The vault is a throw-away one in a folder of its own, removed on the way out.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, for tests.*

from PySide6.QtCore import QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from authenticator.storage.kdf import KdfParams
from authenticator.ui.common.session import VaultSession
from authenticator.ui.common.settings import AppSettings
from authenticator.ui.common.timebase import FakeTimeBase
from authenticator.ui.quickpick.settings_section import QuickPickSettings
from tests.helpers.quickpick import GITHUB, GITLAB, expected_code, labels
from tests.helpers.windows import make_window

T0 = 1_700_000_020.0
LIMIT_MS = 60_000


def in_sway(title: str) -> dict[str, bool]:
    """How sway itself shows the window called ``title`` (mapped, focused, floating)."""
    if not os.environ.get("SWAYSOCK"):
        return {}
    tree = json.loads(subprocess.run(["swaymsg", "-t", "get_tree"], capture_output=True,
                                     text=True, check=True, timeout=10).stdout)
    found: dict[str, bool] = {}

    def walk(node: dict[str, Any], floating: bool) -> None:
        if node.get("name") == title and node.get("pid"):
            found.update(mapped=True, focused=bool(node.get("focused")), floating=floating)
        for child in node.get("nodes", []):
            walk(child, floating)
        for child in node.get("floating_nodes", []):
            walk(child, True)

    walk(tree, False)
    return found


def main() -> int:
    letters = sys.argv[1] if len(sys.argv) > 1 else ""
    folder = Path(tempfile.mkdtemp(prefix="authenticator-drive-"))
    try:
        return run(folder, letters)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(folder: Path, letters: str) -> int:
    app = QApplication(sys.argv[:1])
    timebase = FakeTimeBase(T0)
    session = VaultSession(folder / "vault.authvault", kdf=KdfParams.for_tests())
    window = make_window(session, AppSettings(folder / "settings.ini"), timebase)
    window.show()
    pick = window.features.quickpick
    window.quit_requested.connect(pick.close)
    status = {"rc": 3}

    def say(report: dict[str, object]) -> None:
        print(json.dumps(report), flush=True)

    def fail(why: str) -> None:
        print(why, file=sys.stderr, flush=True)
        status["rc"] = 1
        app.quit()

    def settled() -> bool:
        return pick.portal_state in ("active", "unavailable", "refused")

    def report_ready() -> None:
        section = QuickPickSettings(pick)
        say({"platform": app.platformName(), "mechanism": pick.mechanism,
             "portal_state": pick.portal_state, "mechanism_text": section.mechanism.text(),
             "status_text": section.status.text(),
             "keys_visible": not section.keys.isHidden()})
        section.deleteLater()
        if letters == "--settings":
            status["rc"] = 0
            app.quit()

    reported: list[bool] = []

    def on_status() -> None:
        if settled() and session.is_unlocked and not reported:
            reported.append(True)
            report_ready()

    def unlocked() -> None:
        session.add_many([GITHUB, GITLAB])
        on_status()

    pick.status_changed.connect(on_status)

    session.unlocked.connect(unlocked)
    session.unlock_failed.connect(fail)
    session.create("driver password")

    def box_shown() -> None:
        box = pick.box
        seen = in_sway(box.windowTitle())
        before = labels(box)
        QTest.keyClicks(box.field, letters)
        after = labels(box)
        QTest.keyClick(box.field, Qt.Key.Key_Return)
        copied = QGuiApplication.clipboard().text()
        say({"box_visible": True, "labels_before": sorted(before), "labels_after": after,
             "copied": copied, "expected": expected_code(GITHUB, timebase.now()),
             "box_hidden_after_enter": not box.isVisible(), "compositor": seen})

    def watch_box() -> None:
        box = pick._box
        handle = box.windowHandle() if box is not None else None
        if box is not None and box.isVisible() and handle is not None and handle.isExposed() \
                and box.field.hasFocus():
            box_shown()
            return
        QTimer.singleShot(20, watch_box)

    if letters != "--settings":
        watch_box()

    stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def command() -> None:
        line = sys.stdin.readline()
        if line.strip() == "quit" or not line:
            stdin.setEnabled(False)
            status["rc"] = 0
            window.really_quit = True
            window.quit_requested.emit()  # what File > Quit does: the portal session ends
            QTimer.singleShot(200, app.quit)

    stdin.activated.connect(command)
    QTimer.singleShot(LIMIT_MS, lambda: fail("timed out"))
    app.exec()
    pick.close()
    window.lock(confirm_unsaved=False)
    return int(status["rc"])


if __name__ == "__main__":
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    sys.exit(main())
