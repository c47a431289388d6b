"""Proton Authenticator exports, plain or password-protected.

- Plain: ``{"version": 1, "entries": [{"id", "content": {"uri", "entry_type", "name"},
  "note"}]}``. ``uri`` is an otpauth link, or ``steam://<BASE32>`` for Steam entries
  (``entry_type`` "Steam": Steam codes, issuer "Steam"). The issuer comes from the link;
  ``content.name`` (the name shown in the app) is the name, JSON null meaning "none" (then
  the link's own name is kept). ``note`` is kept. ``version`` is not checked (nor does Aegis).
- Encrypted: ``{"version": 1, "salt": b64(16 bytes), "content": b64(nonce 12 ‖ AES-256-GCM
  ciphertext ‖ tag)}``, key = Argon2id v1.3 (m = 19 MiB, t = 2, p = 1) of the password, AAD =
  ASCII ``proton.authenticator.export.v1``; the plaintext is the plain export. A file with
  both ``entries`` and ``content`` is refused, as Proton does.
"""

from __future__ import annotations

from typing import Any

from authenticator.core.account import Account, OtpKind, decode_base32
from authenticator.core.uri import parse_uri
from authenticator.portability import _crypto
from authenticator.portability._json import (
    get_dict,
    get_list,
    get_str,
    load_json_object,
    try_json,
)
from authenticator.portability.base import (
    BadEntry,
    EntryCollector,
    ImportFailed,
    ImportResult,
    require_password,
)

AAD = b"proton.authenticator.export.v1"
ARGON2 = {"iterations": 2, "memory_kib": 19 * 1024, "lanes": 1}
NONCE_BYTES = 12
SUPPORTED_VERSION = 1
STEAM_SCHEME = "steam://"
LABEL = "Proton Authenticator"


def _kind_of(doc: object) -> str | None:
    if not isinstance(doc, dict) or "version" not in doc:
        return None
    has_entries = isinstance(doc.get("entries"), list)
    has_content = isinstance(doc.get("salt"), str) and isinstance(doc.get("content"), str)
    if has_entries and not has_content and all(
            isinstance(e, dict) and isinstance(e.get("content"), dict) for e in doc["entries"]):
        return "plain"
    if has_content and "entries" not in doc:
        return "encrypted"
    return None


class ProtonImporter:
    name = "proton"
    label = LABEL

    def detect(self, data: bytes) -> bool:
        return _kind_of(try_json(data)) is not None

    def is_encrypted(self, data: bytes) -> bool:
        return _kind_of(try_json(data)) == "encrypted"

    def load(self, data: bytes, password: str | None) -> ImportResult:
        doc = load_json_object(data, LABEL)
        kind = _kind_of(doc)
        if kind is None:
            raise ImportFailed("this Proton Authenticator file is damaged: unexpected content")
        if kind == "encrypted":
            if doc.get("version") != SUPPORTED_VERSION:  # the encryption scheme is version 1's
                raise ImportFailed(f"this Proton Authenticator file uses version "
                                   f"{str(doc.get('version'))[:10]}, which this app cannot "
                                   "decrypt")
            doc = self._decrypt(doc, require_password(password, LABEL))
        collector = EntryCollector(self.name)
        for index, entry in enumerate(get_list(doc, "entries", LABEL), start=1):
            title = None
            if isinstance(entry, dict) and isinstance(entry.get("content"), dict):
                title = entry["content"].get("name")
            collector.add(f"entry {index}", title, _account, entry)
        return collector.result

    def _decrypt(self, doc: dict[str, Any], password: str) -> dict[str, Any]:
        salt = _crypto.b64(doc.get("salt"), LABEL)
        content = _crypto.b64(doc.get("content"), LABEL)
        if len(content) < NONCE_BYTES + 16:
            raise ImportFailed("this Proton Authenticator file is damaged (too short)")
        key = _crypto.argon2id(password, salt, **ARGON2)
        try:
            plain = _crypto.gcm_open(key, content[:NONCE_BYTES], content[NONCE_BYTES:], AAD)
        except _crypto.WrongKey:
            raise _crypto.wrong_password(LABEL) from None
        inner = load_json_object(plain, LABEL)
        if _kind_of(inner) != "plain":
            raise ImportFailed("this Proton Authenticator file is damaged: unexpected content")
        return inner


def _account(entry: object) -> Account:
    if not isinstance(entry, dict):
        raise BadEntry("the entry is not an object")
    content = get_dict(entry, "content")
    uri = get_str(content, "uri").strip()
    shown = get_str(content, "name")
    note = get_str(entry, "note")
    if uri[: len(STEAM_SCHEME)].lower() == STEAM_SCHEME:
        return Account(secret=decode_base32(uri[len(STEAM_SCHEME) :]), issuer="Steam",
                       name=shown, kind=OtpKind.STEAM, note=note)
    account = parse_uri(uri)
    if get_str(content, "entry_type") == "Steam":
        account = account.evolve(kind=OtpKind.STEAM)
    return account.evolve(name=shown or account.name, note=note)
