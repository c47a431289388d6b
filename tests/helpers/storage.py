"""What the storage tests share: the password, a cheap KDF, an account with every field."""

from __future__ import annotations

from authenticator.core.account import Account, Algorithm, OtpKind
from authenticator.storage import KdfParams

PASSWORD = "correct horse battery staple"
CHEAP = KdfParams.for_tests()


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
