"""A vault file that cannot be used: damaged (right password, content fails authentication)
or unreadable (not a vault this app can parse). Pure logic, used by the session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from authenticator.storage import container
from authenticator.storage.errors import NotAVaultError, UnsupportedVersionError, VaultDamagedError
from authenticator.storage.vault import Vault

DAMAGED = "damaged"  # the password is right, the content fails authentication
UNREADABLE = "unreadable"  # the file does not parse (truncated, overwritten...)


@dataclass(frozen=True, slots=True)
class Damaged:
    kind: str


def open_or_damaged(path: Path, password: str) -> Vault | Damaged:
    """``Vault.open``, with damage returned as :class:`Damaged` (other errors raise)."""
    try:
        return Vault.open(path, password)
    except VaultDamagedError:
        return Damaged(DAMAGED)
    except UnsupportedVersionError:
        raise
    except NotAVaultError:
        return Damaged(UNREADABLE)


def file_is_unreadable(path: Path) -> bool:
    """True when ``path`` exists but is no vault this app can parse (no password needed)."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    try:
        container.parse(data)
    except UnsupportedVersionError:
        return False
    except NotAVaultError:
        return True
    return False
