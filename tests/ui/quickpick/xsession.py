"""A real X server for the quick pick tests: Xvfb on a free display, a window manager
(openbox, for focus handling as on a desktop), optionally a tray (trayer), and helpers to
drive it with xdotool and to run our app in another process. All started and stopped here."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def wait_for(condition: Callable[[], object], timeout: float = 15.0, what: str = "") -> object:
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
        read, write = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0",
                                 "1280x800x24", "-nolisten", "tcp"], pass_fds=(write,),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        self.procs.append(xvfb)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.close()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
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
        if shutil.which("openbox"):
            self.start(["openbox", "--sm-disable"])
            wait_for(self._window_manager_running, what="the window manager")

    def _window_manager_running(self) -> bool:
        result = subprocess.run(["xdotool", "search", "--maxdepth", "1", "--class", "."],
                                env=self.env, capture_output=True, timeout=10)
        return result.returncode in (0, 1)  # the server answers (openbox has no window)

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
