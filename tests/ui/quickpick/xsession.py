"""A real X server for the quick pick tests: Xvfb on a free display, a window manager
(openbox, for focus handling as on a desktop), optionally a tray (trayer), and helpers to
drive it with xdotool and to run our app in another process. All started and stopped here."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[3]


def wait_for(condition: Callable[[], T], timeout: float = 15.0, what: str = "") -> T:
    """Poll an outside process's state until ``condition`` holds (bounded)."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.05)


def missing_programs(*names: str) -> list[str]:
    return [n for n in names if shutil.which(n) is None]


class XSession:
    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="aqp"))  # short: local socket paths
        self.procs: list[subprocess.Popen[bytes]] = []
        try:
            self.display = self._start_server()
        except BaseException:
            self.close()
            raise
        home = self.dir / "home"
        (home / "config").mkdir(parents=True)
        (home / "data").mkdir()
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "QT_QPA_PLATFORM",
                                 "DBUS_SESSION_BUS_ADDRESS", "AUTHENTICATOR_PASSWORD")}
        self.env.update(DISPLAY=self.display, QT_QPA_PLATFORM="xcb", HOME=str(home),
                        XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                        TMPDIR=str(self.dir), PYTHONPATH=str(ROOT),
                        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
                        QT_QPA_PLATFORMTHEME="", QT_ACCESSIBILITY="0")
        try:
            if shutil.which("openbox"):
                self._start_window_manager()
        except BaseException:
            self.close()
            raise

    def _start_server(self) -> str:
        """Xvfb on a display number nobody uses: no lock file, no socket file and no
        abstract socket (Xlib clients try the abstract one first, so a number whose
        abstract socket belongs to another server would send our keys there)."""
        taken = Path("/proc/net/unix").read_text(errors="replace")
        start = random.randrange(200, 900)  # spreads parallel runs apart
        for number in range(start, start + 100):
            name = f"/tmp/.X11-unix/X{number}"
            if (Path(f"/tmp/.X{number}-lock").exists() or Path(name).exists()
                    or f"@{name}\n" in taken or f"@{name} " in taken):
                continue
            display = f":{number}"
            server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24",
                                       "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
            self.procs.append(server)
            self.display = display
            try:
                wait_for(lambda s=server: self._root_property(None) or s.poll() is not None,
                         what="the X server")
            except AssertionError:
                continue
            if server.poll() is None:
                return display
        raise RuntimeError("Xvfb did not start")

    def _start_window_manager(self) -> None:
        # Now and then openbox fails to connect to a server that has just started (and
        # exits): start it again, three times at most.
        for attempt in range(3):
            wm = self.start(["openbox", "--sm-disable"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
            ready = wait_for(lambda w=wm: self._root_property("_NET_SUPPORTING_WM_CHECK")
                             or w.poll() is not None, what="the window manager")
            if wm.poll() is None and ready:
                return
            if attempt == 2:
                assert wm.stderr is not None
                raise AssertionError(f"openbox did not start: {wm.stderr.read()!r}")

    def _root_property(self, name: str | None) -> bool:
        """The X server accepts connections (and its root window has property ``name``)."""
        from Xlib import X, display, error

        try:
            d = display.Display(self.display)
        except Exception:  # Xlib raises several types while the server starts
            return False
        try:
            if name is None:
                return True
            root = d.screen().root
            try:
                return root.get_full_property(d.intern_atom(name), X.AnyPropertyType) is not None
            except error.XError:
                return False
        finally:
            d.close()

    def start(self, argv: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(argv, env=self.env, **kwargs)  # type: ignore[call-overload]
        self.procs.append(proc)
        return proc  # type: ignore[no-any-return]

    def start_tray(self) -> None:
        self.start(["trayer", "--edge", "bottom", "--widthtype", "request"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def app(self, *args: str) -> subprocess.Popen[bytes]:
        return self.start([sys.executable, "-m", "authenticator", *args],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def xdotool(self, *args: str) -> str:
        result = subprocess.run(["xdotool", *args], env=self.env, capture_output=True,
                                text=True, timeout=20)
        return result.stdout.strip()

    def windows(self, name: str, visible: bool = True) -> list[str]:
        args = ["search", "--onlyvisible"] if visible else ["search"]
        return self.xdotool(*args, "--name", name).split()

    def height(self, window: str) -> int:
        for line in self.xdotool("getwindowgeometry", window).splitlines():
            if "Geometry:" in line:
                return int(line.split("x")[-1])
        return 0

    def close(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(5)
            for stream in (proc.stdin, proc.stdout, proc.stderr):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()
        shutil.rmtree(self.dir, ignore_errors=True)


@contextlib.contextmanager
def x_session() -> Iterator[XSession]:
    session = XSession()
    try:
        yield session
    finally:
        session.close()
