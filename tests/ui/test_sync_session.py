"""The window's session with a sync tool at work, and what the window shows of hostile names."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

from authenticator.core.account import Account
from authenticator.storage.kdf import KdfParams
from authenticator.storage.vault import Vault
from authenticator.ui.common.account_form import ManualEntryForm
from authenticator.ui.common.session import VaultSession
from authenticator.ui.common.settings import AppSettings

PASSWORD = "correct horse battery staple"
CHEAP = KdfParams.for_tests()


def _window_and_laptop(qtbot, tmp_path: Path) -> tuple[Path, Path, VaultSession]:
    """One vault on two devices ("here" with a window, "there" a laptop); the window has
    just added an account."""
    here = tmp_path / "here" / "vault.authvault"
    there = tmp_path / "there" / "vault.authvault"
    Vault.create(here, PASSWORD, kdf=CHEAP).close()
    there.parent.mkdir()
    shutil.copy2(here, there)
    session = VaultSession(here, kdf=CHEAP)
    session.unlock(PASSWORD)
    qtbot.waitUntil(lambda: session.is_unlocked, timeout=10_000)
    session.add(Account(secret=b"x" * 20, issuer="X", name="added in the window"))
    return here, there, session


def test_the_window_writes_back_what_a_replaced_file_lost(qtbot, tmp_path: Path) -> None:
    here, there, session = _window_and_laptop(qtbot, tmp_path)
    other = Vault.open(there, PASSWORD)
    other.add(Account(secret=b"y" * 20, issuer="Y", name="added on the laptop"))
    other.save()
    with qtbot.waitSignal(session.accounts_changed, timeout=10_000):
        shutil.copy2(there, here)  # the sync tool puts the laptop's newer copy in place
    names = {a.name for a in session.accounts()}
    assert names == {"added in the window", "added on the laptop"}
    session.lock()
    assert {a.name for a in Vault.open(here, PASSWORD).accounts} == names


def test_the_form_refuses_control_characters(qtbot) -> None:
    form = ManualEntryForm(now=lambda: 1_700_000_000.0)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.key, "JBSWY3DPEHPK3PXP")
    form.issuer.setText("Evil\x1b[2J")  # pasted, as a person would
    assert form.account is None
    assert "control characters" in form.status.text()
    form.issuer.setText("Fine")
    assert form.account is not None


def test_settings_file_and_folders_are_private(qtbot, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        settings = AppSettings(tmp_path / "config" / "Authenticator" / "settings.ini")
        settings.set("theme", "dark")
        settings.sync()
    finally:
        os.umask(old)
    file = tmp_path / "config" / "Authenticator" / "settings.ini"
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    for folder in (file.parent, file.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_the_window_merges_a_write_the_sync_tool_dropped_on_another_device(
        qtbot, tmp_path: Path) -> None:
    """Issue 13: the other device's save was replaced on its side without a conflict copy;
    only its last write in backups/ holds it. When that arrives in this device's backups/,
    the window's watcher merges it and writes it to the vault file."""
    here, there, session = _window_and_laptop(qtbot, tmp_path)
    qtbot.waitUntil(lambda: not session.refresh_pending, timeout=10_000)
    other = Vault.open(there, PASSWORD)
    other.add(Account(secret=b"y" * 20, issuer="Y", name="added on the laptop"))
    other.save()
    other.close()
    (last_write,) = (there.parent / "backups").glob("vault.written-*")
    with qtbot.waitSignal(session.accounts_changed, timeout=10_000):
        shutil.copy2(last_write, here.parent / "backups" / last_write.name)
    names = {a.name for a in session.accounts()}
    assert names == {"added in the window", "added on the laptop"}
    assert {a.name for a in Vault.open(here, PASSWORD, read_only=True).accounts} == names
    session.lock()
