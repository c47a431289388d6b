"""Quick pick benchmark: from the trigger to the box painted, with the app running
(500 accounts, unlocked, main window hidden), median of 20 (target < 150 ms).

Run: ``python benchmarks/quickpick.py [--runs 20]``

Triggers, each timed from just before it is sent to the box's first paint event (both
clocks are CLOCK_MONOTONIC, comparable across processes):
- shortcut: ``xdotool key ctrl+alt+o`` on a real X server (Xvfb, with openbox when
  installed): X key grab -> grab thread -> GUI thread -> box shown and painted. The
  xdotool process start is included.
- message: the single-instance channel's ``pick`` line, as `authenticator pick` sends it.
- command: the whole `authenticator pick` process (Python start, Qt import, connect):
  what a desktop custom shortcut on Wayland runs. No target (it is mostly interpreter
  start-up), printed for context.
Without Xvfb/xdotool, the shortcut figure is skipped and Qt runs offscreen.
Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "benchmark password"
TARGET_MS = 150.0

CHILD = r'''
import sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from authenticator.storage.vault import Vault
from authenticator.ui.app import build_window, instance_name
from authenticator.ui.common.settings import AppSettings
from authenticator.ui.common.timebase import TimeBase
from authenticator.ui.platform.single_instance import SingleInstance
from authenticator.ui.quickpick.box import QuickPickBox
from authenticator.ui.common.session import VaultSession

vault_path = Path(sys.argv[1])
vault = Vault.open(vault_path, "benchmark password")
session = VaultSession(vault_path)
settings = AppSettings(vault_path.with_suffix(".ini"))
settings.set("autolock_minutes", 0)
window = build_window(session, settings, TimeBase())
pick = window.features.quickpick
instance = SingleInstance(instance_name(None, ""))
instance.listen()
instance.pick_requested.connect(pick.show_box)
session._opened(vault)  # unlocked, the window stays hidden (as in the tray)
shown = {"painted": False}

class Watch(QObject):
    def eventFilter(self, obj, event):
        if (event.type() == QEvent.Type.Paint and isinstance(obj, QuickPickBox)
                and not shown["painted"]):
            shown["painted"] = True
            print(f"painted {time.monotonic()!r}", flush=True)
            QTimer.singleShot(30, close)
        return False

def close():
    pick.box.hide()
    shown["painted"] = False
    print("hidden", flush=True)

watch = Watch()
app.installEventFilter(watch)

def ready():
    from authenticator.ui.platform.single_instance.channel import socket_path
    print(f"ready {socket_path(instance.name)} {pick.registered_shortcut or '-'}",
          flush=True)

QTimer.singleShot(1000, ready)
app.exec()
'''


def make_vault(folder: Path, count: int) -> Path:
    from authenticator.core.account import Account
    from authenticator.storage.kdf import KdfParams
    from authenticator.storage.vault import Vault

    path = folder / "bench.authvault"
    vault = Vault.create(path, PASSWORD, kdf=KdfParams.for_tests())
    issuers = ["GitHub", "Google", "Microsoft", "Amazon", "Proton", "Dropbox", "Steam", "AWS"]
    for i in range(count):
        vault.add(Account(secret=os.urandom(20), issuer=f"{issuers[i % len(issuers)]} {i}",
                          name=f"user{i}@example.com", favorite=i % 50 == 0))
    vault.save()
    vault.close()
    return path


def free_display() -> str:
    """A display number with no lock file, socket file or abstract socket (X clients try
    the abstract one first: another server's would receive our keys)."""
    taken = Path("/proc/net/unix").read_text(errors="replace")
    start = random.randrange(200, 900)
    for number in range(start, start + 100):
        name = f"/tmp/.X11-unix/X{number}"
        if not (Path(f"/tmp/.X{number}-lock").exists() or Path(name).exists()
                or f"@{name}" in taken):
            return f":{number}"
    raise SystemExit("error: no free X display number")


def start_x(env: dict[str, str]) -> list[subprocess.Popen[bytes]]:
    if shutil.which("Xvfb") is None or shutil.which("xdotool") is None:
        env["QT_QPA_PLATFORM"] = "offscreen"
        return []
    env["DISPLAY"] = free_display()
    xvfb = subprocess.Popen(["Xvfb", env["DISPLAY"], "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while subprocess.run(["xdotool", "getmouselocation"], env=env, capture_output=True,
                         check=False).returncode != 0:
        if time.monotonic() > deadline or xvfb.poll() is not None:
            raise SystemExit("error: Xvfb did not start")
        time.sleep(0.05)
    env["QT_QPA_PLATFORM"] = "xcb"
    procs = [xvfb]
    if shutil.which("openbox"):
        procs.append(subprocess.Popen(["openbox", "--sm-disable"], env=env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    return procs


def measure(app: subprocess.Popen[str], trigger, runs: int) -> list[float]:
    assert app.stdout is not None
    times = []
    for _ in range(runs):
        t0 = time.monotonic()
        trigger()
        line = app.stdout.readline().split()
        if not line or line[0] != "painted":
            raise SystemExit(f"error: the box did not show ({line})")
        times.append((float(line[1]) - t0) * 1000)
        while app.stdout.readline().strip() != "hidden":
            pass
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="aqb"))
    env = {k: v for k, v in os.environ.items()
           if k not in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "DBUS_SESSION_BUS_ADDRESS")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(TMPDIR=str(folder), XDG_CONFIG_HOME=str(folder / "config"),
               AUTHENTICATOR_VAULT=str(make_vault(folder, 500)), PYTHONPATH=str(ROOT),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    procs = start_x(env)
    app = subprocess.Popen([sys.executable, "-c", CHILD, env["AUTHENTICATOR_VAULT"]], env=env,
                           stdout=subprocess.PIPE, text=True, cwd=ROOT)
    ok = True
    try:
        assert app.stdout is not None
        _, server, shortcut = app.stdout.readline().split()

        def message() -> None:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                s.connect(server)
                s.sendall(b"pick\n")

        def command() -> None:
            subprocess.Popen([sys.executable, "-m", "authenticator", "pick"], env=env,
                             cwd=ROOT).wait()

        def key() -> None:
            subprocess.run(["xdotool", "key", shortcut.lower()], env=env, check=True)

        first = measure(app, message, 1)[0]  # builds the box: counted apart
        print(f"quick pick, 500 accounts, app running (unlocked, window hidden), "
              f"{env['QT_QPA_PLATFORM']}: first show {first:.0f} ms")
        triggers = [("shortcut (xdotool key)", key)] if shortcut != "-" else []
        triggers.append(("pick message (single-instance channel)", message))
        for label, trigger in triggers:
            median = statistics.median(measure(app, trigger, args.runs))
            passed = median < TARGET_MS
            ok = ok and passed
            print(f"  {label} -> box painted: median of {args.runs} {median:.1f} ms "
                  f"(target < {TARGET_MS:.0f} ms) {'PASS' if passed else 'FAIL'}")
        runs = max(3, args.runs // 4)
        median = statistics.median(measure(app, command, runs))
        print(f"  context: the whole `authenticator pick` process -> box painted: median of "
              f"{runs} {median:.0f} ms (Python and Qt start-up; no target)")
        if shortcut == "-":
            print("  (no X server for the shortcut figure: install xvfb and xdotool)")
    finally:
        app.terminate()
        app.wait(10)
        for proc in reversed(procs):
            proc.terminate()
            proc.wait(10)
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
