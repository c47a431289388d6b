"""Backup retention is spread over time; restoring keeps the file it replaces."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from authenticator.storage.backups import (
    backup_owner,
    kept_backups,
    list_backups,
    prune_backups,
    restore_backup,
    write_backup,
)

DAY = 86_400.0
START = 1_767_225_600.0  # 2026-01-01 00:00 UTC


def test_500_saves_over_60_days_leave_backups_covering_the_60_days(tmp_path: Path):
    vault = tmp_path / "vault.authvault"
    rng = random.Random(60)
    times = sorted(START + rng.uniform(0, 60 * DAY) for _ in range(500))
    for i, now in enumerate(times):
        write_backup(vault, f"save {i}".encode(), now)
        prune_backups(vault, 10)
    kept = sorted(info.saved.timestamp() for info in list_backups(vault))
    last = times[-1]
    assert len(kept) <= 10 + 7 + 8 + 12
    assert kept[-10:] == pytest.approx(times[-10:], abs=1e-3)  # the last 10 saves
    assert kept[0] == pytest.approx(times[0], abs=1e-3)  # the very first save is still there
    gaps = [b - a for a, b in itertools.pairwise(kept)]
    assert max(gaps) <= 31 * DAY  # no hole longer than a month anywhere in the 60 days
    recent_week = [t for t in kept if last - t <= 7 * DAY]
    for day in range(6):  # one backup for each of the last days that had saves
        lo, hi = last - (day + 1) * DAY, last - day * DAY
        if any(lo < t <= hi for t in times):
            assert any(lo - DAY < t <= hi for t in recent_week), day
    for week in range(8):
        lo, hi = last - (week + 1) * 7 * DAY, last - week * 7 * DAY
        assert any(lo - 7 * DAY < t <= hi for t in kept), week


def test_policy_is_stable_and_zero_means_none():
    base = datetime(2026, 1, 1, tzinfo=UTC)
    saved = [base + timedelta(hours=3 * i) for i in range(200)]
    first = kept_backups(saved, 10)
    later = kept_backups([*saved, base + timedelta(days=26)], 10)
    still_in_range = {t for t in first if (base + timedelta(days=26) - t).days < 6}
    assert still_in_range - set(saved[-10:]) <= later  # kept daily backups stay kept
    assert kept_backups(saved, 0) == set()


def test_restore_keeps_the_current_file_as_a_backup(tmp_path: Path):
    vault = tmp_path / "vault.authvault"
    vault.write_bytes(b"current")
    old = write_backup(vault, b"older", START)
    kept = restore_backup(vault, old, START + 100, damaged=False)
    assert vault.read_bytes() == b"older"
    assert kept is not None and kept.read_bytes() == b"current"
    assert kept.parent.name == "backups"


def test_restore_sets_a_damaged_file_aside(tmp_path: Path):
    vault = tmp_path / "vault.authvault"
    vault.write_bytes(b"damaged bytes")
    old = write_backup(vault, b"good", START)
    kept = restore_backup(vault, old, START + 100, damaged=True)
    assert vault.read_bytes() == b"good"
    assert kept is not None and kept.read_bytes() == b"damaged bytes"
    assert kept.name == "vault.authvault.damaged-20260101-000140"
    assert kept.parent == tmp_path


def test_backup_owner(tmp_path: Path):
    vault = tmp_path / "my-vault.authvault"
    backup = write_backup(vault, b"x", START)
    assert backup_owner(backup) == vault
    assert backup_owner(vault) is None
    assert backup_owner(tmp_path / "backups" / "notes.authvault") is None
