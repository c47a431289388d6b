"""The decrypted vault content (JSON), its schema version and migrations."""

from __future__ import annotations

import base64
import binascii
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from authenticator.core.account import Account, AccountError
from authenticator.storage.errors import NotAVaultError, UnsupportedVersionError, VaultError

CONTENT_VERSION = 1
# Migrations from content version N to N + 1, applied in order when an older vault is opened.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

_MALFORMED = "the vault content is malformed"


@dataclass(frozen=True, slots=True)
class Tombstone:
    """A deleted account: when, and the revision it had when it was deleted (None: written
    by a version without revisions, then only the time counts)."""

    deleted: float
    revision: int | None = None

    def to_json(self, account_id: str) -> dict[str, Any]:
        data: dict[str, Any] = {"id": account_id, "deleted": self.deleted}
        if self.revision is not None:
            data["revision"] = self.revision
        return data


@dataclass
class VaultContent:
    """Accounts in manual order, deletion tombstones, vault settings, and bookkeeping:

    ``generation`` counts saves (a file whose generation went down is an older copy put
    back); ``retired_keys`` are master keys used before a password change, so copies
    written with them (a sync tool's conflict copy) can still be merged; ``invalid`` keeps
    account entries this version refuses (e.g. a counter beyond 2^64) unchanged.
    """

    accounts: list[Account] = field(default_factory=list)
    tombstones: dict[str, Tombstone] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    generation: int = 0
    retired_keys: tuple[bytes, ...] = ()
    invalid: list[dict[str, Any]] = field(default_factory=list)


def encode(content: VaultContent, saved_at: float) -> bytes:
    import json

    data = {
        "content_version": CONTENT_VERSION,
        "saved_at": saved_at,
        "generation": content.generation,
        "accounts": [account.to_storage_json() for account in content.accounts]
        + content.invalid,
        "tombstones": [tomb.to_json(account_id)
                       for account_id, tomb in sorted(content.tombstones.items())],
        "settings": content.settings,
    }
    if content.retired_keys:
        data["retired_keys"] = [base64.b64encode(k).decode("ascii")
                                for k in content.retired_keys]
    try:
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False,
                          allow_nan=False).encode("utf-8")
    except (TypeError, ValueError):
        raise VaultError("the vault settings contain a value that cannot be saved") from None


def _float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise NotAVaultError(_MALFORMED)
    return float(value)


def decode(plaintext: bytes) -> VaultContent:
    """Parse (and migrate) decrypted content; raises NotAVaultError/UnsupportedVersionError."""
    import json

    try:
        data = json.loads(plaintext.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise NotAVaultError(_MALFORMED) from None
    if not isinstance(data, dict):
        raise NotAVaultError(_MALFORMED)
    version = data.get("content_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise NotAVaultError(_MALFORMED)
    if version > CONTENT_VERSION:
        raise UnsupportedVersionError(
            f"the vault content was saved by a newer version of Authenticator (content "
            f"version {version}); update the app to open it", kind="content", version=version)
    while version < CONTENT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    raw_accounts = data.get("accounts", [])
    raw_tombstones = data.get("tombstones", [])
    settings = data.get("settings", {})
    if not (isinstance(raw_accounts, list) and isinstance(raw_tombstones, list)
            and isinstance(settings, dict)):
        raise NotAVaultError(_MALFORMED)
    accounts: list[Account] = []
    invalid: list[dict[str, Any]] = []
    seen: set[str] = set()
    for item in raw_accounts:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise NotAVaultError(_MALFORMED)
        if item["id"] in seen:
            raise NotAVaultError(f"{_MALFORMED}: two accounts share one id")
        seen.add(item["id"])
        try:
            accounts.append(Account.from_storage_json(item))
        except AccountError:
            invalid.append(item)  # kept as it is, never dropped: see Vault.invalid_entries
    tombstones: dict[str, Tombstone] = {}
    for item in raw_tombstones:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise NotAVaultError(_MALFORMED)
        revision = item.get("revision")
        if revision is not None and (isinstance(revision, bool) or not isinstance(revision, int)
                                     or revision < 0):
            raise NotAVaultError(_MALFORMED)
        tombstones[item["id"]] = Tombstone(_float(item.get("deleted")), revision)
    return VaultContent(accounts, tombstones, settings, _generation(data.get("generation")),
                        _keys(data.get("retired_keys")), invalid)


def _generation(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise NotAVaultError(_MALFORMED)
    return value


def _keys(value: Any) -> tuple[bytes, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
        raise NotAVaultError(_MALFORMED)
    try:
        keys = tuple(base64.b64decode(k.encode("ascii"), validate=True) for k in value)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise NotAVaultError(_MALFORMED) from None
    if any(len(k) != 32 for k in keys):
        raise NotAVaultError(_MALFORMED)
    return keys
