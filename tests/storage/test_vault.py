from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from authenticator.core.account import Account, OtpKind
from authenticator.storage import (
    AccountNotFoundError,
    NotAVaultError,
    ReadOnlyVaultError,
    Vault,
    VaultError,
    VaultExistsError,
    VaultNotFoundError,
    WrongPasswordError,
    export_backup,
    kdf,
    resolve_vault_path,
)
from authenticator.storage.paths import VAULT_ENV
from tests.helpers.storage import CHEAP, PASSWORD, full_account


def test_round_trip_keeps_every_field_order_and_settings(
        make_vault: Callable[..., Vault], vault_path: Path) -> None:
    steam = Account(secret=b"\x01\x02\x03\x04\x05\x06\x07\x08\x09\x10", issuer="Steam",
                    kind=OtpKind.STEAM, created=1.0, modified=2.0)
    first, second = full_account(), full_account(issuer="Second", secret=b"k" * 32,
                                                 last_used=None, tags=())
    vault = make_vault(first, steam, second)
    vault.set_setting("backups_to_keep", 3)
    vault.set_setting("ui", {"sort": "manual", "columns": [1, 2]})
    vault.save()

    reopened = Vault.open(vault_path, PASSWORD)
    assert reopened.accounts == [first, steam, second]
    assert reopened.accounts[1].secret == steam.secret
    assert reopened.settings == {"backups_to_keep": 3, "ui": {"sort": "manual", "columns": [1, 2]}}
    assert reopened.tags() == ["bank", "work"]


def test_file_and_folder_permissions_are_private(make_vault: Callable[..., Vault],
                                                 vault_path: Path) -> None:
    vault = make_vault(full_account())
    vault.add(full_account(issuer="x", id="other"))
    vault.save()
    backups = vault.list_backups()
    assert backups
    for path in [vault_path, *(b.path for b in backups)]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backups[0].path.parent.stat().st_mode) == 0o700


def test_wrong_password_is_refused_with_one_message(make_vault: Callable[..., Vault],
                                                     vault_path: Path) -> None:
    make_vault(full_account())
    with pytest.raises(WrongPasswordError) as info:
        Vault.open(vault_path, PASSWORD + "!")
    assert str(info.value) == "wrong password, or the vault file was modified"


def test_change_password_old_fails_new_works_content_same(
        make_vault: Callable[..., Vault], vault_path: Path) -> None:
    vault = make_vault(full_account(), full_account(id="b", issuer="B"))
    before = vault.accounts
    vault.change_password("new secret phrase")
    assert vault.verify_password("new secret phrase")
    assert not vault.verify_password(PASSWORD)
    with pytest.raises(WrongPasswordError):
        Vault.open(vault_path, PASSWORD)
    assert Vault.open(vault_path, "new secret phrase").accounts == before


def test_password_is_unicode_normalised(make_vault: Callable[..., Vault],
                                        vault_path: Path) -> None:
    vault = make_vault()
    vault.change_password("caf\u00e9")  # precomposed é
    assert Vault.open(vault_path, "cafe\u0301").accounts == []  # e + combining accent


def test_saving_never_runs_the_kdf(make_vault: Callable[..., Vault], vault_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    vault = make_vault()
    calls: list[int] = []
    real = kdf.derive_key
    monkeypatch.setattr(kdf, "derive_key", lambda *a: calls.append(1) or real(*a))
    for i in range(5):
        vault.add(full_account(id=f"id{i}"))
        vault.save()
    assert calls == []
    Vault.open(vault_path, PASSWORD)
    assert len(calls) == 1


def test_create_refuses_to_overwrite(vault_path: Path) -> None:
    vault_path.parent.mkdir(parents=True)
    vault_path.write_bytes(b"precious")
    with pytest.raises(VaultExistsError):
        Vault.create(vault_path, PASSWORD, kdf=CHEAP)
    assert vault_path.read_bytes() == b"precious"


def test_open_errors_are_user_facing(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFoundError):
        Vault.open(tmp_path / "missing.authvault", PASSWORD)
    with pytest.raises(NotAVaultError):
        Vault.open(tmp_path, PASSWORD)
    text = tmp_path / "notes.txt"
    text.write_text("hello, this is not a vault at all")
    with pytest.raises(NotAVaultError):
        Vault.open(text, PASSWORD)


def test_edit_operations(make_vault: Callable[..., Vault], clock: object) -> None:
    a = full_account(id="a", issuer="GitHub", name="me", tags=("code",))
    b = full_account(id="b", issuer="Bank", name="savings", tags=("money",))
    c = full_account(id="c", issuer="Mail", name="github-alerts")
    vault = make_vault(a, b, c)
    assert [x.id for x in vault.find("GITHUB")] == ["a", "c"]
    assert [x.id for x in vault.find("mon")] == ["b"]
    assert len(vault.find("")) == 3
    vault.move("c", 0)
    assert [x.id for x in vault.accounts] == ["c", "a", "b"]
    vault.move("c", 99)
    assert [x.id for x in vault.accounts] == ["a", "b", "c"]
    edited = vault.get("a").evolve(note="changed", modified=0.0)
    vault.update(edited)
    assert vault.get("a").note == "changed"
    assert vault.get("a").modified > a.modified  # bumped, so merges see the edit as newest
    assert vault.remove("b").issuer == "Bank"
    with pytest.raises(AccountNotFoundError) as info:
        vault.get("b")
    assert "no longer in the vault" in str(info.value)
    with pytest.raises(VaultError):
        vault.add(a)  # same id twice
    vault.accounts.clear()  # a copy: cannot bypass the API
    assert len(vault.accounts) == 2


def test_close_forgets_accounts(make_vault: Callable[..., Vault]) -> None:
    with make_vault(full_account()) as vault:
        assert len(vault.accounts) == 1
    with pytest.raises(VaultError):
        vault.accounts  # noqa: B018


def test_backups_kept_and_pruned_and_open_read_only(
        make_vault: Callable[..., Vault], vault_path: Path) -> None:
    vault = make_vault()
    vault.set_setting("backups_to_keep", 3)
    for i in range(6):
        vault.add(full_account(id=f"id{i}"))
        vault.save()
    backups = vault.list_backups()
    assert len(backups) == 4  # the 3 newest saves + the day's first backup (retention spread)
    assert [a.id for a in Vault.open(backups[-1].path, PASSWORD, read_only=True).accounts] == []
    assert backups[0].saved >= backups[-1].saved
    assert all(b.size == b.path.stat().st_size for b in backups)
    newest = Vault.open(backups[0].path, PASSWORD, read_only=True)
    assert [a.id for a in newest.accounts] == [f"id{i}" for i in range(5)]
    with pytest.raises(ReadOnlyVaultError):
        newest.add(full_account(id="zzz"))
    with pytest.raises(ReadOnlyVaultError):
        newest.save()


def test_export_backup_is_a_standalone_vault(tmp_path: Path) -> None:
    accounts = [full_account(id="a"), full_account(id="b", issuer="Other")]
    target = tmp_path / "export.authvault"
    export_backup(accounts, target, "export pw", kdf=CHEAP)
    assert Vault.open(target, "export pw", read_only=True).accounts == accounts
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(WrongPasswordError):
        Vault.open(target, PASSWORD)
    with pytest.raises(VaultExistsError):
        export_backup(accounts, target, "x", kdf=CHEAP)


def test_resolve_vault_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(VAULT_ENV, str(tmp_path / "env.authvault"))
    assert resolve_vault_path("~/cli.authvault") == Path.home() / "cli.authvault"
    assert resolve_vault_path(None) == tmp_path / "env.authvault"
    monkeypatch.delenv(VAULT_ENV)
    default = resolve_vault_path(None)
    assert default.name == "vault.authvault" and "Authenticator" in str(default)


def test_unsupported_content_version(vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from authenticator.storage import UnsupportedVersionError, content

    monkeypatch.setattr(content, "CONTENT_VERSION", 99)
    Vault.create(vault_path, PASSWORD, kdf=CHEAP)
    monkeypatch.setattr(content, "CONTENT_VERSION", 1)
    with pytest.raises(UnsupportedVersionError, match="newer version"):
        Vault.open(vault_path, PASSWORD)


def test_newer_format_version_is_reported(make_vault: Callable[..., Vault],
                                          vault_path: Path) -> None:
    from authenticator.storage import UnsupportedVersionError

    make_vault()
    data = bytearray(vault_path.read_bytes())
    data[9] = 2  # format version (uint16 BE after the 8-byte magic)
    vault_path.write_bytes(bytes(data))
    with pytest.raises(UnsupportedVersionError, match="format 2"):
        Vault.open(vault_path, PASSWORD)


def test_wrong_type_is_not_a_secret_leak(make_vault: Callable[..., Vault]) -> None:
    vault = make_vault(full_account())
    assert "accounts" in repr(vault) and os.fsdecode(b"\x01\x02") not in repr(vault)


def test_saving_without_changes_writes_nothing(make_vault: Callable[..., Vault],
                                               vault_path: Path) -> None:
    vault = make_vault(full_account())
    before = vault_path.read_bytes()
    backups = len(vault.list_backups())
    report = vault.save()
    assert report.merged is False and report.message is None
    assert vault_path.read_bytes() == before and len(vault.list_backups()) == backups
    vault.set_setting("theme", "dark")  # changing a setting counts as a change
    assert vault.is_dirty
    vault.save()
    assert vault_path.read_bytes() != before


def test_closed_vault_refuses_to_save(make_vault: Callable[..., Vault]) -> None:
    vault = make_vault()
    vault.close()
    with pytest.raises(VaultError, match="closed"):
        vault.save()


def test_the_vault_stamps_new_accounts_and_edits_with_its_clock(make_vault, clock) -> None:
    vault = make_vault()
    vault.add(Account(secret=b"12345678901234567890", issuer="Fresh", id="fresh"))
    added = vault.get("fresh")
    assert added.created == added.modified == clock.now()
    clock.advance(120)
    vault.update(added.evolve(note="later"))
    edited = vault.get("fresh")
    assert edited.modified == clock.now() and edited.revision == added.revision + 1
    assert edited.created == added.created
