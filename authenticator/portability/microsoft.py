"""Microsoft Authenticator's internal database (``databases/PhoneFactor``).

Table ``accounts``: ``account_type``, ``oath_secret_key``, ``name`` (the issuer), ``username``
(the name). Type 0 is a standard TOTP account (base32 key, spaces and dashes occur,
6 digits); type 1 is a Microsoft personal account (base64 key, 8 digits); a public extractor
reports the 8-digit accounts as type 2, so 2 is read the same way. The key's encoding is
decided per row by its content (base32 first for type 0, base64 first for 1/2). Rows of
other types (push-only work or school accounts) and rows without a key have no code
secret: they are listed as skipped. SHA1 and 30 s always.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from authenticator.core.account import Account, decode_base32
from authenticator.core.errors import AuthenticatorError
from authenticator.portability import _sqlite
from authenticator.portability._encodings import from_b64
from authenticator.portability._json import get_int, get_str
from authenticator.portability.base import BadEntry, EntryCollector, ImportResult

TABLE = "accounts"
MICROSOFT_DIGITS = 8


class MicrosoftAuthenticatorImporter:
    name = "microsoft-authenticator"
    label = "Microsoft Authenticator database"
    uses_siblings = True

    def detect(self, data: bytes) -> bool:
        tables = _sqlite.schema(data) if _sqlite.is_sqlite(data) else None
        return (tables is not None and TABLE in tables
                and {"account_type", "oath_secret_key"} <= tables[TABLE])

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def load(self, data: bytes, password: str | None, *,
             siblings: Mapping[str, bytes] | None = None) -> ImportResult:
        collector = EntryCollector(self.name)
        rows = _sqlite.read_table(data, siblings, TABLE, self.label)
        for index, row in enumerate(rows, start=1):
            collector.add(f"row {index}", row.get("name"), _account, row)
        return collector.result


def _decode(text: str, base64_first: bool) -> bytes:
    decoders = [lambda t: from_b64(t), decode_base32]
    if not base64_first:
        decoders.reverse()
    for decode in decoders:
        try:
            return decode(text)
        except (AuthenticatorError, BadEntry):
            continue
    raise BadEntry("the key is neither base32 nor base64")


def _account(row: dict[str, Any]) -> Account:
    account_type = get_int(row, "account_type", 0)
    if account_type not in (0, 1, 2):
        raise BadEntry(f"skipped: account type {account_type} has no code key "
                       "(push-only account)")
    secret_text = get_str(row, "oath_secret_key")
    if not secret_text.strip():
        if get_str(row, "encrypted_oath_secret_key").strip():
            raise BadEntry("the key is encrypted by Microsoft Authenticator on the phone and "
                           "cannot be read here")
        raise BadEntry("skipped: this account has no code key (push-only account)")
    microsoft = account_type != 0
    return Account(secret=_decode(secret_text, base64_first=microsoft),
                   issuer=get_str(row, "name"), name=get_str(row, "username"),
                   digits=MICROSOFT_DIGITS if microsoft else 6)
