"""Kill a saving process at random moments: the vault always opens, old or new content."""

from __future__ import annotations

import os
import random
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from authenticator.storage import Vault
from tests.helpers.storage import PASSWORD, full_account

KILLS = 120
ACCOUNTS = 20


def _saver(path: Path, saved_w: int) -> None:
    """Child: bump every account's note to the next number and save, forever; one byte
    on ``saved_w`` after each completed save."""
    vault = Vault.open(path, PASSWORD)
    generation = int(vault.accounts[0].note)
    while True:
        generation += 1
        for account in vault.accounts:
            vault.update(account.evolve(note=str(generation)))
        vault.save()
        os.write(saved_w, b"1")


@pytest.mark.slow
def test_sigkill_during_saves_never_corrupts(make_vault: Callable[..., Vault],
                                             vault_path: Path) -> None:
    make_vault(*(full_account(id=f"a{i}", note="0") for i in range(ACCOUNTS)))
    rng = random.Random(1234)
    last_generation = 0
    for _ in range(KILLS):
        saved_r, saved_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(saved_r)
                _saver(vault_path, saved_w)
            finally:
                os._exit(1)
        os.close(saved_w)
        # One save completed (so every round moves the vault on, however slow the
        # machine), then a kill at a random moment of the saves that follow.
        os.read(saved_r, 1)
        time.sleep(rng.uniform(0, 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(saved_r)

        vault = Vault.open(vault_path, PASSWORD)  # must open: old or new, never torn
        notes = {a.note for a in vault.accounts}
        assert len(vault.accounts) == ACCOUNTS and len(notes) == 1
        generation = int(notes.pop())
        assert generation >= last_generation  # never rolls back to an older state
        last_generation = generation
    assert last_generation >= KILLS  # every round saved at least once before its kill
    for folder in (vault_path.parent, vault_path.parent / "backups"):
        temps = [p for p in folder.iterdir() if p.name.endswith(".tmp")]
        assert len(temps) <= 1  # stale temp files are cleaned up by the next save
    backups = Vault.open(vault_path, PASSWORD).list_backups()
    for backup in backups:  # every backup opens: none is torn
        opened = Vault.open(backup.path, PASSWORD, read_only=True)
        # Retention keeps the first backup of the day too: the vault as created, still empty.
        assert opened.accounts or backup is backups[-1]
