"""Another device (or process) changed the file since we read it: merge, never overwrite."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from authenticator.core.clock import FixedClock
from authenticator.storage import Vault, VaultError, VaultReplacedError
from tests.helpers.devices import change_password_keeping_key
from tests.helpers.storage import PASSWORD, full_account


def _two_windows(make_vault: Callable[..., Vault], vault_path: Path,
                 clock: FixedClock) -> tuple[Vault, Vault]:
    make_vault(full_account(id="shared", note="v0", modified=100.0),
               full_account(id="doomed", issuer="Old", modified=100.0),
               full_account(id="edited", issuer="Edit me", modified=100.0))
    here = Vault.open(vault_path, PASSWORD, clock=clock)
    there = Vault.open(vault_path, PASSWORD, clock=clock)
    return here, there


def test_additions_on_both_sides_are_kept(make_vault: Callable[..., Vault], vault_path: Path,
                                          clock: FixedClock) -> None:
    here, there = _two_windows(make_vault, vault_path, clock)
    there.add(full_account(id="from-there"))
    assert there.save().merged is False
    here.add(full_account(id="from-here"))
    report = here.save()
    assert report.merged
    assert report.message == "merged 1 change made elsewhere (1 added)"
    ids = [a.id for a in Vault.open(vault_path, PASSWORD).accounts]
    assert ids == ["shared", "doomed", "edited", "from-there", "from-here"]


def test_same_account_edited_on_both_sides_newest_wins(
        make_vault: Callable[..., Vault], vault_path: Path, clock: FixedClock) -> None:
    here, there = _two_windows(make_vault, vault_path, clock)
    there.update(there.get("shared").evolve(note="there, later", modified=300.0))
    there.update(there.get("edited").evolve(note="there, earlier", modified=200.0))
    there.save()
    here.update(here.get("shared").evolve(note="here, earlier", modified=200.0))
    here.update(here.get("edited").evolve(note="here, later", modified=300.0))
    report = here.save()
    assert report.merged and report.message is not None
    assert "edited in both places" in report.message
    result = {a.id: a.note for a in Vault.open(vault_path, PASSWORD).accounts}
    assert result["shared"] == "there, later"
    assert result["edited"] == "here, later"
    assert here.get("shared").note == "there, later"  # memory shows the merged state too


def test_deletion_on_one_side_is_respected(make_vault: Callable[..., Vault], vault_path: Path,
                                           clock: FixedClock) -> None:
    here, there = _two_windows(make_vault, vault_path, clock)
    there.remove("doomed")
    there.save()
    here.add(full_account(id="new-here"))
    report = here.save()
    assert report.message == "merged 1 change made elsewhere (1 deleted)"
    ids = [a.id for a in Vault.open(vault_path, PASSWORD).accounts]
    assert "doomed" not in ids and "new-here" in ids
    # and the other way round: our deletion is not undone by their unrelated save
    there2 = Vault.open(vault_path, PASSWORD, clock=clock)
    here.remove("shared")
    here.save()
    there2.add(full_account(id="later"))
    there2.save()
    ids = [a.id for a in Vault.open(vault_path, PASSWORD).accounts]
    assert "shared" not in ids and "later" in ids


def test_edit_after_remote_deletion_keeps_the_account(
        make_vault: Callable[..., Vault], vault_path: Path, clock: FixedClock) -> None:
    here, there = _two_windows(make_vault, vault_path, clock)
    there.remove("doomed")  # tombstone at clock time 1.7e9
    there.save()
    here.update(here.get("doomed").evolve(note="still needed", modified=clock.now() + 60))
    here.save()
    assert Vault.open(vault_path, PASSWORD).get("doomed").note == "still needed"


def test_settings_merge_per_key(make_vault: Callable[..., Vault], vault_path: Path,
                                clock: FixedClock) -> None:
    here, there = _two_windows(make_vault, vault_path, clock)
    there.set_setting("theme", "dark")
    there.save()
    here.set_setting("sort", "name")
    here.save()
    assert Vault.open(vault_path, PASSWORD).settings == {"theme": "dark", "sort": "name"}


def test_unchanged_window_refreshes_without_writing(
        make_vault: Callable[..., Vault], vault_path: Path, clock: FixedClock) -> None:
    here, there = _two_windows(make_vault, vault_path, clock)
    there.add(full_account(id="from-there"))
    there.save()
    written = vault_path.read_bytes()
    backups = len(here.list_backups())
    report = here.save()
    assert report.merged and report.message == "merged 1 change made elsewhere (1 added)"
    assert vault_path.read_bytes() == written and len(here.list_backups()) == backups
    assert "from-there" in [a.id for a in here.accounts]


def test_password_changed_elsewhere_keeps_our_changes_for_the_next_unlock(
        make_vault: Callable[..., Vault], vault_path: Path, clock: FixedClock) -> None:
    """A password change rotates the master key, so a window still holding the old key
    cannot merge into the new file: it keeps its changes in a copy sealed with the old key,
    which the new content lists as retired, and the next unlock merges it."""
    here, there = _two_windows(make_vault, vault_path, clock)
    there.change_password("changed elsewhere")
    here.add(full_account(id="new"))
    with pytest.raises(VaultReplacedError, match="password was probably changed elsewhere"):
        here.save()
    rescued = [p for p in vault_path.parent.iterdir() if "unsaved" in p.name]
    assert len(rescued) == 1
    reopened = Vault.open(vault_path, "changed elsewhere")
    assert reopened.open_report.merged
    assert len(reopened.accounts) == 4 and reopened.get("new")
    assert not rescued[0].exists()  # moved into backups/
    assert (vault_path.parent / "backups" / rescued[0].name).exists()


def test_settings_are_copies_and_survive_a_merge(
        make_vault: Callable[..., Vault], vault_path: Path, clock: FixedClock) -> None:
    """No live dict is handed out: a copy changed by the caller changes nothing."""
    here, there = _two_windows(make_vault, vault_path, clock)
    snapshot = here.settings
    snapshot["theme"] = "light"
    assert here.setting("theme") is None and not here.is_dirty
    there.set_setting("theme", "dark")
    there.save()
    here.set_setting("sites", ["a.test"])
    here.save()
    assert here.settings == {"theme": "dark", "sites": ["a.test"]}
    here.setting("sites").append("b.test")
    assert here.setting("sites") == ["a.test"]


def test_settings_merge_tells_true_from_one(
        make_vault: Callable[..., Vault], vault_path: Path, clock: FixedClock) -> None:
    """Values compare as JSON: a change from 1 to true is a change (Python says equal)."""
    here, there = _two_windows(make_vault, vault_path, clock)
    here.set_setting("flag", 1)
    here.save()
    there.save()  # takes flag = 1
    there.set_setting("flag", True)
    assert there.is_dirty
    there.save()
    here.save()
    assert here.setting("flag") is True
    assert Vault.open(vault_path, PASSWORD).setting("flag") is True


def test_settings_changed_on_both_sides_converge(
        make_vault: Callable[..., Vault], vault_path: Path, clock: FixedClock) -> None:
    """Both changed one key: the later save wins on both devices, other keys merge."""
    here, there = _two_windows(make_vault, vault_path, clock)
    there.set_setting("theme", "dark")
    there.set_setting("a", 1)
    there.save()
    here.set_setting("theme", "light")
    here.set_setting("b", 2)
    here.save()
    there.save()
    assert here.settings == there.settings == {"theme": "light", "a": 1, "b": 2}


def test_a_setting_that_is_not_json_is_refused(
        make_vault: Callable[..., Vault], vault_path: Path, clock: FixedClock) -> None:
    here, _there = _two_windows(make_vault, vault_path, clock)
    with pytest.raises(VaultError, match="not a JSON value"):
        here.set_setting("bad", float("nan"))
    with pytest.raises(VaultError, match="not a JSON value"):
        here.set_setting("bad", object())
    assert "bad" not in here.settings and not here.is_dirty


def test_a_password_changed_on_another_device_is_reported_typed(
        make_vault: Callable[..., Vault], vault_path: Path, clock: FixedClock) -> None:
    here, there = _two_windows(make_vault, vault_path, clock)
    change_password_keeping_key(there, "changed elsewhere")
    report = here.save()
    assert report.merged and report.password_changed
    assert "password was changed on another device" in (report.message or "")  # the CLI's
    assert Vault.open(vault_path, "changed elsewhere").accounts
    # Another change saved elsewhere later is not a password change.
    there.add(full_account(id="later"))
    there.save()
    later = here.save()
    assert later.merged and not later.password_changed


def test_our_own_password_change_is_not_reported_as_one_made_elsewhere(
        make_vault: Callable[..., Vault], vault_path: Path, clock: FixedClock) -> None:
    here, there = _two_windows(make_vault, vault_path, clock)
    there.add(full_account(id="from-there"))
    there.save()
    report = here.change_password("mine")
    assert report.merged and not report.password_changed
