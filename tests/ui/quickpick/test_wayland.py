"""Quick pick on a real Wayland desktop (sway, headless): there an app may not grab keys,
so the desktop's own shortcut runs `authenticator pick`; the box must then appear over the
other windows, floating, with the keyboard focus."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from authenticator.core.account import Account
from authenticator.storage.kdf import KdfParams
from authenticator.storage.vault import Vault
from authenticator.ui.quickpick.box import TITLE as BOX
from tests.ui.quickpick.xsession import ROOT, missing_programs, wait_for

AS_NOBODY = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or bool(missing_programs("sway", "swaymsg", "setpriv")),
    reason="needs sway (apt-get install sway)")


def windows(env: dict[str, str]) -> list[dict[str, object]]:
    out = subprocess.run(["swaymsg", "-t", "get_tree"], env=env, capture_output=True,
                         text=True, timeout=10)
    found: list[dict[str, object]] = []

    def walk(node: dict[str, object], floating: bool) -> None:
        if node.get("app_id") or node.get("pid"):
            found.append({**node, "floating": floating})
        for child in node.get("nodes", []):  # type: ignore[attr-defined]
            walk(child, floating)
        for child in node.get("floating_nodes", []):  # type: ignore[attr-defined]
            walk(child, True)

    if out.returncode == 0:
        walk(json.loads(out.stdout), False)
    return found


@pytest.fixture
def sway() -> Iterator[dict[str, str]]:
    folder = Path(tempfile.mkdtemp(prefix="aqw"))
    server_dir, client_dir = folder / "srt", folder / "crt"
    folder.chmod(0o711)
    server_dir.mkdir(mode=0o700)
    client_dir.mkdir(mode=0o700)
    (folder / "sway.conf").write_text("output * bg #808080 solid_color\n"
                                      "default_border none\nxwayland disable\n")
    prefix: list[str] = []
    if os.getuid() == 0:  # sway refuses to run as root
        shutil.chown(server_dir, "nobody", "nogroup")
        prefix = AS_NOBODY
    server_env = {k: v for k, v in os.environ.items() if k not in (
        "DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY")}
    server_env.update(XDG_RUNTIME_DIR=str(server_dir), HOME=str(server_dir),
                      WLR_BACKENDS="headless", WLR_LIBINPUT_NO_DEVICES="1",
                      WLR_RENDERER="pixman")
    compositor = subprocess.Popen([*prefix, "sway", "-c", str(folder / "sway.conf")],
                                  env=server_env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: (server_dir / "wayland-1").exists(), what="sway")
        vault_path = folder / "vault.authvault"
        vault = Vault.create(vault_path, "pw", kdf=KdfParams.for_tests())
        vault.add(Account(secret=b"github-key-0123456789", issuer="GitHub", name="alice"))
        vault.save()
        vault.close()
        env = {k: v for k, v in server_env.items() if not k.startswith("WLR_")}
        env.update(XDG_RUNTIME_DIR=str(client_dir), HOME=str(folder),
                   WAYLAND_DISPLAY=str(server_dir / "wayland-1"), QT_QPA_PLATFORM="wayland",
                   SWAYSOCK=str(next(server_dir.glob("sway-ipc.*.sock"))),
                   TMPDIR=str(folder), XDG_CONFIG_HOME=str(folder / "config"),
                   AUTHENTICATOR_VAULT=str(vault_path), PYTHONPATH=str(ROOT),
                   PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
        yield env
    finally:
        subprocess.run(["swaymsg", "exit"], env={**os.environ, "SWAYSOCK": next(
            iter(server_dir.glob("sway-ipc.*.sock")), Path("/nonexistent")).as_posix()},
            capture_output=True, timeout=10, check=False)
        try:
            compositor.wait(10)
        except subprocess.TimeoutExpired:
            compositor.kill()
            compositor.wait(5)
        shutil.rmtree(folder, ignore_errors=True)


def test_pick_shows_the_box_floating_with_the_focus_on_wayland(sway):
    env = sway
    app = subprocess.Popen([sys.executable, "-m", "authenticator", "gui"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: any(w.get("name") == "Authenticator" for w in windows(env)),
                 what="the main window")
        result = subprocess.run([sys.executable, "-m", "authenticator", "pick"], env=env,
                                capture_output=True, text=True, timeout=30)
        assert result.returncode == 0, result.stderr
        box = wait_for(lambda: next((w for w in windows(env) if w.get("name") == BOX), None),
                       what="the quick pick box")
        assert box["floating"]  # over the other windows, not tiled beside them
        wait_for(lambda: any(w.get("name") == BOX and w.get("focused") for w in windows(env)),
                 what="the box to have the keyboard focus")
    finally:
        app.terminate()
        app.wait(10)
