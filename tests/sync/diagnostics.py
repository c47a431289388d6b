"""What happened, for the Syncthing soak's failure message: a timeline of the app's saves
and merges on both devices, interleaved with each Syncthing's own events (scans, pulls,
conflicts), and an inventory of every vault file left in both folders (backups too) with
the accounts of interest each one holds.

The app side is observed by wrapping a few ``Vault`` methods (monkeypatch, test only); the
Syncthing side through its REST event stream (``GET /rest/events``).
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from authenticator.storage.vault import Vault
from tests.sync.syncthing import Device

SYNCTHING_EVENTS = ("LocalChangeDetected,RemoteChangeDetected,ItemFinished,"
                    "DeviceConnected,DeviceDisconnected,DevicePaused,DeviceResumed")


def _wall(text: str) -> float:
    """Syncthing's RFC 3339 time (nanoseconds, offset) as a Unix time."""
    text = re.sub(r"(\.\d{6})\d+", r"\1", text).replace("Z", "+00:00")
    return datetime.fromisoformat(text).timestamp()


def _names(accounts: Iterable[Any]) -> str:
    return ",".join(sorted(a.name for a in accounts))


class Trace:
    """One line per event, stamped with the wall clock (both sides use the same clock)."""

    def __init__(self, devices: dict[Path, str]) -> None:
        self.devices = devices  # folder -> device label
        self.lines: list[tuple[float, str]] = []
        self._since: dict[str, int] = {}

    def log(self, text: str) -> None:
        self.lines.append((time.time(), text))

    def _who(self, vault: Vault) -> str:
        return self.devices.get(Path(vault.path).parent, str(vault.path))

    # -- the app ------------------------------------------------------------------------
    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        trace = self
        real_write = Vault._write
        real_merge_from = Vault._merge_from
        real_copies = Vault._merge_conflict_copies
        real_written = Vault._merge_written
        real_newer = Vault._newer_backup

        def write(self: Vault, key: bytes, file: Path, on_disk: bytes) -> None:
            real_write(self, key, file, on_disk)
            info = file.stat()
            trace.log(f"{trace._who(self)} app wrote gen={self.generation} "
                      f"size={info.st_size} mtime_ns={info.st_mtime_ns} ino={info.st_ino} "
                      f"[{_names(self._accounts)}]")

        def merge_from(self: Vault, on_disk: bytes, key: bytes) -> Any:
            report = real_merge_from(self, on_disk, key)
            trace.log(f"{trace._who(self)} app merged the changed file: disk "
                      f"[{_names(self._base_accounts.values())}] -> memory "
                      f"[{_names(self._accounts)}] dirty={self._dirty}")
            return report

        def copies(self: Vault, file: Path, key: bytes) -> tuple[list[Path], list[Path]]:
            merged, unreadable = real_copies(self, file, key)
            if merged or unreadable:
                trace.log(f"{trace._who(self)} app merged conflict copies "
                          f"{[p.name for p in merged]} unreadable {[p.name for p in unreadable]}"
                          f" -> [{_names(self._accounts)}]")
            return merged, unreadable

        def written(self: Vault, file: Path) -> bool:
            added = real_written(self, file)
            if added:
                trace.log(f"{trace._who(self)} app merged a written copy -> "
                          f"[{_names(self._accounts)}]")
            return added

        def newer(self: Vault, path: Path) -> bool:
            found = real_newer(self, path)
            if found:
                trace.log(f"{trace._who(self)} app merged the newer backup {path.name}")
            return found

        monkeypatch.setattr(Vault, "_write", write)
        monkeypatch.setattr(Vault, "_merge_from", merge_from)
        monkeypatch.setattr(Vault, "_merge_conflict_copies", copies)
        monkeypatch.setattr(Vault, "_merge_written", written)
        monkeypatch.setattr(Vault, "_newer_backup", newer)

    # -- Syncthing ----------------------------------------------------------------------
    def poll(self, device: Device) -> None:
        """Collect the device's new Syncthing events (never blocks: timeout=0)."""
        since = self._since.get(device.name, 0)
        try:
            events = device.rest("GET", f"/rest/events?events={SYNCTHING_EVENTS}"
                                        f"&since={since}&timeout=0", timeout=5) or []
        except (OSError, ValueError) as err:
            self.log(f"{device.name} syncthing events unavailable: {err}")
            return
        for event in events:
            self._since[device.name] = max(self._since.get(device.name, 0), event["id"])
            data = event.get("data") or {}
            item = data.get("item") or data.get("path") or data.get("id") or ""
            details = {k: v for k, v in data.items()
                       if k in ("action", "error", "modifiedBy", "type") and v}
            with contextlib.suppress(ValueError, KeyError):
                self.lines.append((_wall(event["time"]),
                                   f"{device.name} syncthing {event['type']} {item} {details}"))

    # -- the report -----------------------------------------------------------------------
    def timeline(self, since: float) -> str:
        start = self.lines[0][0] if self.lines else 0.0
        return "\n".join(f"  {when - start:9.3f}  {text}"
                         for when, text in sorted(self.lines) if when >= since)


def inventory(folders: Iterable[Path], open_file: Callable[[Path], Any],
              wanted: set[str]) -> str:
    """Every vault-like file in the folders (and their backups/): generation, size, mtime
    and which of the ``wanted`` account names it holds."""
    rows: list[str] = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.name.startswith(".") or path.suffix == ".lock":
                continue
            try:
                vault = open_file(path)
                held = {a.name for a in vault.accounts}
                what = (f"gen={vault.generation} n={len(held)} "
                        f"has={sorted(wanted & held)} lacks={sorted(wanted - held)}")
            except Exception as err:  # a diagnostic: say what it is
                what = f"unreadable: {type(err).__name__}"
            try:
                info = path.stat()
            except OSError:
                continue
            rows.append(f"  {path.relative_to(folder.parent)} size={info.st_size} "
                        f"mtime_ns={info.st_mtime_ns} {what}")
    return "\n".join(rows)
