"""Aegis Authenticator JSON export, plain or encrypted (Aegis ``docs/vault.md``).

Encrypted files keep the entries in ``db`` as base64 AES-256-GCM ciphertext under a random
master key; each password slot wraps that master key with scrypt + AES-GCM.
"""

from __future__ import annotations

from typing import Any

from authenticator.core.account import Account, Algorithm, OtpKind, decode_base32
from authenticator.portability import _crypto
from authenticator.portability._json import (
    get_dict,
    get_int,
    get_list,
    get_str,
    load_json,
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

SUPPORTED_FILE_VERSION = 1
SUPPORTED_DB_VERSIONS = range(1, 4)
PASSWORD_SLOT = 1
_KINDS = {"totp": OtpKind.TOTP, "hotp": OtpKind.HOTP, "steam": OtpKind.STEAM}


class AegisImporter:
    name = "aegis"
    label = "Aegis"

    def detect(self, data: bytes) -> bool:
        doc = try_json(data)
        return (isinstance(doc, dict) and "db" in doc and isinstance(doc.get("header"), dict)
                and "slots" in doc["header"])

    def is_encrypted(self, data: bytes) -> bool:
        doc = try_json(data)
        return isinstance(doc, dict) and isinstance(doc.get("db"), str)

    def load(self, data: bytes, password: str | None) -> ImportResult:
        doc = load_json_object(data, self.label)
        version = doc.get("version")
        if version != SUPPORTED_FILE_VERSION:
            raise ImportFailed(f"this Aegis file uses format version {str(version)[:10]}, "
                               "which this app cannot read")
        db = doc.get("db")
        if isinstance(db, str):
            db = self._decrypt(doc, db, require_password(password, self.label))
        if not isinstance(db, dict):
            raise ImportFailed("this Aegis file is damaged: its entries are missing")
        db_version = db.get("version")
        if not isinstance(db_version, int) or db_version not in SUPPORTED_DB_VERSIONS:
            raise ImportFailed(f"this Aegis file uses database version {str(db_version)[:10]}, "
                               "which this app cannot read")
        groups = {
            g["uuid"]: g["name"] for g in get_list(db, "groups", self.label)
            if isinstance(g, dict) and isinstance(g.get("uuid"), str)
            and isinstance(g.get("name"), str)
        }
        collector = EntryCollector(self.name)
        for index, entry in enumerate(get_list(db, "entries", self.label), start=1):
            title = entry.get("issuer") or entry.get("name") if isinstance(entry, dict) else None
            collector.add(f"entry {index}", title, _account, entry, groups)
        return collector.result

    def _decrypt(self, doc: dict[str, Any], db: str, password: str) -> Any:
        label = self.label
        header = doc.get("header")
        if not isinstance(header, dict) or not isinstance(header.get("params"), dict):
            raise ImportFailed("this Aegis file is damaged: its encryption header is missing")
        slots = header.get("slots")
        if not isinstance(slots, list):
            raise ImportFailed("this Aegis file is damaged: its key slots are missing")
        password_slots = [s for s in slots
                          if isinstance(s, dict) and s.get("type") == PASSWORD_SLOT]
        if not password_slots:
            raise ImportFailed("this Aegis file can only be unlocked with biometrics "
                               "or a key file, not a password")
        costs: list[tuple[int, int, int]] = []
        for slot in password_slots:
            n, r, p = (slot.get(k) for k in ("n", "r", "p"))
            if not all(isinstance(v, int) and not isinstance(v, bool) for v in (n, r, p)):
                raise ImportFailed("this Aegis file is damaged: a key slot is incomplete")
            assert isinstance(n, int) and isinstance(r, int) and isinstance(p, int)
            costs.append((n, r, p))
        _crypto.check_scrypt(costs, label)  # the whole budget, before deriving anything
        master_key = None
        for slot, (n, r, p) in zip(password_slots, costs, strict=True):
            params = slot.get("key_params")
            if not isinstance(params, dict):
                raise ImportFailed("this Aegis file is damaged: a key slot is incomplete")
            derived = _crypto.scrypt(password, _crypto.hex_bytes(slot.get("salt"), label),
                                     n, r, p, label)
            wrapped = (_crypto.hex_bytes(slot.get("key"), label)
                       + _crypto.hex_bytes(params.get("tag"), label))
            try:
                master_key = _crypto.gcm_open(
                    derived, _crypto.hex_bytes(params.get("nonce"), label), wrapped)
                break
            except _crypto.WrongKey:
                continue
        if master_key is None:
            raise _crypto.wrong_password(label)
        params = header["params"]
        ciphertext = _crypto.b64(db, label) + _crypto.hex_bytes(params.get("tag"), label)
        try:
            plain = _crypto.gcm_open(master_key, _crypto.hex_bytes(params.get("nonce"), label),
                                     ciphertext)
        except _crypto.WrongKey:
            raise ImportFailed("this Aegis file is damaged: its entries do not decrypt") from None
        return load_json(plain, label)


def _account(entry: object, groups: dict[str, str]) -> Account:
    if not isinstance(entry, dict):
        raise BadEntry("the entry is not an object")
    type_name = get_str(entry, "type", "totp").lower()
    kind = _KINDS.get(type_name)
    if kind is None:
        raise BadEntry(f"the type {type_name[:20]} is not supported")
    info = get_dict(entry, "info")
    secret = decode_base32(get_str(info, "secret"))
    group_ids = entry.get("groups")
    tags: list[str] = []
    if isinstance(group_ids, list):
        tags = [groups[g] for g in group_ids if isinstance(g, str) and g in groups]
    legacy_group = entry.get("group")
    if isinstance(legacy_group, str) and legacy_group:
        tags.append(legacy_group)
    return Account(
        secret=secret,
        issuer=get_str(entry, "issuer"),
        name=get_str(entry, "name"),
        kind=kind,
        algorithm=Algorithm.parse(get_str(info, "algo", "SHA1")),
        digits=get_int(info, "digits", 6),
        period=get_int(info, "period", 30) if kind is not OtpKind.HOTP else 30,
        counter=get_int(info, "counter", 0) if kind is OtpKind.HOTP else 0,
        note=get_str(entry, "note"),
        favorite=entry.get("favorite") is True,
        tags=tuple(tags),
    )
