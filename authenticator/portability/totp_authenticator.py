"""TOTP Authenticator (BinaryBoot, ``com.authenticator.authservice2``).

- ``.bin`` backup: the whole file is base64 text (whitespace dropped) of AES-256-CBC
  ciphertext, IV of 16 zero bytes, PKCS#7; key = SHA-256(UTF-8 password). Without a
  backup password the app uses the fixed password ``TotpAuthenticator``, which is tried
  first (so such files need no password). The plaintext is an odd JSON object: the *name*
  of its first member is the JSON text of the entry array (the value is ignored).
- Internal ``shared_prefs/TOTP_Authenticator_Preferences.xml``: ``STATIC_TOTP_CODES_LIST``
  holds the entry array itself, unencrypted.
- The array's elements are strings, each the JSON text of one entry (objects accepted too).
- Entry: ``key`` in the encoding ``base`` (16 hex, 32 base32, 64 base64), ``name``,
  ``issuer`` (the literal "Unknown" means none: the name then becomes the issuer),
  ``digits`` and ``period`` as *strings* ("" means 6 and 30). Unlike Aegis, non-empty
  digits/period are honoured (the app itself does).
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from authenticator.core.account import Account, decode_base32
from authenticator.portability._encodings import cbc_open, from_b64, from_hex, sha256_key
from authenticator.portability._json import get_int, get_str, try_json
from authenticator.portability._prefs import prefs_strings
from authenticator.portability.base import BadEntry, EntryCollector, ImportFailed, ImportResult

DEFAULT_PASSWORD = "TotpAuthenticator"  # noqa: S105 - the app's documented default
PREFS_KEY = "STATIC_TOTP_CODES_LIST"
_BASE64_CHARS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
_NO_ISSUER = "Unknown"


def _ciphertext(data: bytes) -> bytes | None:
    compact = b"".join(data.split())
    if len(compact) < 24 or not set(compact) <= _BASE64_CHARS:
        return None
    try:
        raw = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if raw and len(raw) % 16 == 0 else None


def _entries_of(plain: bytes) -> list[Any] | None:
    doc = try_json(plain)
    if isinstance(doc, dict) and doc:
        first = next(iter(doc))
        try:
            entries = json.loads(first)
        except (ValueError, RecursionError):
            return None
        return entries if isinstance(entries, list) else None
    return doc if isinstance(doc, list) else None


def _decrypt(ciphertext: bytes, password: str) -> list[Any] | None:
    plain = cbc_open(sha256_key(password), bytes(16), ciphertext)
    return None if plain is None else _entries_of(plain)


def _prefs_entries(data: bytes) -> list[Any] | None:
    strings = prefs_strings(data)
    if strings is None or PREFS_KEY not in strings:
        return None
    try:
        entries = json.loads(strings[PREFS_KEY] or "[]")
    except (ValueError, RecursionError):
        raise ImportFailed("this TOTP Authenticator file is damaged: its code list is "
                           "not JSON") from None
    if not isinstance(entries, list):
        raise ImportFailed("this TOTP Authenticator file is damaged: unexpected content")
    return entries


class TotpAuthenticatorImporter:
    name = "totp-authenticator"
    label = "TOTP Authenticator"

    def detect(self, data: bytes) -> bool:
        strings = prefs_strings(data)
        if strings is not None:
            return PREFS_KEY in strings
        return _ciphertext(data) is not None

    def is_encrypted(self, data: bytes) -> bool:
        ciphertext = _ciphertext(data)
        return (prefs_strings(data) is None and ciphertext is not None
                and _decrypt(ciphertext, DEFAULT_PASSWORD) is None)

    def load(self, data: bytes, password: str | None) -> ImportResult:
        entries = _prefs_entries(data)
        if entries is None:
            ciphertext = _ciphertext(data)
            if ciphertext is None:
                raise ImportFailed("this is not a TOTP Authenticator backup (base64 text) or "
                                   "preferences file")
            candidates = [p for p in (password, DEFAULT_PASSWORD) if p is not None]
            entries = next((e for p in candidates if (e := _decrypt(ciphertext, p)) is not None),
                           None)
            if entries is None:
                raise ImportFailed("wrong password for this TOTP Authenticator file "
                                   "(or the file is damaged)")
        collector = EntryCollector(self.name)
        for index, item in enumerate(entries, start=1):
            entry = _entry(item)
            title = entry.get("issuer") or entry.get("name") if isinstance(entry, dict) else None
            collector.add(f"entry {index}", title, _account, entry)
        return collector.result


def _entry(item: object) -> object:
    """An array element: the app stores each entry as a *string* of JSON (objects too are
    accepted)."""
    if isinstance(item, str):
        try:
            return json.loads(item)
        except (ValueError, RecursionError):
            return None
    return item


def _secret(entry: dict[str, Any]) -> bytes:
    base = get_int(entry, "base", 16)
    text = get_str(entry, "key")
    if base == 16:
        return from_hex(text)
    if base == 32:
        return decode_base32(text)
    if base == 64:
        return from_b64(text)
    raise BadEntry(f"the key encoding (base {base}) is not supported")


def _account(entry: object) -> Account:
    if not isinstance(entry, dict):
        raise BadEntry("the entry is not an object")
    issuer, name = get_str(entry, "issuer"), get_str(entry, "name")
    if issuer == _NO_ISSUER:
        issuer, name = name, ""
    return Account(secret=_secret(entry), issuer=issuer, name=name,
                   digits=get_int(entry, "digits", 6) if get_str_or_int(entry, "digits") else 6,
                   period=get_int(entry, "period", 30) if get_str_or_int(entry, "period") else 30)


def get_str_or_int(entry: dict[str, Any], key: str) -> bool:
    """True when ``key`` holds a value (the app writes ``""`` for "use the default")."""
    value = entry.get(key)
    return value is not None and (not isinstance(value, str) or bool(value.strip()))
