"""Two real Syncthing instances on loopback, driven through their REST API.

Each device gets its own home (keys, config, database), a GUI/REST address and a sync port on
127.0.0.1 chosen free at start, and nothing that leaves the machine: global and local
discovery, relays, NAT traversal, usage reporting, crash reporting and upgrades are off.
The folder watches the file system (fsWatcher, 1 s delay) and rescans every 10 s; tests
also ask for a scan (``POST /rest/db/scan``) right after each write.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

FOLDER_ID = "authenticator"
# What the README tells users to put in .stignore: the lock file is per computer.
STIGNORE = "*.lock\n.*.tmp\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Device:
    def __init__(self, root: Path, name: str) -> None:
        self.name = name
        self.home = root / f"{name}-syncthing"
        self.folder = root / f"{name}-folder"
        self.folder.mkdir(parents=True)
        (self.folder / ".stfolder").mkdir()
        (self.folder / ".stignore").write_text(STIGNORE)
        self.api_port = free_port()
        self.sync_port = free_port()
        self.api_key = secrets.token_hex(16)
        self.process: subprocess.Popen[bytes] | None = None
        subprocess.run(["syncthing", "generate", f"--home={self.home}", "--no-default-folder"],
                       check=True, capture_output=True, timeout=60, env=self._env())
        self.device_id = self._read_device_id()

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ST")}
        env.update(STNODEFAULTFOLDER="1", STNOUPGRADE="1", STNORESTART="1",
                   HOME=str(self.home), all_proxy="", http_proxy="", https_proxy="")
        return env

    def _read_device_id(self) -> str:
        out = subprocess.run(["syncthing", "serve", f"--home={self.home}", "--device-id"],
                             check=True, capture_output=True, text=True, timeout=60,
                             env=self._env())
        return out.stdout.strip()

    def write_config(self, peer: Device) -> None:
        devices = "".join(
            f'<device id="{d.device_id}" name="{d.name}" compression="metadata">'
            f"<address>{f'tcp://127.0.0.1:{d.sync_port}' if d is peer else 'dynamic'}"
            "</address><paused>false</paused></device>" for d in (self, peer))
        folder_devices = "".join(f'<device id="{d.device_id}"></device>' for d in (self, peer))
        config = f"""<configuration version="36">
  <folder id="{FOLDER_ID}" label="Authenticator" path="{escape(str(self.folder))}"
          type="sendreceive" rescanIntervalS="10" fsWatcherEnabled="true" fsWatcherDelayS="1"
          ignorePerms="false">
    {folder_devices}
    <maxConflicts>-1</maxConflicts>
  </folder>
  {devices}
  <gui enabled="true" tls="false"><address>127.0.0.1:{self.api_port}</address>
    <apikey>{self.api_key}</apikey></gui>
  <options>
    <listenAddress>tcp://127.0.0.1:{self.sync_port}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <urAccepted>-1</urAccepted>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <crashReportingEnabled>false</crashReportingEnabled>
    <startBrowser>false</startBrowser>
    <reconnectionIntervalS>1</reconnectionIntervalS>
    <progressUpdateIntervalS>-1</progressUpdateIntervalS>
    <setLowPriority>false</setLowPriority>
  </options>
</configuration>
"""
        (self.home / "config.xml").write_text(config)

    def start(self) -> None:
        log = (self.home / "syncthing.log").open("wb")
        self.process = subprocess.Popen(
            ["syncthing", "serve", f"--home={self.home}", "--no-browser", "--no-restart",
             "--no-upgrade", "--no-default-folder", "--skip-port-probing"],
            stdout=log, stderr=subprocess.STDOUT, env=self._env())
        log.close()

    def stop(self) -> None:
        if self.process is None:
            return
        with contextlib.suppress(Exception):
            self.rest("POST", "/rest/system/shutdown")
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)
        self.process = None

    def log_tail(self) -> str:
        with contextlib.suppress(OSError):
            return (self.home / "syncthing.log").read_text(errors="replace")[-3000:]
        return ""

    # -- REST -------------------------------------------------------------------------
    def rest(self, method: str, path: str, body: Any = None, timeout: float = 10) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{self.api_port}{path}", data=data,
                                         method=method, headers={"X-API-Key": self.api_key})
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only
        with opener.open(request, timeout=timeout) as response:
            text = response.read().decode()
        return json.loads(text) if text.strip() else None

    def wait_ready(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            assert self.process is not None and self.process.poll() is None, self.log_tail()
            with contextlib.suppress(OSError, ValueError):
                self.rest("GET", "/rest/system/ping", timeout=2)
                return
            time.sleep(0.1)
        raise AssertionError(f"syncthing {self.name} did not start:\n{self.log_tail()}")

    def scan(self) -> None:
        self.rest("POST", f"/rest/db/scan?folder={FOLDER_ID}")

    def knows(self, path: Path) -> bool:
        """True when this device's database has the file as it is on disk now (so a change
        made here is announced before the other device's version can arrive)."""
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            return False
        found = self.rest("GET", f"/rest/db/file?folder={FOLDER_ID}&file={path.name}")
        return bool(found and found.get("local", {}).get("size") == size)

    def pause(self, peer: Device) -> None:
        self.rest("POST", f"/rest/system/pause?device={peer.device_id}")

    def resume(self, peer: Device) -> None:
        self.rest("POST", f"/rest/system/resume?device={peer.device_id}")

    def connected(self, peer: Device) -> bool:
        connections = self.rest("GET", "/rest/system/connections")["connections"]
        return bool(connections.get(peer.device_id, {}).get("connected"))

    def in_sync_with(self, peer: Device) -> bool:
        """Idle, nothing needed locally, and the peer has everything we have."""
        status = self.rest("GET", f"/rest/db/status?folder={FOLDER_ID}")
        if status.get("state") != "idle" or status.get("needTotalItems", 1):
            return False
        completion = self.rest("GET", f"/rest/db/completion?folder={FOLDER_ID}"
                                      f"&device={peer.device_id}")
        return bool(completion.get("completion") == 100 and not completion.get("needItems"))


def syncthing_available() -> bool:
    return shutil.which("syncthing") is not None
