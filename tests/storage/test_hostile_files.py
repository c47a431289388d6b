"""Hostile or odd vault paths and headers are refused before any real work is done."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from authenticator.storage import (
    NotAVaultError,
    Vault,
    VaultError,
    VaultExistsError,
    container,
    kdf,
)
from authenticator.storage.files import MAX_VAULT_BYTES
from tests.helpers.storage import CHEAP, PASSWORD, full_account


@pytest.fixture
def no_kdf(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    calls: list[object] = []

    def refuse(*args: object) -> bytes:
        calls.append(args)
        raise AssertionError("the KDF must not run")

    monkeypatch.setattr(kdf, "derive_key", refuse)
    return calls


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "vault.authvault"
    os.mkfifo(fifo)
    with pytest.raises(NotAVaultError, match="named pipe"):
        Vault.open(fifo, PASSWORD)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused() -> None:
    with pytest.raises(NotAVaultError, match="a device"):
        Vault.open("/dev/zero", PASSWORD)


def test_a_huge_sparse_file_is_refused_before_reading(tmp_path: Path) -> None:
    sparse = tmp_path / "vault.authvault"
    with sparse.open("wb") as f:
        f.truncate(8 * 1024**3)  # 8 GiB, no blocks
    with pytest.raises(NotAVaultError, match="far larger than a vault file can be"):
        Vault.open(sparse, PASSWORD)
    assert MAX_VAULT_BYTES == 32 * 1024 * 1024


def _tampered(path: Path, slots: list[container.Slot]) -> None:
    master = os.urandom(32)
    path.write_bytes(container.seal(master, "v" * 32, tuple(slots), b"{}"))


def _slot(memory_kib: int, iterations: int) -> container.Slot:
    params = kdf.KdfParams(memory_kib=memory_kib, iterations=iterations)
    return container.Slot(container.new_id(), container.SLOT_PASSWORD, os.urandom(12),
                          os.urandom(48), params, os.urandom(16))


def test_4_gib_header_is_refused_at_once(tmp_path: Path, no_kdf: list[object]) -> None:
    path = tmp_path / "vault.authvault"
    _tampered(path, [_slot(4 * 1024 * 1024, 1)])
    with pytest.raises(NotAVaultError, match="4096 MiB of memory, at most 256 MiB"):
        Vault.open(path, PASSWORD)
    assert no_kdf == []


def test_thousands_of_slots_are_refused_at_once(tmp_path: Path, no_kdf: list[object]) -> None:
    path = tmp_path / "vault.authvault"
    _tampered(path, [_slot(8, 1) for _ in range(2000)])
    with pytest.raises(NotAVaultError, match="2000 password slots, at most 2"):
        Vault.open(path, PASSWORD)
    assert no_kdf == []


def test_too_much_total_work_is_refused(tmp_path: Path, no_kdf: list[object]) -> None:
    path = tmp_path / "vault.authvault"
    _tampered(path, [_slot(256 * 1024, 64)])
    with pytest.raises(NotAVaultError, match="MiB x passes"):
        Vault.open(path, PASSWORD)


def test_the_strongest_vault_this_app_creates_is_within_the_budget() -> None:
    """Calibration tops out at 64 passes of 64 MiB (on a fast machine); such a vault must
    open anywhere, however slow (the budget is in parameters, not seconds)."""
    strongest = _slot(kdf.DEFAULT_MEMORY_KIB, kdf.MAX_ITERATIONS)
    parsed = container.parse(container.seal(os.urandom(32), "v" * 32, (strongest,), b"{}"))
    parsed.check_budget()  # does not raise


def test_saves_follow_a_symlink_and_replace_its_target(tmp_path: Path) -> None:
    real = tmp_path / "synced" / "vault.authvault"
    link = tmp_path / "home" / "vault.authvault"
    Vault.create(real, PASSWORD, kdf=CHEAP)
    link.parent.mkdir()
    link.symlink_to(real)
    vault = Vault.open(link, PASSWORD)
    vault.add(full_account(id="through-the-link"))
    vault.save()
    assert link.is_symlink()
    assert [a.id for a in Vault.open(real, PASSWORD).accounts] == ["through-the-link"]
    assert (real.parent / "backups").is_dir() and not (link.parent / "backups").exists()
    assert not [p for p in link.parent.iterdir() if p != link]


def test_init_through_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    real = tmp_path / "synced" / "vault.authvault"
    link = tmp_path / "vault.authvault"
    link.symlink_to(real)
    Vault.create(link, PASSWORD, kdf=CHEAP)
    assert link.is_symlink() and real.is_file()
    with pytest.raises(VaultExistsError):
        Vault.create(link, PASSWORD, kdf=CHEAP)


def test_a_read_only_vault_keeps_its_mode(make_vault: Callable[..., Vault],
                                          vault_path: Path) -> None:
    vault = make_vault()
    vault_path.chmod(0o400)
    vault.add(full_account())
    vault.save()
    assert stat.S_IMODE(vault_path.stat().st_mode) == 0o400


def test_folders_created_for_a_vault_are_private(tmp_path: Path) -> None:
    path = tmp_path / "one" / "two" / "vault.authvault"
    old = os.umask(0o022)
    try:
        Vault.create(path, PASSWORD, kdf=CHEAP)
    finally:
        os.umask(old)
    for folder in (tmp_path / "one", tmp_path / "one" / "two"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_password_change_rotates_the_master_key(make_vault: Callable[..., Vault],
                                                vault_path: Path, tmp_path: Path) -> None:
    """An old copy (a sync tool's history) plus the old password opens only the old
    content: the key it yields does not decrypt the file after the change."""
    vault = make_vault(full_account(id="before"))
    old_copy = tmp_path / "history.authvault"
    old_copy.write_bytes(vault_path.read_bytes())
    vault.change_password("new password")
    vault.add(full_account(id="after"))
    vault.save()
    old_key = container.parse(old_copy.read_bytes()).unlock(PASSWORD)
    with pytest.raises(VaultError):  # the old key no longer decrypts the content
        container.parse(vault_path.read_bytes()).decrypt(old_key)
    assert [a.id for a in Vault.open(old_copy, PASSWORD, read_only=True).accounts] == ["before"]
    assert {a.id for a in Vault.open(vault_path, "new password").accounts} == {"before", "after"}
