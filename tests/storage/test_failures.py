"""Failed saves leave the file untouched and keep changes in memory; locks stop two writers."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from authenticator.storage import SaveError, Vault, VaultLockedError, VaultReplacedError, atomic
from authenticator.storage.lock import VaultLock
from authenticator.storage.paths import lock_path_for
from tests.helpers.storage import CHEAP, PASSWORD, full_account


def _raise(code: int) -> Callable[..., object]:
    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(code, os.strerror(code))
    return fail


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(("target", "code", "reason"), [
    ("write", errno.ENOSPC, "the disk is full"),
    ("fsync", errno.ENOSPC, "the disk is full"),
    ("replace", errno.EROFS, "read-only file system"),
    ("replace", errno.EACCES, "permission was denied"),
])
def test_failed_save_keeps_file_and_memory(
        make_vault: Callable[..., Vault], vault_path: Path, monkeypatch: pytest.MonkeyPatch,
        target: str, code: int, reason: str) -> None:
    vault = make_vault(full_account(id="kept"))
    vault.set_setting("backups_to_keep", 0)  # so the failure hits the vault write itself
    vault.save()
    original = vault_path.read_bytes()
    vault.add(full_account(id="new"))
    with monkeypatch.context() as patch:
        patch.setattr(os, target, _raise(code))
        if target == "replace":  # on Linux the swap is renameat2(RENAME_EXCHANGE)
            patch.setattr(atomic, "_exchange", _raise(code))
        with pytest.raises(SaveError) as info:
            vault.save()
    message = str(info.value)
    assert reason in message and "unchanged" in message and "kept in memory" in message
    assert "\n" not in message
    assert vault_path.read_bytes() == original
    assert _leftovers(vault_path.parent) == []
    assert [a.id for a in vault.accounts] == ["kept", "new"] and vault.is_dirty
    vault.save()  # once the disk is fine again, the kept change is written
    assert [a.id for a in Vault.open(vault_path, PASSWORD).accounts] == ["kept", "new"]


def test_disk_full_while_writing_the_backup(make_vault: Callable[..., Vault], vault_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    vault = make_vault(full_account(id="kept"))
    original = vault_path.read_bytes()
    vault.add(full_account(id="new"))
    monkeypatch.setattr(os, "write", _raise(errno.ENOSPC))
    with pytest.raises(SaveError, match="disk is full"):
        vault.save()
    assert vault_path.read_bytes() == original


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root ignores folder permissions")
def test_real_read_only_folder(make_vault: Callable[..., Vault], vault_path: Path) -> None:
    vault = make_vault(full_account(id="kept"))
    original = vault_path.read_bytes()
    vault.add(full_account(id="new"))
    vault_path.parent.chmod(0o500)
    try:
        with pytest.raises(SaveError, match="permission was denied"):
            vault.save()
    finally:
        vault_path.parent.chmod(0o700)
    assert vault_path.read_bytes() == original


_READ_ONLY_CHILD = textwrap.dedent("""
    import subprocess, sys
    from pathlib import Path
    from authenticator.storage import KdfParams, SaveError, Vault
    from tests.helpers.storage import PASSWORD, full_account

    path = Path(sys.argv[1])
    vault = Vault.create(path, PASSWORD, kdf=KdfParams.for_tests())
    vault.lock_timeout = 0.0
    vault.add(full_account(id="kept"))
    vault.save()
    original = path.read_bytes()
    vault.add(full_account(id="new"))
    folder = str(path.parent)
    # Only this process's mount namespace sees the folder read-only; root cannot write it.
    subprocess.run(["mount", "--bind", folder, folder], check=True)
    subprocess.run(["mount", "-o", "remount,bind,ro", folder], check=True)
    try:
        vault.save()
    except SaveError as err:
        assert "read-only file system" in str(err), str(err)
    else:
        raise SystemExit("the save into a read-only folder did not fail")
    assert path.read_bytes() == original
    assert [a.id for a in vault.accounts] == ["kept", "new"]  # kept in memory
    print("read-only ok")
""")


def _can_mount_read_only(tmp_path: Path) -> bool:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    probe = tmp_path / "probe"
    probe.mkdir()
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c",
         f"mount --bind '{probe}' '{probe}' && mount -o remount,bind,ro '{probe}'"],
        capture_output=True, timeout=30, check=False)
    return done.returncode == 0


@pytest.mark.skipif(os.name != "posix", reason="POSIX mounts")
def test_read_only_file_system_even_as_root(tmp_path: Path) -> None:
    """Runs where the folder-permission test cannot (CI runs as root): a read-only bind
    mount in a private user and mount namespace (``unshare -rm``)."""
    if not _can_mount_read_only(tmp_path):
        pytest.skip("no user/mount namespaces here (unshare -rm) to mount a folder read-only")
    folder = tmp_path / "data"
    folder.mkdir()
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        ["unshare", "-rm", sys.executable, "-c", _READ_ONLY_CHILD, str(folder / "v.authvault")],
        capture_output=True, text=True, timeout=120, cwd=root, check=False,
        env={**os.environ, "PYTHONPATH": str(root)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "read-only ok"


def test_vanished_file(make_vault: Callable[..., Vault], vault_path: Path) -> None:
    vault = make_vault(full_account(id="kept"))
    vault.add(full_account(id="new"))
    vault_path.unlink()
    with pytest.raises(SaveError, match="moved or deleted"):
        vault.save()
    assert not vault_path.exists()
    assert len(vault.accounts) == 2


def test_unreadable_replacement_is_never_overwritten(
        make_vault: Callable[..., Vault], vault_path: Path) -> None:
    vault = make_vault(full_account(id="kept"))
    vault.add(full_account(id="new"))
    vault_path.write_bytes(b"garbage from a broken sync tool")
    with pytest.raises(VaultReplacedError, match="reopen"):
        vault.save()
    assert vault_path.read_bytes() == b"garbage from a broken sync tool"
    other = vault_path.with_name("other.authvault")
    Vault.create(other, PASSWORD, kdf=CHEAP)  # same password, different master key
    os.replace(other, vault_path)
    replaced = vault_path.read_bytes()
    with pytest.raises(VaultReplacedError):
        vault.save()
    assert vault_path.read_bytes() == replaced


def test_second_writer_gets_vault_locked_error(make_vault: Callable[..., Vault],
                                              vault_path: Path) -> None:
    vault = make_vault(full_account(id="kept"))
    original = vault_path.read_bytes()
    ready_r, ready_w = os.pipe()
    done_r, done_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: hold the lock as a saving process would
        try:
            with VaultLock(lock_path_for(vault_path)):
                os.write(ready_w, b"1")
                os.read(done_r, 1)
        finally:
            os._exit(0)
    try:
        assert os.read(ready_r, 1) == b"1"
        vault.add(full_account(id="new"))
        with pytest.raises(VaultLockedError) as info:
            vault.save()
        assert f"process {pid}" in str(info.value)
        assert vault_path.read_bytes() == original
    finally:
        os.write(done_w, b"1")
        os.waitpid(pid, 0)
    vault.save()  # the lock is free again
    assert len(Vault.open(vault_path, PASSWORD).accounts) == 2


def test_lock_of_killed_holder_is_released(vault_path: Path) -> None:
    vault_path.parent.mkdir(parents=True)
    ready_r, ready_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        with VaultLock(lock_path_for(vault_path)):
            os.write(ready_w, b"1")
            signal.pause()
        os._exit(0)
    assert os.read(ready_r, 1) == b"1"
    with pytest.raises(VaultLockedError), VaultLock(lock_path_for(vault_path), timeout=0):
        pass
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    with VaultLock(lock_path_for(vault_path), timeout=0):
        pass


def test_folder_flush_failure_after_rename_is_not_reported_as_failed_save(
        make_vault: Callable[..., Vault], vault_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from authenticator.storage import atomic

    vault = make_vault()
    vault.add(full_account(id="new"))
    monkeypatch.setattr(atomic, "fsync_dir", _raise(errno.EIO))
    vault.save()  # the new file is in place: claiming "unchanged" would be a lie
    assert not vault.is_dirty
    assert [a.id for a in Vault.open(vault_path, PASSWORD).accounts] == ["new"]


def test_create_in_read_only_place_reports_and_leaves_nothing(
        vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "replace", _raise(errno.EROFS))
    with pytest.raises(SaveError, match=r"could not create the vault.*read-only"):
        Vault.create(vault_path, PASSWORD, kdf=CHEAP)
    assert not vault_path.exists() and _leftovers(vault_path.parent) == []


def test_file_saved_by_a_newer_version_elsewhere_is_not_overwritten(
        make_vault: Callable[..., Vault], vault_path: Path) -> None:
    vault = make_vault(full_account(id="kept"))
    vault.add(full_account(id="new"))
    data = bytearray(vault_path.read_bytes())
    data[9] = 7  # format version 7
    vault_path.write_bytes(bytes(data))
    with pytest.raises(VaultReplacedError, match="newer version"):
        vault.save()
    assert vault_path.read_bytes() == bytes(data)
