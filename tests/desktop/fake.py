"""The fake Screenshot portal (``fake_portal.py``) on a private bus, for in-process tests."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtDBus import QDBusConnection, QDBusMessage

from authenticator.ui.common.portal import ScreenshotPortal
from tests.desktop.session import PrivateBus, Processes, wait_for

FAKE = Path(__file__).with_name("fake_portal.py")
_names = itertools.count(1)


class FakePortal:
    """A private bus with, unless ``mode`` is None, the fake portal on it."""

    def __init__(self, mode: str | None, picture: Path | None = None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="authenticator-fakeportal-"))
        self.pictures = self.folder / "pictures"
        self.pictures.mkdir()
        self.processes = Processes(self.folder)
        self.bus = PrivateBus(self.folder, self.processes)
        self.connection_name = f"fake-portal-{os.getpid()}-{next(_names)}"
        self.connection = QDBusConnection.connectToBus(self.bus.address,
                                                       self.connection_name)
        if not self.connection.isConnected():
            self.stop()
            raise RuntimeError("cannot connect to the private bus")
        self.mode = mode
        if mode is not None:
            env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=self.bus.address,
                       TMPDIR=str(self.pictures), QT_QPA_PLATFORM="offscreen")
            self.proc = self.processes.start(
                "fake", [sys.executable, str(FAKE), mode, str(picture or "")], env)
            wait_for(lambda: '"ready"' in self.output(), "the fake portal",
                     logs=self.processes.logs)

    def output(self) -> str:
        return (self.folder / "fake.log").read_text(errors="replace")

    def events(self) -> list[dict[str, object]]:
        found = []
        for line in self.output().splitlines():
            if line.startswith("{"):
                found.append(json.loads(line))
        return found

    def calls(self) -> list[dict[str, object]]:
        return [e for e in self.events() if e.get("call")]

    def written(self) -> list[str]:
        return [str(e["wrote"]) for e in self.events() if "wrote" in e]

    def portal(self, parent: QObject | None = None, timeout_ms: int = 15_000
               ) -> ScreenshotPortal:
        return ScreenshotPortal(parent, bus=self.connection, timeout_ms=timeout_ms)

    def release(self) -> None:
        """``hold`` mode: let the fake answer now (a picture after we stopped waiting)."""
        message = QDBusMessage.createMethodCall(
            "org.freedesktop.portal.Desktop", "/control", "org.example.FakePortal",
            "Release")
        self.connection.call(message)

    def stop(self) -> None:
        QDBusConnection.disconnectFromBus(self.connection_name)
        self.processes.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def offline_portal(parent: QObject) -> ScreenshotPortal:
    """A portal client with no bus at all (what tests get unless they ask for more)."""
    name = f"no-bus-{os.getpid()}-{next(_names)}"
    bus = QDBusConnection.connectToBus("unix:path=/nonexistent/authenticator-test-bus", name)
    return ScreenshotPortal(parent, bus=bus)


def run(argv: list[str], env: dict[str, str], timeout: float = 60
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=timeout,
                          check=False)
