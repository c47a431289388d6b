"""Authy: the Android app's ``shared_prefs`` token files.

``com.authy.storage.tokens.authenticator.xml`` (third-party tokens) and
``com.authy.storage.tokens.authy.xml`` (Authy's own tokens) each hold one ``<string>`` whose
value is a JSON array of tokens. Quirks kept as Authy meant them:

- Third-party tokens carry ``decryptedSecret`` (base32) and use TOTP/SHA1/30 s; Authy's
  own tokens carry ``secretSeed`` (hex) and use a **10 s** period; digits come from the
  token (Authy tokens are usually 7).
- Encrypted tokens carry ``encryptedSecret``: base64 AES-256-CBC (IV of 16 zero bytes,
  PKCS#7) of the base32 text, key = PBKDF2-HMAC-SHA1(password, ``salt`` used as its UTF-8
  *text*, 1000 iterations). The only password check is the padding and valid base32.
- Authy may keep non-base32 characters in ``decryptedSecret``; they are dropped.
- Issuer/name: ``originalIssuer``; else the part of ``originalName`` before ``:``; else
  the part of ``name`` before ``" - "``; else ``accountType`` capitalised. That prefix
  (with its separator) is then removed from ``name``, then a leading ``": "`` and
  surrounding spaces.
  Both files merge when their strings are combined in one file.
"""

from __future__ import annotations

import json
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from authenticator.core.account import BASE32_ALPHABET, Account, decode_base32
from authenticator.portability._encodings import cbc_open, from_b64, from_hex
from authenticator.portability._json import get_int, get_str
from authenticator.portability._prefs import prefs_strings
from authenticator.portability.base import (
    BadEntry,
    EntryCollector,
    ImportFailed,
    ImportResult,
    require_password,
)

KEYS = ("com.authy.storage.tokens.authenticator.key", "com.authy.storage.tokens.authy.key")
_TOKEN_FIELDS = ("decryptedSecret", "encryptedSecret", "secretSeed")
KDF_ITERATIONS = 1000
AUTHY_PERIOD = 10
AUTHY_DIGITS = 7  # only when an Authy token does not say
#: Each encrypted token costs one PBKDF2 (1000 iterations, cached per salt): bounded.
MAX_TOKENS = 2000


def _tokens(data: bytes) -> list[Any] | None:
    strings = prefs_strings(data)
    if strings is None:
        return None
    found: list[Any] | None = None
    for name, value in strings.items():
        known = name.endswith(KEYS)
        if not known and not any(f in value for f in _TOKEN_FIELDS):
            continue
        try:
            tokens = json.loads(value)
        except (ValueError, RecursionError):
            continue
        # Under another key name (Aegis reads whatever string comes first), only an array
        # of Authy-shaped tokens counts.
        if isinstance(tokens, list) and (known or (tokens and all(
                isinstance(t, dict) and any(f in t for f in _TOKEN_FIELDS) for t in tokens))):
            found = (found or []) + tokens
    return found


def _is_encrypted_token(token: object) -> bool:
    return isinstance(token, dict) and not token.get("decryptedSecret") and not token.get(
        "secretSeed")


class AuthyImporter:
    name = "authy"
    label = "Authy"

    def detect(self, data: bytes) -> bool:
        return _tokens(data) is not None

    def is_encrypted(self, data: bytes) -> bool:
        return any(_is_encrypted_token(t) for t in _tokens(data) or [])

    def load(self, data: bytes, password: str | None) -> ImportResult:
        tokens = _tokens(data)
        if tokens is None:
            raise ImportFailed("this is not an Authy token file (shared_prefs "
                               "com.authy.storage.tokens.*.xml)")
        if len(tokens) > MAX_TOKENS:
            raise ImportFailed("this Authy file has too many tokens")
        secrets: dict[int, str | None] = {}
        encrypted = [i for i, t in enumerate(tokens)
                     if _is_encrypted_token(t) and isinstance(t.get("encryptedSecret"), str)]
        if encrypted:
            pw = require_password(password, self.label)
            keys: dict[str, bytes] = {}
            for i in encrypted:
                secrets[i] = _decrypt(tokens[i], pw, keys)
            if all(secrets[i] is None for i in encrypted):
                raise ImportFailed("wrong password for this Authy file (or the file is damaged)")
        collector = EntryCollector(self.name)
        for index, token in enumerate(tokens):
            title = token.get("name") if isinstance(token, dict) else None
            collector.add(f"token {index + 1}", title, _account, token,
                          secrets.get(index, ""), index in secrets)
        return collector.result


def _decrypt(token: dict[str, Any], password: str, keys: dict[str, bytes]) -> str | None:
    salt = token.get("salt")
    if not isinstance(salt, str):
        return None
    try:
        ciphertext = from_b64(token["encryptedSecret"])
    except BadEntry:
        return None
    if salt not in keys:
        keys[salt] = PBKDF2HMAC(algorithm=hashes.SHA1(), length=32,  # noqa: S303
                                salt=salt.encode(), iterations=KDF_ITERATIONS
                                ).derive(password.encode())
    plain = cbc_open(keys[salt], bytes(16), ciphertext)
    if plain is None:
        return None
    try:
        return plain.decode("ascii")
    except UnicodeDecodeError:
        return None


def _base32(text: str) -> bytes:
    return decode_base32("".join(ch for ch in text.upper() if ch in BASE32_ALPHABET))


def _account(token: object, decrypted: str | None, was_encrypted: bool) -> Account:
    if not isinstance(token, dict):
        raise BadEntry("the token is not an object")
    display = get_str(token, "name")
    if token.get("secretSeed"):
        # Authy's own token: the seed is hex, codes change every 10 seconds, usually 7 digits.
        return Account(secret=from_hex(token["secretSeed"]), issuer=display, name="",
                       digits=get_int(token, "digits", AUTHY_DIGITS), period=AUTHY_PERIOD)
    digits = get_int(token, "digits", 6)
    if was_encrypted:
        if decrypted is None:
            raise BadEntry("the key does not decrypt with this password")
        secret = _base32(decrypted)
    else:
        secret = _base32(get_str(token, "decryptedSecret"))
    issuer, name = _issuer_and_name(token, display)
    return Account(secret=secret, issuer=issuer, name=name, digits=digits)


def _issuer_and_name(token: dict[str, Any], display: str) -> tuple[str, str]:
    original_issuer = token.get("originalIssuer")
    original_name = get_str(token, "originalName")
    if isinstance(original_issuer, str):
        issuer, separator = original_issuer, ""
    elif ":" in original_name:
        issuer, separator = original_name.split(":", 1)[0], ":"
    elif " - " in display:
        issuer, separator = display.split(" - ", 1)[0], " - "
    else:
        account_type = get_str(token, "accountType")
        issuer, separator = account_type[:1].upper() + account_type[1:], ""
    name = display.replace(issuer + separator, "") if issuer + separator else display
    # Aegis also strips a leading ": "; the space left after "Issuer:" is dropped too (a
    # name never starts or ends with a meaningful space).
    return issuer, name.removeprefix(": ").strip()
