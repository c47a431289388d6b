"""Drive the app's real Add dialog in a real session, as a person would.

``python drive_add_dialog.py [X,Y,W,H]`` (QT_QPA_PLATFORM=wayland under sway, or xcb
under Xvfb): opens the Add dialog, clicks Scan screen, waits for the result, clicks Add if
accounts were found, and prints one JSON line: the review labels, what was added (public
fields), the portal's answers (outcome and picture path), the drag-a-box overlays that
were shown (their geometries and the screens') and the message shown. With a box (global
logical coordinates), the box is dragged on the overlay of the monitor that holds it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from authenticator.core.account import Account
from authenticator.ui.common.portal import ScreenshotPortal
from authenticator.ui.enroll.dialog import EnrollDialog

LIMIT_S = 40.0


def _sway_view(title: str) -> list[dict[str, object]]:
    """Where sway itself shows the windows called ``title`` (output, full screen)."""
    if not os.environ.get("SWAYSOCK"):
        return []
    tree = json.loads(subprocess.run(["swaymsg", "-t", "get_tree"], capture_output=True,
                                     text=True, check=True).stdout)
    found: list[dict[str, object]] = []

    def walk(node: dict[str, Any], output: str | None) -> None:
        if node.get("type") == "output":
            output = node.get("name")
        if node.get("name") == title and node.get("pid"):
            found.append({"output": output, "fullscreen": node.get("fullscreen_mode") == 1,
                          "visible": node.get("visible")})
        for child in node.get("nodes", []) + node.get("floating_nodes", []):
            walk(child, output)

    walk(tree, None)
    return found


def _rect(rect: QRect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def main() -> int:
    app = QApplication(sys.argv[:1])
    added: list[Account] = []
    answers: list[dict[str, str]] = []

    def portal(parent):  # the real client, watched
        client = ScreenshotPortal(parent)
        client.finished.connect(lambda a: answers.append(
            {"outcome": a.outcome.value, "path": a.path, "detail": a.detail}))
        return client

    def add(accounts: list[Account]) -> list[Account]:
        added.extend(accounts)
        return accounts

    dialog = EnrollDialog(time.time, add, None, portal=portal)
    dialog.setWindowTitle("authenticator-add")
    dialog.show()
    started = time.monotonic()
    report: dict[str, object] = {"platform": app.platformName(), "overlays": [],
                                 "screens": [_rect(s.geometry()) for s in app.screens()]}
    box = [int(v) for v in sys.argv[1].split(",")] if len(sys.argv) > 1 else None

    def finish() -> None:
        report.update(
            labels=dialog.review_page.labels(),
            added=[a.to_public_json() for a in added],
            portal=answers,
            message=dialog.message.text() if dialog.message.isVisible() else "")
        print(json.dumps(report), flush=True)
        dialog.close()
        app.quit()

    def drag() -> None:
        overlays = dialog.screen_route.overlays
        report["overlays"] = [
            {"geometry": _rect(o.geometry()), "screen": _rect(o.screen().geometry()),
             "picture": [o.screenshot.width(), o.screenshot.height()]} for o in overlays]
        report["compositor"] = _sway_view("Select the QR code")
        assert box is not None
        x, y, w, h = box
        for overlay in overlays:
            origin = overlay.screen().geometry().topLeft()
            local = QRect(x - origin.x(), y - origin.y(), w, h)
            if QRect(QPoint(0, 0), overlay.size()).contains(local.center()):
                QTest.mousePress(overlay, Qt.MouseButton.LeftButton,
                                 Qt.KeyboardModifier.NoModifier, local.topLeft())
                QTest.mouseMove(overlay, local.bottomRight())
                QTest.mouseRelease(overlay, Qt.MouseButton.LeftButton,
                                   Qt.KeyboardModifier.NoModifier, local.bottomRight())
                report["dragged_on"] = _rect(overlay.screen().geometry())
                return
        report["dragged_on"] = None

    def step() -> None:
        overlays = dialog.screen_route.overlays
        if box is not None and overlays and "dragged_on" not in report:
            if all(o.isVisible() and o.windowHandle() is not None
                   and o.windowHandle().isExposed() for o in overlays):
                drag()
            QTimer.singleShot(50, step)
        elif dialog.pages.currentWidget() is dialog.review_page:
            QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
            finish()
        elif (not dialog.screen_route.busy and not dialog.scan_pending()
              and dialog.message.isVisible() and report.get("clicked")) or (
                time.monotonic() - started > LIMIT_S):
            finish()
        else:
            QTimer.singleShot(50, step)

    def click() -> None:
        if not dialog.windowHandle() or not dialog.windowHandle().isExposed():
            QTimer.singleShot(50, click)
            return
        QTest.mouseClick(dialog.scan_screen_button, Qt.MouseButton.LeftButton)
        report["clicked"] = True
        QTimer.singleShot(50, step)

    QTimer.singleShot(0, click)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
