"""One vault on several devices through a sync tool: nothing is ever lost.

The sync tool is simulated here by copying files the way Syncthing, Nextcloud, Dropbox and
OneDrive do (replace the file, keep a conflict copy, put an older copy back); the real
Syncthing test is tests/storage/test_syncthing.py.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from authenticator.core.clock import FixedClock
from authenticator.storage import Vault
from authenticator.storage.content import decode
from authenticator.storage.merge import TOMBSTONE_LIFETIME
from tests.helpers.storage import CHEAP, PASSWORD, full_account


def _ids(path: Path) -> set[str]:
    return {a.id for a in Vault.open(path, PASSWORD, read_only=True).accounts}


def _two_devices(tmp_path: Path, clock: FixedClock) -> tuple[Path, Path]:
    """Device A's and device B's copy of one vault (B's folder got A's file)."""
    a = tmp_path / "a" / "vault.authvault"
    b = tmp_path / "b" / "vault.authvault"
    vault = Vault.create(a, PASSWORD, kdf=CHEAP, clock=clock)
    vault.add(full_account(id="shared", modified=100.0))
    vault.save()
    b.parent.mkdir()
    shutil.copy2(a, b)
    return a, b


def test_window_keeps_its_account_when_the_sync_tool_replaces_the_file(
        tmp_path: Path, clock: FixedClock) -> None:
    a, b = _two_devices(tmp_path, clock)
    window = Vault.open(a, PASSWORD, clock=clock)
    window.add(full_account(id="x-from-a"))
    window.save()
    other = Vault.open(b, PASSWORD, clock=clock)
    other.add(full_account(id="y-from-b"))
    other.save()
    shutil.copy2(b, a)  # the sync tool replaces A's file with B's newer copy
    report = window.save()  # what the file watcher does
    assert report.merged
    assert {a.id for a in window.accounts} == {"shared", "x-from-a", "y-from-b"}
    window.close()  # lock or quit: the file must already hold X
    assert _ids(a) == {"shared", "x-from-a", "y-from-b"}


def test_delete_on_b_then_a_later_edit_wins_and_reaches_the_file(
        tmp_path: Path, clock: FixedClock) -> None:
    a, b = _two_devices(tmp_path, clock)
    window = Vault.open(a, PASSWORD, clock=clock)
    other = Vault.open(b, PASSWORD, clock=clock)
    other.remove("shared")
    other.save()
    clock.advance(60)
    window.update(window.get("shared").evolve(note="edited later on A"))
    window.save()
    shutil.copy2(b, a)
    window.save()
    window.close()
    reopened = Vault.open(a, PASSWORD)
    assert reopened.get("shared").note == "edited later on A"


def test_an_older_copy_put_back_while_the_window_is_open_is_merged_not_adopted(
        tmp_path: Path, clock: FixedClock) -> None:
    a, _b = _two_devices(tmp_path, clock)
    old = tmp_path / "old-copy"
    shutil.copy2(a, old)
    window = Vault.open(a, PASSWORD, clock=clock)
    window.add(full_account(id="added-after"))
    window.remove("shared")
    window.save()
    generation = window.generation
    shutil.copy2(old, a)  # a sync tool's file history restores the older version
    report = window.save()
    assert report.message is not None and "older copy put back" in report.message
    window.close()
    reopened = Vault.open(a, PASSWORD)
    assert {x.id for x in reopened.accounts} == {"added-after"}  # the deletion holds too
    assert reopened.generation > generation


def test_an_older_copy_put_back_is_noticed_at_open_from_the_newest_backup(
        tmp_path: Path, clock: FixedClock) -> None:
    """No window open (the CLI): the automatic backup of the later save is merged in."""
    a, _b = _two_devices(tmp_path, clock)
    old = tmp_path / "old-copy"
    shutil.copy2(a, old)
    vault = Vault.open(a, PASSWORD, clock=clock)
    vault.add(full_account(id="added-after"))
    vault.save()
    vault.add(full_account(id="added-last"))
    vault.save()
    vault.close()
    shutil.copy2(old, a)
    reopened = Vault.open(a, PASSWORD, clock=clock)
    assert reopened.open_report.merged
    assert {x.id for x in reopened.accounts} >= {"shared", "added-after"}
    assert "added-after" in _ids(a)


CONFLICT_NAMES = [
    "vault.sync-conflict-20261201-101500-ABCDEF7.authvault",  # Syncthing
    "vault.authvault.sync-conflict-20261201-101500-ABCDEF7",
    "vault (conflicted copy 2026-12-01 101500).authvault",  # Nextcloud / ownCloud
    "vault_conflict-20261201-101500.authvault",  # ownCloud
    "vault (Alice's conflicted copy 2026-12-01).authvault",  # Dropbox
    "vault-LAPTOP-7.authvault",  # OneDrive: the device name appended
]


@pytest.mark.parametrize("name", CONFLICT_NAMES)
def test_conflict_copies_are_merged_then_moved_into_backups(
        tmp_path: Path, clock: FixedClock, name: str) -> None:
    a, b = _two_devices(tmp_path, clock)
    other = Vault.open(b, PASSWORD, clock=clock)
    other.add(full_account(id="only-in-the-copy"))
    other.save()
    window = Vault.open(a, PASSWORD, clock=clock)
    copy = a.with_name(name)
    shutil.copy2(b, copy)  # the losing side of a concurrent change, while the window is open
    window.add(full_account(id="mine"))
    report = window.save()
    assert report.message is not None and "merged 1 conflict copy" in report.message
    assert _ids(a) == {"shared", "only-in-the-copy", "mine"}
    assert not copy.exists()
    assert (a.parent / "backups" / name).exists()  # never deleted


def test_conflict_copies_are_merged_when_the_vault_is_opened(
        tmp_path: Path, clock: FixedClock) -> None:
    a, b = _two_devices(tmp_path, clock)
    other = Vault.open(b, PASSWORD, clock=clock)
    other.add(full_account(id="only-in-the-copy"))
    other.save()
    shutil.copy2(b, a.with_name(CONFLICT_NAMES[0]))
    assert "only-in-the-copy" in {x.id for x in Vault.open(a, PASSWORD).accounts}
    assert "only-in-the-copy" in _ids(a)


def test_copies_that_do_not_open_are_reported_and_left_alone(
        tmp_path: Path, clock: FixedClock) -> None:
    a, _b = _two_devices(tmp_path, clock)
    stranger = tmp_path / "stranger.authvault"
    Vault.create(stranger, "another password", kdf=CHEAP)
    damaged = a.with_name(CONFLICT_NAMES[0])
    damaged.write_bytes(a.read_bytes()[:-5] + b"xxxxx")
    other_vault = a.with_name("vault-work.authvault")  # OneDrive-like name, another vault
    shutil.copy2(stranger, other_vault)
    window = Vault.open(a, PASSWORD, clock=clock)
    window.add(full_account(id="mine"))
    report = window.save()
    assert report.unreadable_copies == (damaged,)
    assert report.message is not None and damaged.name in report.message
    assert damaged.exists() and other_vault.exists()
    assert other_vault.read_bytes() == stranger.read_bytes()


def test_tombstones_are_kept_90_days(tmp_path: Path, clock: FixedClock) -> None:
    a, _b = _two_devices(tmp_path, clock)
    vault = Vault.open(a, PASSWORD, clock=clock)
    vault.remove("shared")
    vault.save()
    clock.advance(TOMBSTONE_LIFETIME - 60)
    vault.add(full_account(id="later"))
    vault.save()
    assert "shared" in _tombstones(vault, a)
    clock.advance(120)
    vault.add(full_account(id="much-later"))
    vault.save()
    assert "shared" not in _tombstones(vault, a)


def _tombstones(vault: Vault, path: Path) -> dict[str, object]:
    from authenticator.storage import container

    parsed = container.parse(path.read_bytes())
    return dict(decode(parsed.decrypt(vault._master_key())).tombstones)


def test_edit_of_an_account_deleted_without_seeing_the_edit_revives_it_whatever_the_clocks(
        make_vault: Callable[..., Vault], vault_path: Path, clock: FixedClock) -> None:
    """B's clock is an hour ahead: its deletion carries a later time than A's edit, but it
    deleted revision 1 and A's edit is revision 2, so the edit wins."""
    make_vault(full_account(id="acct", modified=100.0))
    here = Vault.open(vault_path, PASSWORD, clock=clock)
    ahead = FixedClock(clock.now() + 3600)
    there = Vault.open(vault_path, PASSWORD, clock=ahead)
    there.remove("acct")
    there.save()
    here.update(here.get("acct").evolve(note="kept", modified=clock.now()))  # A's clock
    here.save()
    assert Vault.open(vault_path, PASSWORD).get("acct").note == "kept"


def test_a_file_the_sync_tool_puts_in_place_during_our_save_is_kept_and_merged(
        tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """Syncthing ignores our lock: it may rename the other device's copy over the vault
    between our read and our write. The replaced file is kept beside the vault (renameat2
    exchange on Linux) and merged by the next save, so its account survives."""
    from authenticator.storage import vault as vault_module

    a, b = _two_devices(tmp_path, clock)
    other = Vault.open(b, PASSWORD, clock=clock)
    other.add(full_account(id="arrived-during-our-save"))
    other.save()
    window = Vault.open(a, PASSWORD, clock=clock)
    window.add(full_account(id="ours"))
    real_backup = vault_module.write_backup

    def sync_tool_strikes(path: Path, data: bytes, now: float) -> Path:
        written = real_backup(path, data, now)
        shutil.copy2(b, a)  # after our read and merge, before our rename
        return written

    monkeypatch.setattr(vault_module, "write_backup", sync_tool_strikes)
    window.save()
    monkeypatch.setattr(vault_module, "write_backup", real_backup)
    displaced = [p for p in a.parent.iterdir() if "displaced" in p.name]
    assert len(displaced) == 1
    report = window.save()
    assert report.message is not None and "conflict cop" in report.message
    assert _ids(a) == {"shared", "ours", "arrived-during-our-save"}


def test_a_write_the_sync_tool_dropped_without_a_conflict_copy_comes_back(
        tmp_path: Path, clock: FixedClock) -> None:
    """Seen with real Syncthing: two near-simultaneous saves, one version replaced by the
    other with no conflict copy. The computer that lost its write kept what it wrote
    (backups/<stem>.written-…) and merges it at the next open."""
    a, b = _two_devices(tmp_path, clock)
    cli = Vault.open(a, PASSWORD, clock=clock)
    cli.add(full_account(id="added-by-the-cli"))
    cli.save()
    cli.close()
    other = Vault.open(b, PASSWORD, clock=clock)
    other.add(full_account(id="added-on-the-laptop"))
    other.save()
    shutil.copy2(b, a)  # the sync tool replaces A's write, keeps no conflict copy
    reopened = Vault.open(a, PASSWORD, clock=clock)
    assert {x.id for x in reopened.accounts} == {"shared", "added-by-the-cli",
                                                 "added-on-the-laptop"}
    assert _ids(a) == {"shared", "added-by-the-cli", "added-on-the-laptop"}


def _sync_backups(source: Path, target: Path) -> None:
    """What a sync tool does with the ``backups/`` folder beside the vault: copies what one
    device has there to the other (keeping the modification time, as Syncthing does)."""
    (target.parent / "backups").mkdir(exist_ok=True)
    for path in (source.parent / "backups").iterdir():
        shutil.copy2(path, target.parent / "backups" / path.name)


def test_a_write_dropped_on_the_command_line_device_reaches_the_window_through_backups(
        tmp_path: Path, clock: FixedClock) -> None:
    """Issue 13, seen with two real Syncthings: A's command line saves and exits; A's
    Syncthing, having just checked that A's file was the one it knew, removes it and renames
    B's concurrent copy in. A's save is gone from both vault files, with no conflict copy,
    and nothing on A will open the vault again soon. A's last write (backups/, written by A
    alone, so synced intact) reaches B, whose open window merges it and writes it back."""
    a, b = _two_devices(tmp_path, clock)
    window = Vault.open(b, PASSWORD, clock=clock)  # B's window, open all along
    cli = Vault.open(a, PASSWORD, clock=clock)
    cli.add(full_account(id="added-by-the-cli"))
    cli.save()
    cli.close()
    window.add(full_account(id="added-in-the-window"))
    window.save()
    # A's Syncthing had checked A's file (unchanged since its last scan) just before the
    # save; now it finishes pulling B's copy: removes what is there, renames its temp file in
    temp = a.with_name(f".syncthing.{a.name}.tmp")
    shutil.copy2(b, temp)
    a.unlink()
    temp.rename(a)
    assert _ids(a) == _ids(b) == {"shared", "added-in-the-window"}
    _sync_backups(a, b)  # A's written copy arrives in B's backups/
    report = window.save()  # what the window does when its watcher sees backups/ change
    assert report.merged and report.message is not None
    assert "replaced without keeping a conflict copy" in report.message
    assert {x.id for x in window.accounts} == {"shared", "added-by-the-cli",
                                               "added-in-the-window"}
    assert _ids(b) == {"shared", "added-by-the-cli", "added-in-the-window"}
    assert not window.save().merged  # merged once: the copy is not read again unchanged


def test_another_devices_last_write_does_not_bring_back_what_was_deleted_since(
        tmp_path: Path, clock: FixedClock) -> None:
    a, b = _two_devices(tmp_path, clock)
    cli = Vault.open(a, PASSWORD, clock=clock)
    cli.add(full_account(id="deleted-later"))
    cli.save()
    cli.close()
    shutil.copy2(a, b)
    window = Vault.open(b, PASSWORD, clock=clock)
    window.remove("deleted-later")
    window.save()
    _sync_backups(a, b)
    assert not window.save().merged
    assert _ids(b) == {"shared"}


def test_a_last_write_older_than_the_tombstones_is_not_merged(
        tmp_path: Path, clock: FixedClock) -> None:
    """Deletions are remembered 90 days: a device's last write older than that could bring
    back an account deleted meanwhile (its tombstone expired), so it is left alone."""
    import os

    a, b = _two_devices(tmp_path, clock)
    cli = Vault.open(a, PASSWORD, clock=clock)
    cli.add(full_account(id="from-long-ago"))
    cli.save()
    cli.close()
    _sync_backups(a, b)
    old = clock.now() - TOMBSTONE_LIFETIME - 3600
    for path in (b.parent / "backups").glob("vault.written-*"):
        os.utime(path, (old, old))
    window = Vault.open(b, PASSWORD, clock=clock)
    assert not window.save().merged
    assert _ids(b) == {"shared"}
