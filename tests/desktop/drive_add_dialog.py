"""Drive the app's real Add dialog in a real session, as a person would.

``python drive_add_dialog.py`` (QT_QPA_PLATFORM=wayland under sway, or xcb under Xvfb):
opens the Add dialog, clicks Scan screen, waits for the result, clicks Add if accounts
were found, and prints one JSON line: the review labels, what was added (public fields),
the portal's answers (outcome and picture path) and the message shown.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from authenticator.core.account import Account
from authenticator.ui.enroll.dialog import EnrollDialog
from authenticator.ui.platform.portal import ScreenshotPortal

LIMIT_S = 40.0


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
    report: dict[str, object] = {"platform": app.platformName()}

    def finish() -> None:
        report.update(
            labels=dialog.review_page.labels(),
            added=[a.to_public_json() for a in added],
            portal=answers,
            message=dialog.message.text() if dialog.message.isVisible() else "")
        print(json.dumps(report), flush=True)
        dialog.close()
        app.quit()

    def step() -> None:
        if dialog.pages.currentWidget() is dialog.review_page:
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
