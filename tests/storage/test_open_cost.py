"""What unlocking reads: the copy of this computer's last write is decrypted and merged
only when it differs from the vault file (a sync tool replaced the file)."""

from __future__ import annotations

import os

from authenticator.core.account import Account
from authenticator.storage.kdf import KdfParams
from authenticator.storage.vault import Vault
from authenticator.storage.vault_sync import SyncMixin, written_copy_path

PASSWORD = "correct horse battery staple"


def _vault_with_one_account(path):
    vault = Vault.create(path, PASSWORD, kdf=KdfParams.for_tests())
    vault.add(Account(secret=os.urandom(20), issuer="GitHub", name="me"))
    vault.save()
    vault.close()


def _copies_read(monkeypatch):
    read = []
    original = SyncMixin._read_copy

    def counting(self, path, *data):
        read.append(path.name)
        return original(self, path, *data)

    monkeypatch.setattr(SyncMixin, "_read_copy", counting)
    return read


def test_open_does_not_decrypt_a_written_copy_equal_to_the_file(tmp_path, monkeypatch):
    path = tmp_path / "v.authvault"
    _vault_with_one_account(path)
    assert written_copy_path(path).read_bytes() == path.read_bytes()
    read = _copies_read(monkeypatch)
    with Vault.open(path, PASSWORD) as vault:
        assert [a.issuer for a in vault.accounts] == ["GitHub"]
    assert written_copy_path(path).name not in read


def test_open_still_merges_a_written_copy_the_sync_tool_dropped(tmp_path, monkeypatch):
    path = tmp_path / "v.authvault"
    _vault_with_one_account(path)
    older = path.read_bytes()
    with Vault.open(path, PASSWORD) as vault:
        vault.add(Account(secret=os.urandom(20), issuer="Proton", name="me"))
        vault.save()
    path.write_bytes(older)  # a sync tool put the older file back; our write is only kept aside
    read = _copies_read(monkeypatch)
    with Vault.open(path, PASSWORD) as vault:
        assert sorted(a.issuer for a in vault.accounts) == ["GitHub", "Proton"]
    assert written_copy_path(path).name in read
