"""Real desktop pieces for tests, started by the test and stopped after it.

- :class:`PrivateBus`: a dbus-daemon of our own (no service activation unless asked).
- :class:`Xvfb`: an X server on a free display number (``-displayfd``).
- :class:`SwaySession`: headless sway (pixman) + pipewire + xdg-desktop-portal(-wlr) on a
  private bus, following ``/work/shared/wayland-portal-demo.sh``: sway refuses to run as
  root (run it as nobody), xdpw needs pipewire, xdg-desktop-portal only exports
  Screenshot when some portal claims Access (a stub ``.portal`` file), and xdpw always
  writes its picture to ``/tmp/out.png`` (a lock file serialises parallel runs).

Everything lives in a fresh temporary folder; ``stop()`` ends what was started, in
reverse order, and removes the folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

XDPW_PICTURE = Path("/tmp/out.png")  # hard-coded in xdg-desktop-portal-wlr 0.7
XDPW_LOCK = Path("/tmp/authenticator-tests-xdpw.lock")
XDP = "/usr/libexec/xdg-desktop-portal"
XDPW = "/usr/libexec/xdg-desktop-portal-wlr"
SWAY_PROGRAMS = ("sway", "pipewire", "dbus-daemon", "grim", XDP, XDPW)
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  {servicedirs}
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def missing_programs(programs: tuple[str, ...]) -> list[str]:
    return [p for p in programs if not (shutil.which(p) or os.access(p, os.X_OK))]


def wait_for(check: Callable[[], bool], what: str, timeout: float = 20.0,
             logs: Callable[[], str] | None = None) -> None:
    """Poll ``check`` until it holds (start-up of external programs, not a test clock)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise RuntimeError(f"timed out waiting for {what}" + (f"\n{logs()}" if logs else ""))


class Processes:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.started: list[tuple[str, subprocess.Popen[bytes]]] = []

    def start(self, name: str, argv: list[str], env: Mapping[str, str],
              **kwargs: object) -> subprocess.Popen[bytes]:
        log = open(self.folder / f"{name}.log", "wb")  # noqa: SIM115 (closed by the child)
        proc = subprocess.Popen(argv, env=dict(env), stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True, **kwargs)  # type: ignore[call-overload]
        log.close()
        self.started.append((name, proc))
        return proc

    def logs(self) -> str:
        parts = []
        for name, _proc in self.started:
            with contextlib.suppress(OSError):
                text = (self.folder / f"{name}.log").read_text(errors="replace")
                parts.append(f"--- {name}\n" + "\n".join(text.splitlines()[-15:]))
        return "\n".join(parts)

    def stop(self) -> None:
        for _name, proc in reversed(self.started):
            if proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGTERM)
        for _name, proc in reversed(self.started):
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
        self.started.clear()


class PrivateBus:
    """A session bus of our own. ``activation`` lets it start services it knows about
    (the real portal bus-activates its document portal and permission store)."""

    def __init__(self, folder: Path, processes: Processes, *, activation: bool = False) -> None:
        self.socket = folder / "bus"
        self.address = f"unix:path={self.socket}"
        config = folder / "bus.conf"
        dirs = "<standard_session_servicedirs/>" if activation else ""
        config.write_text(BUS_CONFIG.format(socket=self.socket, servicedirs=dirs))
        processes.start("dbus", ["dbus-daemon", f"--config-file={config}", "--nofork",
                                 "--nopidfile"], os.environ)
        # The socket file exists a moment before the daemon accepts connections.
        wait_for(self.accepts, "the private session bus", logs=processes.logs)

    def accepts(self) -> bool:
        import socket

        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            try:
                sock.connect(str(self.socket))
            except OSError:
                return False
        return True

    def has_name(self, name: str) -> bool:
        out = subprocess.run(
            ["dbus-send", f"--bus={self.address}", "--print-reply",
             "--dest=org.freedesktop.DBus", "/", "org.freedesktop.DBus.NameHasOwner",
             f"string:{name}"], capture_output=True, text=True, check=False)
        return "boolean true" in out.stdout


class Xvfb:
    """An X server on a display number it picks itself (no collisions between runs)."""

    def __init__(self, screens: list[str] | None = None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="authenticator-xvfb-"))
        self.processes = Processes(self.folder)
        read, write = os.pipe()
        args = ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp"]
        for index, size in enumerate(screens or ["1280x800x24"]):
            args += ["-screen", str(index), size]
        self.processes.start("xvfb", args, os.environ, pass_fds=(write,))
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.stop()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"

    def stop(self) -> None:
        self.processes.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class SwaySession:
    """Headless sway + pipewire + xdg-desktop-portal(-wlr) on a private session bus."""

    _running = False

    def __init__(self, outputs: list[str] | None = None, extra_config: str = "",
                 before_portal: Callable[[SwaySession], None] | None = None) -> None:
        """``outputs``: one "WIDTHxHEIGHT+X+Y" per monitor (default: one 1280x720).
        ``before_portal(session)``: starts more portal backends (xdg-desktop-portal looks
        for them once, when it starts)."""
        self.outputs = outputs or []
        self.extra_config = extra_config
        self.before_portal = before_portal
        self.folder = Path(tempfile.mkdtemp(prefix="authenticator-wayland-"))
        self.folder.chmod(0o711)  # sway runs as nobody and must reach its runtime folder
        self.processes = Processes(self.folder)
        if SwaySession._running:
            raise RuntimeError("one SwaySession at a time per process (they share "
                               "/tmp/out.png; the lock below would wait forever)")
        SwaySession._running = True
        self._lock = open(XDPW_LOCK, "w")  # noqa: SIM115 (held until stop)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX)  # one xdpw writing /tmp/out.png at a time
            self._start()
        except BaseException:
            self.stop()
            raise

    def _start(self) -> None:
        sway_rt, client_rt, portals = (self.folder / n for n in ("sway-rt", "client-rt",
                                                                 "portals"))
        for folder in (sway_rt, client_rt, portals):
            folder.mkdir(mode=0o700)
        XDPW_PICTURE.unlink(missing_ok=True)  # never accept a stale picture
        self.bus = PrivateBus(self.folder, self.processes, activation=True)
        config = self.folder / "sway.conf"
        lines = ["output * bg #808080 solid_color", "default_border none",
                 "default_floating_border none", "xwayland disable"]
        for index, spec in enumerate(self.outputs, 1):
            size, x, y = spec.split("+")
            lines.append(f"output HEADLESS-{index} mode {size} position {x} {y}")
        config.write_text("\n".join(lines) + "\n" + self.extra_config)
        sway_env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
        sway_env.update(XDG_RUNTIME_DIR=str(sway_rt), HOME=str(sway_rt),
                        WLR_BACKENDS="headless", WLR_LIBINPUT_NO_DEVICES="1",
                        WLR_RENDERER="pixman",
                        WLR_HEADLESS_OUTPUTS=str(max(len(self.outputs), 1)))
        argv = ["sway", "-c", str(config)]
        if os.getuid() == 0:  # sway 1.7 refuses to run as root
            os.chown(sway_rt, 65534, 65534)
            argv = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *argv]
        self.processes.start("sway", argv, sway_env)
        socket = sway_rt / "wayland-1"
        wait_for(socket.exists, "the sway Wayland socket", logs=self.processes.logs)
        self.swaysock = str(next(sway_rt.glob("sway-ipc.*.sock")))
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("DISPLAY", "QT_QPA_PLATFORM_PLUGIN_PATH")}
        self.env.update(DBUS_SESSION_BUS_ADDRESS=self.bus.address,
                        XDG_RUNTIME_DIR=str(client_rt), WAYLAND_DISPLAY=str(socket),
                        XDG_CURRENT_DESKTOP="sway", XDG_DESKTOP_PORTAL_DIR=str(portals),
                        SWAYSOCK=self.swaysock, QT_QPA_PLATFORM="wayland")
        shutil.copy("/usr/share/xdg-desktop-portal/portals/wlr.portal", portals)
        (portals / "stubaccess.portal").write_text(
            "[portal]\nDBusName=org.freedesktop.impl.portal.desktop.stubaccess\n"
            "Interfaces=org.freedesktop.impl.portal.Access;\nUseIn=sway;\n")
        subprocess.run(["dbus-update-activation-environment", "WAYLAND_DISPLAY",
                        "XDG_RUNTIME_DIR", "XDG_CURRENT_DESKTOP", "XDG_DESKTOP_PORTAL_DIR"],
                       env=self.env, check=True, capture_output=True)
        self.processes.start("pipewire", ["pipewire"], self.env)
        wait_for((client_rt / "pipewire-0").exists, "the pipewire socket",
                 logs=self.processes.logs)
        self.processes.start("xdpw", [XDPW, "-l", "DEBUG"], self.env)
        wait_for(lambda: self.bus.has_name("org.freedesktop.impl.portal.desktop.wlr"),
                 "xdg-desktop-portal-wlr on the bus", logs=self.processes.logs)
        if self.before_portal is not None:
            self.before_portal(self)
        self.processes.start("xdp", [XDP, "-v", "-r"], self.env)
        wait_for(lambda: self.bus.has_name("org.freedesktop.portal.Desktop"),
                 "xdg-desktop-portal on the bus", logs=self.processes.logs)

    def window_mapped(self, title: str) -> bool:
        out = subprocess.run(["swaymsg", "-t", "get_tree"], env=self.env, text=True,
                             capture_output=True, check=False)
        return f'"name": "{title}"' in out.stdout

    def _bus_activated_pids(self) -> list[int]:
        pids = []
        for name in ("org.freedesktop.portal.Documents",
                     "org.freedesktop.impl.portal.PermissionStore"):
            out = subprocess.run(
                ["dbus-send", f"--bus={self.bus.address}", "--print-reply",
                 "--dest=org.freedesktop.DBus", "/",
                 "org.freedesktop.DBus.GetConnectionUnixProcessID", f"string:{name}"],
                capture_output=True, text=True, check=False)
            for word in out.stdout.split():
                if word.isdigit():
                    pids.append(int(word))
        return pids

    def stop(self) -> None:
        if getattr(self, "swaysock", None):
            subprocess.run(["swaymsg", "exit"], env=self.env, capture_output=True,
                           check=False)  # lets sway stop its swaybg child
        if getattr(self, "bus", None):
            for pid in self._bus_activated_pids():  # started by the bus for the portal
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)
        self.processes.stop()
        doc = self.folder / "client-rt" / "doc"
        with contextlib.suppress(RuntimeError):
            wait_for(lambda: not os.path.ismount(doc), "the document portal to unmount", 3)
        if os.path.ismount(doc):
            subprocess.run(["fusermount3", "-u", str(doc)], check=False, capture_output=True)
        XDPW_PICTURE.unlink(missing_ok=True)
        shutil.rmtree(self.folder, ignore_errors=True)
        with contextlib.suppress(RuntimeError):  # a FUSE mount going away late
            wait_for(lambda: (shutil.rmtree(self.folder, ignore_errors=True)
                              or not self.folder.exists()), "the session folder to go", 3)
        with contextlib.suppress(OSError):
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
        SwaySession._running = False


@contextlib.contextmanager
def showing_qr(session: SwaySession, title: str, uri: str,
               *extra: str) -> Iterator[SwaySession]:
    """A Wayland window titled ``title`` shows ``uri`` as a QR code (tests/desktop/show_qr.py)
    in ``session``; the window and then the session are stopped on leaving."""
    import sys

    shown = subprocess.Popen([sys.executable, str(Path(__file__).with_name("show_qr.py")),
                              title, uri, *extra], env=session.env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert shown.stdout is not None
        assert shown.stdout.readline().strip() == "shown"
        wait_for(lambda: session.window_mapped(title), "the QR window in sway",
                 logs=session.processes.logs)
        yield session
    finally:
        shown.terminate()
        shown.wait(timeout=10)
        session.stop()
