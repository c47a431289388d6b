"""No secret appears anywhere in the data folder except inside the ciphertext."""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from authenticator.storage import SaveError, Vault
from authenticator.storage import container as container_module
from tests.helpers.storage import PASSWORD, full_account


def test_no_secret_in_any_file(make_vault: Callable[..., Vault], vault_path: Path,
                               caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    secret = bytes(range(200, 232))
    account = full_account(secret=secret, id="a")
    vault = make_vault(account)
    for i in range(3):
        vault.update(vault.get("a").evolve(note=f"edit {i}"))
        vault.save()
    vault.change_password("another password")
    needles = [secret, account.secret_b32.encode(), account.secret_b32.lower().encode(),
               base64.b64encode(secret), PASSWORD.encode(), b"another password"]
    files = [p for p in vault_path.parent.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {vault_path.name, vault_path.name + ".lock"}
    assert len(files) >= 5  # vault, lock and backups
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, f"secret found in {path.name}"
        if data.startswith(container_module.MAGIC):
            header = container_module.parse(data)
            assert secret not in header.aad
    for needle in (account.secret_b32, PASSWORD, repr(secret)):
        assert needle not in caplog.text and needle not in repr(vault)


def test_save_error_message_has_no_secret(make_vault: Callable[..., Vault],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    account = full_account(id="a")
    vault = make_vault()
    vault.add(account)

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", fail)
    with pytest.raises(SaveError) as info:
        vault.save()
    assert account.secret_b32 not in str(info.value) and PASSWORD not in str(info.value)
