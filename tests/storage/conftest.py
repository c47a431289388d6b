from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from authenticator.core.account import Account, Algorithm, OtpKind
from authenticator.core.clock import FixedClock
from authenticator.storage import KdfParams, Vault

PASSWORD = "correct horse battery staple"
CHEAP = KdfParams.for_tests()


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


def full_account(**changes: object) -> Account:
    """An account with every field set to a non-default value."""
    fields: dict[str, object] = dict(
        secret=bytes(range(1, 21)), issuer="Exämple Bank", name="alice@example.com",
        kind=OtpKind.HOTP, algorithm=Algorithm.SHA512, digits=8, period=45, counter=42,
        note="recovery codes in the drawer", favorite=True, tags=("bank", "work"),
        created=1_600_000_000.5, modified=1_650_000_000.25, last_used=1_690_000_000.0,
    )
    fields.update(changes)
    return Account(**fields)  # type: ignore[arg-type]
