from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from authenticator.core.account import Account
from authenticator.core.clock import FixedClock
from authenticator.storage import Vault
from tests.helpers.storage import CHEAP, PASSWORD


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "vault.authvault"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(1_700_000_000.0)


@pytest.fixture
def make_vault(vault_path: Path, clock: FixedClock) -> Callable[..., Vault]:
    def make(*accounts: Account) -> Vault:
        vault = Vault.create(vault_path, PASSWORD, kdf=CHEAP, clock=clock)
        vault.lock_timeout = 0.0
        for account in accounts:
            vault.add(account)
        if accounts:
            vault.save()
        return vault

    return make
