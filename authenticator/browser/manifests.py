"""Native messaging host manifests in the per-user places each browser reads.

Linux and macOS: a JSON file in a folder per browser. Windows: the JSON file anywhere, and
a per-user registry key per browser whose default value is its path. The manifest names a
small launcher (the browsers start ``path`` with no arguments of ours), which runs
``authenticator browser-host``. Every location is computed by :func:`plan` so it can be
tested on any system; :func:`install` and :func:`uninstall` carry a plan out.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HOST_NAME = "org.authenticator.host"
DESCRIPTION = "Authenticator: one-time codes for the sites bound to your accounts"
CHROMIUM_EXTENSION_ID = "bgdnohhekfobinafpcfklnnhffikjaam"  # pinned by the manifest "key"
FIREFOX_EXTENSION_ID = "browser@authenticator.invalid"
LAUNCHER = "authenticator-browser-host"

# name -> (Linux folder under the config home, macOS folder under Application Support,
#          Windows registry key under HKEY_CURRENT_USER)
CHROMIUM_FAMILY: dict[str, tuple[str, str, str]] = {
    "chromium": ("chromium", "Chromium", r"Software\Chromium"),
    "chrome": ("google-chrome", "Google/Chrome", r"Software\Google\Chrome"),
    "brave": ("BraveSoftware/Brave-Browser", "BraveSoftware/Brave-Browser",
              r"Software\BraveSoftware\Brave-Browser"),
    "edge": ("microsoft-edge", "Microsoft Edge", r"Software\Microsoft\Edge"),
}
BROWSERS = (*CHROMIUM_FAMILY, "firefox")


@dataclass(frozen=True)
class Target:
    browser: str
    manifest: Path  # the JSON file we write
    registry_key: str | None = None  # Windows: HKCU key whose default value is ``manifest``
    chromium: bool = True


@dataclass
class Plan:
    launcher: Path
    launcher_text: str
    targets: list[Target] = field(default_factory=list)
    #: Every browser's manifest path, also those not chosen: the launcher is removed only
    #: when none of them is left.
    all_manifests: list[Path] = field(default_factory=list)


def _windows_targets(names: Sequence[str], data_dir: Path) -> list[Target]:
    out = []
    for name in names:
        chromium = name in CHROMIUM_FAMILY
        base = CHROMIUM_FAMILY[name][2] if chromium else r"Software\Mozilla"
        out.append(Target(name, data_dir / f"{HOST_NAME}-{name}.json",
                          rf"{base}\NativeMessagingHosts\{HOST_NAME}", chromium))
    return out


def plan(names: Sequence[str], *, platform: str = sys.platform, home: Path | None = None,
         env: dict[str, str] | None = None, command: Sequence[str] | None = None) -> Plan:
    """Where the manifests and the launcher go for ``names`` (browser names or ``all``)."""
    env = dict(os.environ) if env is None else env
    home = Path(env.get("HOME") or Path.home()) if home is None else home
    wanted = list(BROWSERS) if "all" in names else list(dict.fromkeys(names))
    unknown = [n for n in wanted if n not in BROWSERS]
    if unknown:
        raise ValueError(f"unknown browser {unknown[0]!r} (known: {', '.join(BROWSERS)}, all)")
    command = list(command) if command is not None else host_command()
    if platform == "win32":
        local = Path(env.get("LOCALAPPDATA") or home / "AppData" / "Local")
        data_dir = local / "Authenticator" / "native-messaging"
        launcher = data_dir / f"{LAUNCHER}.bat"
        text = "@echo off\r\n" + " ".join(f'"{c}"' for c in command) + " %*\r\n"
        return Plan(launcher, text, _windows_targets(wanted, data_dir),
                    [t.manifest for t in _windows_targets(BROWSERS, data_dir)])
    if platform == "darwin":
        support = home / "Library" / "Application Support"
        folders = {n: support / CHROMIUM_FAMILY[n][1] / "NativeMessagingHosts"
                   for n in CHROMIUM_FAMILY}
        folders["firefox"] = support / "Mozilla" / "NativeMessagingHosts"
        launcher = support / "Authenticator" / LAUNCHER
    else:
        config = Path(env.get("XDG_CONFIG_HOME") or home / ".config")
        folders = {n: config / CHROMIUM_FAMILY[n][0] / "NativeMessagingHosts"
                   for n in CHROMIUM_FAMILY}
        folders["firefox"] = home / ".mozilla" / "native-messaging-hosts"
        data = Path(env.get("XDG_DATA_HOME") or home / ".local" / "share")
        launcher = data / "authenticator" / LAUNCHER
    quoted = " ".join("'" + c.replace("'", "'\\''") + "'" for c in command)
    text = f'#!/bin/sh\n# Written by "authenticator browser install".\nexec {quoted} "$@"\n'
    targets = [Target(n, folders[n] / f"{HOST_NAME}.json", None, n in CHROMIUM_FAMILY)
               for n in wanted]
    return Plan(launcher, text, targets, [folders[n] / f"{HOST_NAME}.json" for n in BROWSERS])


def detected(p: Plan) -> list[str]:
    """The browsers of a full plan that seem installed: their own folder exists (the one
    holding NativeMessagingHosts: the browser's profile folder). Windows: all of them."""
    found = []
    for target in p.targets:
        if target.registry_key or target.manifest.parent.parent.is_dir():
            found.append(target.browser)
    return found


def host_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, "browser-host"]
    return [sys.executable, "-m", "authenticator", "browser-host"]


def manifest_json(target: Target, launcher: Path) -> dict[str, object]:
    data: dict[str, object] = {"name": HOST_NAME, "description": DESCRIPTION,
                               "path": str(launcher), "type": "stdio"}
    if target.chromium:
        data["allowed_origins"] = [f"chrome-extension://{CHROMIUM_EXTENSION_ID}/"]
    else:
        data["allowed_extensions"] = [FIREFOX_EXTENSION_ID]
    return data


def install(p: Plan) -> list[str]:
    """Write the launcher and the manifests; returns one line per browser for the user."""
    p.launcher.parent.mkdir(parents=True, exist_ok=True)
    p.launcher.write_text(p.launcher_text, encoding="utf-8")
    os.chmod(p.launcher, 0o755)  # noqa: S103 (a program the browsers must run)
    done = []
    for target in p.targets:
        target.manifest.parent.mkdir(parents=True, exist_ok=True)
        target.manifest.write_text(json.dumps(manifest_json(target, p.launcher), indent=2)
                                   + "\n", encoding="utf-8")
        if target.registry_key:
            _set_registry(target.registry_key, str(target.manifest))
        done.append(f"{target.browser}: {target.registry_key or target.manifest}")
    return done


def uninstall(p: Plan) -> list[str]:
    done = []
    for target in p.targets:
        removed = False
        if target.manifest.exists():
            target.manifest.unlink()
            removed = True
        if target.registry_key:
            removed = _delete_registry(target.registry_key) or removed
        if removed:
            done.append(f"{target.browser}: removed {target.registry_key or target.manifest}")
            with contextlib.suppress(OSError):  # only when empty: other hosts may live there
                target.manifest.parent.rmdir()
    if not any(path.exists() for path in p.all_manifests) and p.launcher.exists():
        p.launcher.unlink()
    return done


def _set_registry(key: str, value: str) -> None:  # pragma: no cover - Windows only
    import winreg  # type: ignore[import-not-found,unused-ignore]

    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, key) as handle:  # type: ignore[attr-defined,unused-ignore]
        winreg.SetValueEx(handle, "", 0, winreg.REG_SZ, value)  # type: ignore[attr-defined,unused-ignore]


def _delete_registry(key: str) -> bool:  # pragma: no cover - Windows only
    import winreg  # type: ignore[import-not-found,unused-ignore]

    try:
        winreg.DeleteKey(winreg.HKEY_CURRENT_USER, key)  # type: ignore[attr-defined,unused-ignore]
    except OSError:
        return False
    return True
