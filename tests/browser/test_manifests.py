"""Host manifests: written and removed for real on Linux; Windows and macOS places computed."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from authenticator.browser import manifests
from authenticator.browser.manifests import HOST_NAME, plan


def test_linux_places(tmp_path: Path) -> None:
    p = plan(["all"], platform="linux", home=tmp_path, env={}, command=["/x/python"])
    places = {t.browser: t.manifest for t in p.targets}
    assert places == {
        "chromium": tmp_path / ".config/chromium/NativeMessagingHosts" / f"{HOST_NAME}.json",
        "chrome": tmp_path / ".config/google-chrome/NativeMessagingHosts" / f"{HOST_NAME}.json",
        "brave": tmp_path / ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts"
        / f"{HOST_NAME}.json",
        "edge": tmp_path / ".config/microsoft-edge/NativeMessagingHosts" / f"{HOST_NAME}.json",
        "firefox": tmp_path / ".mozilla/native-messaging-hosts" / f"{HOST_NAME}.json",
    }
    custom = plan(["chrome"], platform="linux", home=tmp_path,
                  env={"XDG_CONFIG_HOME": "/cfg"}, command=["p"])
    assert custom.targets[0].manifest == Path("/cfg/google-chrome/NativeMessagingHosts",
                                              f"{HOST_NAME}.json")


def test_macos_places(tmp_path: Path) -> None:
    p = plan(["all"], platform="darwin", home=tmp_path, env={}, command=["p"])
    support = tmp_path / "Library" / "Application Support"
    places = {t.browser: t.manifest.parent for t in p.targets}
    assert places == {
        "chromium": support / "Chromium/NativeMessagingHosts",
        "chrome": support / "Google/Chrome/NativeMessagingHosts",
        "brave": support / "BraveSoftware/Brave-Browser/NativeMessagingHosts",
        "edge": support / "Microsoft Edge/NativeMessagingHosts",
        "firefox": support / "Mozilla/NativeMessagingHosts",
    }
    assert all(t.registry_key is None for t in p.targets)


def test_windows_registry_keys(tmp_path: Path) -> None:
    p = plan(["all"], platform="win32", home=tmp_path,
             env={"LOCALAPPDATA": str(tmp_path / "Local")}, command=[r"C:\App\authenticator.exe",
                                                                     "browser-host"])
    keys = {t.browser: t.registry_key for t in p.targets}
    assert keys == {
        "chromium": rf"Software\Chromium\NativeMessagingHosts\{HOST_NAME}",
        "chrome": rf"Software\Google\Chrome\NativeMessagingHosts\{HOST_NAME}",
        "brave": rf"Software\BraveSoftware\Brave-Browser\NativeMessagingHosts\{HOST_NAME}",
        "edge": rf"Software\Microsoft\Edge\NativeMessagingHosts\{HOST_NAME}",
        "firefox": rf"Software\Mozilla\NativeMessagingHosts\{HOST_NAME}",
    }
    assert all(t.manifest.parent == tmp_path / "Local/Authenticator/native-messaging"
               for t in p.targets)
    assert p.launcher.name.endswith(".bat")
    assert p.launcher_text == '@echo off\r\n"C:\\App\\authenticator.exe" "browser-host" %*\r\n'


def test_unknown_browser() -> None:
    with pytest.raises(ValueError, match="unknown browser 'netscape'"):
        plan(["netscape"])


def test_manifest_contents_name_our_extension_only(tmp_path: Path) -> None:
    p = plan(["chromium", "firefox"], platform="linux", home=tmp_path, env={}, command=["p"])
    chromium, firefox = (manifests.manifest_json(t, p.launcher) for t in p.targets)
    assert chromium["allowed_origins"] == [
        f"chrome-extension://{manifests.CHROMIUM_EXTENSION_ID}/"]
    assert "allowed_extensions" not in chromium
    assert firefox["allowed_extensions"] == [manifests.FIREFOX_EXTENSION_ID]
    assert chromium["type"] == "stdio" and chromium["name"] == HOST_NAME


def test_the_pinned_ids_are_the_extensions_own() -> None:
    from tests.browser.e2e import EXTENSION, extension_id

    assert extension_id() == manifests.CHROMIUM_EXTENSION_ID
    manifest = json.loads((EXTENSION / "manifest.json").read_text())
    assert manifest["browser_specific_settings"]["gecko"]["id"] == manifests.FIREFOX_EXTENSION_ID
    # Content scripts run on https and loopback http only: never plain http elsewhere.
    matches = manifest["content_scripts"][0]["matches"]
    assert all(m.startswith("https://") or m.split("/")[2] in ("127.0.0.1", "localhost", "[::1]")
               for m in matches)


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    from tests.helpers.cli import run

    return run(*args, env={"HOME": str(home), "XDG_CONFIG_HOME": "", "XDG_DATA_HOME": ""})


def test_install_and_uninstall_for_real(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "browser", "install")
    assert result.returncode == 1 and result.stderr.startswith("error: no browser profile")
    (tmp_path / ".config" / "chromium").mkdir(parents=True)  # what an installed browser has
    (tmp_path / ".mozilla").mkdir()
    result = run_cli(tmp_path, "browser", "install")  # the browsers found
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 2 and not (tmp_path / ".config/google-chrome").exists()
    chromium = tmp_path / ".config/chromium/NativeMessagingHosts" / f"{HOST_NAME}.json"
    firefox = tmp_path / ".mozilla/native-messaging-hosts" / f"{HOST_NAME}.json"
    data = json.loads(chromium.read_text())
    launcher = Path(data["path"])
    assert launcher.is_absolute() and os.access(launcher, os.X_OK)
    assert json.loads(firefox.read_text())["path"] == str(launcher)
    # The launcher really starts our host: a malformed message gets an error reply.
    reply = subprocess.run([str(launcher), "chrome-extension://x/"], input=b"\x02\0\0\0{[",
                           capture_output=True, timeout=60)
    assert reply.returncode == 0
    assert json.loads(reply.stdout[4:]) == {"status": "error",
                                            "error": "message is not valid JSON"}
    result = run_cli(tmp_path, "browser", "uninstall", "--browser", "firefox")
    assert result.returncode == 0 and not firefox.exists() and chromium.exists()
    assert launcher.exists()  # still used by the Chromium family
    result = run_cli(tmp_path, "browser", "uninstall", "--browser", "all")
    assert result.returncode == 0 and not chromium.exists() and not launcher.exists()
    assert not chromium.parent.exists() and (tmp_path / ".config/chromium").is_dir()
    result = run_cli(tmp_path, "browser", "install", "--browser", "netscape")
    assert result.returncode == 2 and "invalid choice" in result.stderr
