"""The decrypted vault content (JSON), its schema version and migrations."""

from __future__ import annotations

import json
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


@dataclass
class VaultContent:
    """Accounts in manual order, deletion tombstones (id -> unix time) and vault settings."""

    accounts: list[Account] = field(default_factory=list)
    tombstones: dict[str, float] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)


def encode(content: VaultContent, saved_at: float) -> bytes:
    data = {
        "content_version": CONTENT_VERSION,
        "saved_at": saved_at,
        "accounts": [account.to_storage_json() for account in content.accounts],
        "tombstones": [{"id": account_id, "deleted": when}
                       for account_id, when in sorted(content.tombstones.items())],
        "settings": content.settings,
    }
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
            f"version {version}); update the app to open it")
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
    seen: set[str] = set()
    for item in raw_accounts:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise NotAVaultError(_MALFORMED)
        try:
            account = Account.from_storage_json(item)
        except AccountError:
            raise NotAVaultError(f"{_MALFORMED}: an account entry is invalid") from None
        if account.id in seen:
            raise NotAVaultError(f"{_MALFORMED}: two accounts share one id")
        seen.add(account.id)
        accounts.append(account)
    tombstones: dict[str, float] = {}
    for item in raw_tombstones:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise NotAVaultError(_MALFORMED)
        tombstones[item["id"]] = _float(item.get("deleted"))
    return VaultContent(accounts, tombstones, settings)
