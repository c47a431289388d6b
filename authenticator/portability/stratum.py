"""Stratum (formerly Authenticator Pro): backups and the app's internal database.

- Plain backup: JSON ``{"Authenticators": [...], "Categories": [...],
  "AuthenticatorCategories": [...], ...}`` with capitalised keys. ``Type`` 1 HOTP, 2 TOTP,
  4 Steam (3 mOTP and 5 Yandex need a PIN and are listed as unsupported). ``Algorithm``
  0 SHA1, 1 SHA256, 2 SHA512. ``Username`` may be null. Category membership is keyed by the
  entry's *secret* (``AuthenticatorCategories[].AuthenticatorSecret``); categories become tags.
- Encrypted, current: ASCII ``AUTHENTICATORPRO``, 16-byte salt, 12-byte nonce, AES-256-GCM
  ciphertext+tag; key = Argon2id(t=3, m=64 MiB, p=4). Case matters: it selects the scheme.
- Encrypted, legacy: ASCII ``AuthenticatorPro``, 20-byte salt, 16-byte IV, AES-256-CBC
  (PKCS#7); key = PBKDF2-HMAC-SHA1 64,000 iterations. Only the padding checks the password.
- Internal database ``authenticator.db3`` (older: ``proauth.db3``): table ``authenticator``,
  same fields in lower case. With an app password it is SQLCipher-encrypted (see
  :mod:`_sqlcipher`; import it with ``--format stratum`` and that password).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cryptography.hazmat.primitives import hashes

from authenticator.core.account import Account, Algorithm, OtpKind, decode_base32
from authenticator.portability import _crypto, _sqlcipher, _sqlite
from authenticator.portability._encodings import cbc_open
from authenticator.portability._json import get_int, get_list, get_str, load_json_object, try_json
from authenticator.portability.base import (
    BadEntry,
    EntryCollector,
    ImportFailed,
    ImportResult,
    require_password,
)

CURRENT_MAGIC = b"AUTHENTICATORPRO"
LEGACY_MAGIC = b"AuthenticatorPro"
CURRENT_SALT, CURRENT_NONCE = 16, 12
LEGACY_SALT, LEGACY_IV = 20, 16
LEGACY_ITERATIONS = 64_000
ARGON2 = {"iterations": 3, "memory_kib": 64 * 1024, "lanes": 4}
TABLE = "authenticator"
_KINDS = {1: OtpKind.HOTP, 2: OtpKind.TOTP, 4: OtpKind.STEAM}
_UNSUPPORTED = {3: "mOTP", 5: "Yandex"}
_ALGORITHMS = (Algorithm.SHA1, Algorithm.SHA256, Algorithm.SHA512)


def _is_db(data: bytes) -> bool:
    tables = _sqlite.schema(data)
    return tables is not None and TABLE in tables and "secret" in {
        c.lower() for c in tables[TABLE]}


class StratumImporter:
    name = "stratum"
    label = "Stratum / Authenticator Pro"
    uses_siblings = True

    def detect(self, data: bytes) -> bool:
        if data.startswith((CURRENT_MAGIC, LEGACY_MAGIC)):
            return True
        if _sqlite.is_sqlite(data):
            return _is_db(data)
        doc = try_json(data)
        return isinstance(doc, dict) and isinstance(doc.get("Authenticators"), list)

    def is_encrypted(self, data: bytes) -> bool:
        return data.startswith((CURRENT_MAGIC, LEGACY_MAGIC)) or _sqlcipher.looks_encrypted_db(
            data)

    def load(self, data: bytes, password: str | None, *,
             siblings: Mapping[str, bytes] | None = None) -> ImportResult:
        if data.startswith(CURRENT_MAGIC):
            data = self._decrypt_current(data, require_password(password, self.label))
        elif data.startswith(LEGACY_MAGIC):
            data = self._decrypt_legacy(data, require_password(password, self.label))
        elif _sqlite.is_sqlite(data):
            rows = _sqlite.read_table(data, siblings, TABLE, self.label)
            return load_rows(rows, self.name)
        elif _sqlcipher.looks_encrypted_db(data):
            tables = _sqlcipher.read_tables(data, require_password(password, self.label),
                                            self.label, (TABLE,))
            if TABLE not in tables:
                raise ImportFailed("this encrypted database is not Stratum's "
                                   "(it has no authenticator table)")
            return load_rows(tables[TABLE], self.name)
        doc = load_json_object(data, self.label)
        if not isinstance(doc.get("Authenticators"), list):
            raise ImportFailed("this Stratum file is damaged: its Authenticators are missing")
        return _load_backup(doc, self.name, self.label)

    def _decrypt_current(self, data: bytes, password: str) -> bytes:
        start = len(CURRENT_MAGIC)
        salt = data[start : start + CURRENT_SALT]
        nonce = data[start + CURRENT_SALT : start + CURRENT_SALT + CURRENT_NONCE]
        body = data[start + CURRENT_SALT + CURRENT_NONCE :]
        if len(body) < 16:
            raise ImportFailed("this Stratum file is damaged or incomplete (too short)")
        key = _crypto.argon2id(password, salt, **ARGON2)
        try:
            return _crypto.gcm_open(key, nonce, body)
        except _crypto.WrongKey:
            raise _crypto.wrong_password(self.label) from None

    def _decrypt_legacy(self, data: bytes, password: str) -> bytes:
        start = len(LEGACY_MAGIC)
        salt = data[start : start + LEGACY_SALT]
        iv = data[start + LEGACY_SALT : start + LEGACY_SALT + LEGACY_IV]
        key = _crypto.pbkdf2(password, salt, LEGACY_ITERATIONS, hashes.SHA1(),  # noqa: S303
                             self.label)
        plain = cbc_open(key, iv, data[start + LEGACY_SALT + LEGACY_IV :])
        if plain is None or try_json(plain) is None:
            raise _crypto.wrong_password(self.label)
        return plain


def _load_backup(doc: dict[str, Any], format_name: str, label: str) -> ImportResult:
    categories = {c["Id"]: c["Name"] for c in get_list(doc, "Categories", label)
                  if isinstance(c, dict) and isinstance(c.get("Id"), str)
                  and isinstance(c.get("Name"), str)}
    tags: dict[str, list[str]] = {}
    for link in get_list(doc, "AuthenticatorCategories", label):
        if isinstance(link, dict) and link.get("CategoryId") in categories and isinstance(
                link.get("AuthenticatorSecret"), str):
            tags.setdefault(link["AuthenticatorSecret"], []).append(
                categories[link["CategoryId"]])
    collector = EntryCollector(format_name)
    for index, entry in enumerate(get_list(doc, "Authenticators", label), start=1):
        title = entry.get("Issuer") if isinstance(entry, dict) else None
        collector.add(f"entry {index}", title, _account, entry, "", tags)
    return collector.result


def load_rows(rows: list[dict[str, Any]], format_name: str) -> ImportResult:
    """Accounts from the rows of the database table (columns named in lower case)."""
    collector = EntryCollector(format_name)
    for index, row in enumerate(rows, start=1):
        lowered = {str(k).lower(): v for k, v in row.items()}
        collector.add(f"row {index}", lowered.get("issuer"), _account, lowered, "lower", {})
    return collector.result


def _account(entry: object, case: str, tags: dict[str, list[str]]) -> Account:
    if not isinstance(entry, dict):
        raise BadEntry("the entry is not an object")

    def key(name: str) -> str:
        return name.lower() if case == "lower" else name

    type_id = get_int(entry, key("Type"), 2)
    if type_id in _UNSUPPORTED:
        raise BadEntry(f"{_UNSUPPORTED[type_id]} codes are not supported")
    kind = _KINDS.get(type_id)
    if kind is None:
        raise BadEntry(f"the type {type_id} is not supported")
    algorithm_id = get_int(entry, key("Algorithm"), 0)
    if not 0 <= algorithm_id < len(_ALGORITHMS):
        raise BadEntry(f"the algorithm {algorithm_id} is not supported")
    secret_text = get_str(entry, key("Secret"))
    return Account(
        secret=decode_base32(secret_text),
        issuer=get_str(entry, key("Issuer")),
        name=get_str(entry, key("Username")),
        kind=kind,
        algorithm=_ALGORITHMS[algorithm_id],
        digits=get_int(entry, key("Digits"), 6),
        period=get_int(entry, key("Period"), 30) if kind is not OtpKind.HOTP else 30,
        counter=get_int(entry, key("Counter"), 0) if kind is OtpKind.HOTP else 0,
        tags=tuple(tags.get(secret_text, ())),
    )
