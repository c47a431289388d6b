""""Remember the vault on this computer": a setting that puts a key in the OS keyring.

The settings feature alone on a fake host (tests/helpers/fake_host.py)."""

from __future__ import annotations

import keyring
import pytest
from PySide6.QtWidgets import QDialogButtonBox

from authenticator.ui import settings
from tests.helpers.gui import on_next_modal
from tests.helpers.keyring import LockedKeyring


@pytest.fixture
def host(fake_host):
    settings.install(fake_host)
    return fake_host


def set_remember(qtbot, host, on: bool) -> None:
    def tick_box(dialog):
        assert dialog.remember.isEnabled()
        dialog.remember.setChecked(on)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    errors = on_next_modal(qtbot, tick_box)
    host.open_settings()
    assert not errors


def test_remembered_vault_opens_at_start_without_password(qtbot, host, memory_keyring):
    host.create_vault(qtbot)
    set_remember(qtbot, host, True)
    assert memory_keyring.store  # a random slot key, never the password
    assert all("correct horse" not in v for v in memory_keyring.store.values())
    host.lock()
    assert not host.session.is_unlocked  # locking still locks

    # Next start of the app: the remembered key opens the vault, no password typed.
    host.session.try_remembered()
    qtbot.waitUntil(lambda: host.session.is_unlocked, timeout=10_000)

    set_remember(qtbot, host, False)
    assert not memory_keyring.store
    host.lock()
    host.session.try_remembered()
    qtbot.waitUntil(lambda: not host.session.busy, timeout=10_000)
    assert not host.session.is_unlocked


def test_the_setting_is_off_while_locked(qtbot, host, memory_keyring):
    host.create_vault(qtbot)
    host.lock()
    seen: dict[str, bool] = {}

    def read(dialog):
        seen["enabled"] = dialog.remember.isEnabled()
        dialog.reject()

    errors = on_next_modal(qtbot, read)
    host.open_settings()
    assert not errors
    assert seen == {"enabled": False}  # no vault open: nothing to remember
    assert host.applied == 0  # cancelled: nothing applied


def test_locked_keyring_means_the_password_is_asked(qtbot, fake_host):
    fake_host.create_vault(qtbot)
    fake_host.lock()
    previous = keyring.get_keyring()
    keyring.set_keyring(LockedKeyring())
    try:
        session = fake_host.session
        session.try_remembered()
        qtbot.waitUntil(lambda: not session.busy, timeout=10_000)
        assert not session.is_unlocked
    finally:
        keyring.set_keyring(previous)
