"""2FAS Authenticator ``.2fas`` backups (schema versions 1-4), plain or encrypted.

Encrypted files carry ``servicesEncrypted`` = ``b64(ciphertext+tag):b64(salt):b64(iv)``
(PBKDF2-HMAC-SHA256, 10,000 iterations, AES-256-GCM) and a ``reference`` encrypted the
same way, which tells a wrong password apart from damaged services.
"""

from __future__ import annotations

from typing import Any

from cryptography.hazmat.primitives import hashes

from authenticator.core.account import Account, Algorithm, OtpKind, decode_base32
from authenticator.portability import _crypto
from authenticator.portability._json import (
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

KDF_ITERATIONS = 10_000
MAX_SCHEMA_VERSION = 4
_KINDS = {"TOTP": OtpKind.TOTP, "HOTP": OtpKind.HOTP, "STEAM": OtpKind.STEAM}


class TwoFasImporter:
    name = "2fas"
    label = "2FAS"

    def detect(self, data: bytes) -> bool:
        doc = try_json(data)
        return isinstance(doc, dict) and "schemaVersion" in doc and (
            "services" in doc or "servicesEncrypted" in doc)

    def is_encrypted(self, data: bytes) -> bool:
        doc = try_json(data)
        return isinstance(doc, dict) and bool(doc.get("servicesEncrypted"))

    def load(self, data: bytes, password: str | None) -> ImportResult:
        doc = load_json_object(data, self.label)
        version = doc.get("schemaVersion")
        if (not isinstance(version, int) or isinstance(version, bool)
                or not 1 <= version <= MAX_SCHEMA_VERSION):
            raise ImportFailed(f"this 2FAS file uses schema version {str(version)[:10]}, "
                               "which this app cannot read")
        if doc.get("servicesEncrypted"):
            services = self._decrypt(doc, require_password(password, self.label))
        else:
            services = get_list(doc, "services", self.label)
        groups = {
            g["id"]: g["name"] for g in get_list(doc, "groups", self.label)
            if isinstance(g, dict) and isinstance(g.get("id"), str)
            and isinstance(g.get("name"), str)
        }
        collector = EntryCollector(self.name)
        for index, service in enumerate(services, start=1):
            title = service.get("name") if isinstance(service, dict) else None
            collector.add(f"service {index}", title, _account, service, groups)
        return collector.result

    def _decrypt(self, doc: dict[str, Any], password: str) -> list[Any]:
        keys: dict[bytes, bytes] = {}

        def open_field(value: object) -> bytes:
            if not isinstance(value, str) or value.count(":") != 2:
                raise ImportFailed("this 2FAS file is damaged: its encrypted part is malformed")
            ciphertext, salt, iv = (_crypto.b64(part, self.label) for part in value.split(":"))
            if salt not in keys:
                keys[salt] = _crypto.pbkdf2(password, salt, KDF_ITERATIONS, hashes.SHA256(),
                                            self.label)
            return _crypto.gcm_open(keys[salt], iv, ciphertext)

        reference = doc.get("reference")
        if reference:
            try:
                open_field(reference)
            except _crypto.WrongKey:
                raise _crypto.wrong_password(self.label) from None
        try:
            plain = open_field(doc["servicesEncrypted"])
        except _crypto.WrongKey:
            if reference:
                raise ImportFailed("this 2FAS file is damaged: its services do not "
                                   "decrypt") from None
            raise _crypto.wrong_password(self.label) from None
        services = load_json(plain, self.label)
        if not isinstance(services, list):
            raise ImportFailed("this 2FAS file is damaged: unexpected encrypted content")
        return services


def _account(service: object, groups: dict[str, str]) -> Account:
    if not isinstance(service, dict):
        raise BadEntry("the service is not an object")
    otp = service.get("otp")
    if not isinstance(otp, dict):
        otp = {}
    type_name = get_str(otp, "tokenType", "TOTP").upper()
    kind = _KINDS.get(type_name)
    if kind is None:
        raise BadEntry(f"the type {type_name[:20]} is not supported")
    group = groups.get(service.get("groupId") or "")
    return Account(
        secret=decode_base32(get_str(service, "secret")),
        issuer=get_str(otp, "issuer") or get_str(service, "name"),
        name=get_str(otp, "account") or get_str(otp, "label"),
        kind=kind,
        algorithm=Algorithm.parse(get_str(otp, "algorithm", "SHA1")),
        digits=get_int(otp, "digits", 6),
        period=get_int(otp, "period", 30) if kind is not OtpKind.HOTP else 30,
        counter=get_int(otp, "counter", 0) if kind is OtpKind.HOTP else 0,
        tags=(group,) if group else (),
    )
