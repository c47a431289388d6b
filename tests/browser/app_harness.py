"""The real app, offscreen, in its own process, driven by the end-to-end tests.

It builds the window exactly as ``ui/app.py`` does (the same feature installation), with a
cheap-KDF vault and an injected clock, and obeys one JSON command per line on stdin
(answering one JSON line on stdout): read the state, click a question's buttons, lock by
the lock button, type the password into the unlock page, open Settings and revoke.

    python tests/browser/app_harness.py VAULT PASSWORD UNIX_TIME SETTINGS_INI
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSocketNotifier, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from authenticator.storage.kdf import KdfParams
from authenticator.ui.app import build_window
from authenticator.ui.browser.feature import BrowserFeature
from authenticator.ui.browser.settings_section import BrowserSettingsBox
from authenticator.ui.common.session import VaultSession
from authenticator.ui.common.settings import AppSettings
from authenticator.ui.common.timebase import FakeTimeBase
from authenticator.ui.main_window import MainWindow
from authenticator.ui.settings.dialog import SettingsDialog


class Harness:
    def __init__(self, vault: str, password: str, at: float, ini: str) -> None:
        self.app = QApplication.instance() or QApplication([])
        settings = AppSettings(Path(ini))
        settings.set("autolock_minutes", 0)
        self.time = FakeTimeBase(at)
        self.session = VaultSession(Path(vault), kdf=KdfParams.for_tests())
        self.window: MainWindow = build_window(self.session, settings, self.time)
        self.window.show()
        self.feature: BrowserFeature = self.window.features.browser
        assert self.feature is not None and self.feature.listening, "browser server not up"
        self.password = password
        self.notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
        self.notifier.activated.connect(self._read)
        self._buffer = b""

    def _read(self) -> None:
        chunk = os.read(sys.stdin.fileno(), 65536)
        if not chunk:
            self.app.quit()
            return
        self._buffer += chunk
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            try:
                result = self.run(json.loads(line))
            except Exception as exc:  # report, keep running: the test decides
                result = {"error": f"{type(exc).__name__}: {exc}"}
            sys.stdout.write(json.dumps(result) + "\n")
            sys.stdout.flush()

    def state(self) -> dict[str, Any]:
        question = self.feature.current_question()
        q = None
        if question is not None and question.isVisible():
            items = getattr(question, "list", None)
            q = {"kind": question.objectName(),
                 "items": [items.item(i).text() for i in range(items.count())] if items else []}
        page = self.window.pages.currentWidget()
        return {"now": self.time.now(), "unlocked": self.session.is_unlocked,
                "page": type(page).__name__,
                "visible": self.window.isVisible(), "question": q,
                "waiting_unlock": len(self.feature.waiting_unlock),
                "recent": [[r.site, r.account, r.result] for r in self.feature.recent],
                "pairings": len(self.feature.store.pairings),
                "websites": {a.label: list(a.websites) for a in self.session.accounts()}}

    def run(self, command: dict[str, Any]) -> dict[str, Any]:
        name = command["cmd"]
        if name == "state":
            return self.state()
        if name == "answer":  # click a button of the question on screen
            dialog = self.feature.current_question()
            if dialog is None:
                return {"error": "no question on screen"}
            if command.get("choose") and not dialog.choose(command["choose"]):  # type: ignore[attr-defined]
                return {"error": "no such account in the list"}
            button = dialog.ok_button if command["button"] == "ok" else dialog.cancel_button  # type: ignore[attr-defined]
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            return {"ok": True}
        if name == "lock":
            QTest.mouseClick(self.window.codes.lock_button, Qt.MouseButton.LeftButton)
            return {"ok": not self.session.is_unlocked}
        if name == "unlock":
            page = self.window.unlock_page
            page.password.clear()
            QTest.keyClicks(page.password, command.get("password", self.password))
            QTest.keyClick(page.password, Qt.Key.Key_Return)
            return {"ok": True}
        if name == "advance":
            self.time.advance(float(command["seconds"]))
            self.window.tick()
            return {"ok": True}
        if name == "revoke_all":  # Settings > Browser extension > Revoke, then OK
            QTimer.singleShot(0, self.window.open_settings)
            QTimer.singleShot(50, self._revoke_in_settings)
            return {"ok": True}
        if name == "grab":  # a screenshot of the question on screen (or the window)
            widget = self.feature.current_question() or self.window
            return {"ok": widget.grab().save(command["path"])}
        if name == "quit":
            QTimer.singleShot(0, self.app.quit)
            return {"ok": True}
        return {"error": f"unknown command {name}"}

    def _revoke_in_settings(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SettingsDialog):
            QTimer.singleShot(50, self._revoke_in_settings)
            return
        box = dialog.findChild(BrowserSettingsBox)
        assert box is not None
        for button in list(box.revoke_buttons.values()):
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        dialog.accept()


def main() -> int:
    vault, password, at, ini = sys.argv[1:5]
    harness = Harness(vault, password, float(at), ini)
    sys.stdout.write(json.dumps({"ready": True}) + "\n")
    sys.stdout.flush()
    code = harness.app.exec()
    harness.feature.close()
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
