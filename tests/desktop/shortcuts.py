"""The real xdg-desktop-portal (1.16) with a test GlobalShortcuts backend, on a private bus.

xdg-desktop-portal 1.16 picks a backend per interface from the ``*.portal`` files in
``XDG_DESKTOP_PORTAL_DIR`` whose ``UseIn`` names a desktop of ``XDG_CURRENT_DESKTOP``
(1.17+ reads portals.conf first); it looks once, at start-up, so the backend
(``fake_shortcuts_backend.py``) is on the bus before it starts. xdg-desktop-portal-wlr has
no GlobalShortcuts: with ``backend=None`` the portal runs without that interface, like on
sway or any desktop without the service.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.desktop.session import XDP, PrivateBus, Processes, SwaySession, wait_for

BACKEND = Path(__file__).with_name("fake_shortcuts_backend.py")
BACKEND_NAME = "org.freedesktop.impl.portal.desktop.fakeshortcuts"
PORTAL_FILE = ("[portal]\nDBusName=" + BACKEND_NAME + "\n"
               "Interfaces=org.freedesktop.impl.portal.GlobalShortcuts;\nUseIn=sway;\n")


class Backend:
    """The test backend as one of ``processes``; ``calls()`` are what it received."""

    def __init__(self, processes: Processes, env: dict[str, str], mode: str,
                 bus: PrivateBus) -> None:
        self.processes, self.bus = processes, bus
        self.log = processes.folder / "shortcuts-backend.log"
        processes.start("shortcuts-backend", [sys.executable, str(BACKEND), mode], env)
        wait_for(lambda: bus.has_name(BACKEND_NAME), "the GlobalShortcuts test backend",
                 logs=processes.logs)

    def calls(self) -> list[dict[str, object]]:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return [json.loads(line) for line in text.splitlines()
                if line.startswith("{") and '"call"' in line]

    def calls_named(self, name: str) -> list[dict[str, object]]:
        return [c for c in self.calls() if c["call"] == name]

    def press(self, shortcut_id: str = "quick-pick") -> int:
        """The desktop saw the keys: Activated (then Deactivated) in every session that
        bound ``shortcut_id``; returns how many sessions."""
        out = subprocess.run(
            ["dbus-send", f"--bus={self.bus.address}", "--print-reply",
             f"--dest={BACKEND_NAME}", "/control", "org.example.FakeShortcuts.Activate",
             f"string:{shortcut_id}"], capture_output=True, text=True, timeout=10,
            check=True)
        return int(out.stdout.split()[-1])


class ShortcutsPortal:
    """Private bus + (optionally) the test backend + xdg-desktop-portal, no compositor."""

    def __init__(self, backend: str | None = "bind", *, portal: bool = True) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="authenticator-shortcuts-"))
        self.processes = Processes(self.folder)
        try:
            runtime, portals = self.folder / "rt", self.folder / "portals"
            runtime.mkdir(mode=0o700)
            portals.mkdir()
            self.bus = PrivateBus(self.folder, self.processes)
            self.env = {k: v for k, v in os.environ.items() if k not in (
                "DISPLAY", "WAYLAND_DISPLAY")}
            self.env.update(DBUS_SESSION_BUS_ADDRESS=self.bus.address,
                            XDG_RUNTIME_DIR=str(runtime), XDG_CURRENT_DESKTOP="sway",
                            XDG_DESKTOP_PORTAL_DIR=str(portals), QT_QPA_PLATFORM="offscreen")
            self.backend: Backend | None = None
            if backend is not None:
                (portals / "fakeshortcuts.portal").write_text(PORTAL_FILE)
                self.backend = Backend(self.processes, self.env, backend, self.bus)
            if portal:
                self.processes.start("xdp", [XDP, "-v", "-r"], self.env)
                wait_for(lambda: self.bus.has_name("org.freedesktop.portal.Desktop"),
                         "xdg-desktop-portal on the bus", logs=self.processes.logs)
        except BaseException:
            self.stop()
            raise

    def connect(self) -> object:
        """A jeepney connection to this bus (what the app's client opens on the real one)."""
        from jeepney.io.blocking import open_dbus_connection

        return open_dbus_connection(bus=self.bus.address)

    def stop(self) -> None:
        self.processes.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def sway_with_shortcuts(mode: str | None = "bind") -> tuple[SwaySession, Backend | None]:
    """Headless sway with its usual portals plus, unless ``mode`` is None, the test
    GlobalShortcuts backend (started before xdg-desktop-portal)."""
    found: list[Backend] = []

    def before_portal(session: SwaySession) -> None:
        if mode is not None:
            (Path(session.env["XDG_DESKTOP_PORTAL_DIR"]) / "fakeshortcuts.portal").write_text(
                PORTAL_FILE)
            found.append(Backend(session.processes, session.env, mode, session.bus))

    session = SwaySession(before_portal=before_portal)
    return session, (found[0] if found else None)
