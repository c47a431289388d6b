"""Fixture writers: build other apps' export files from Account lists, following each
app's documented format (facts in docs/architecture.md). They live in the tests, not the package."""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import uuid
from collections.abc import Sequence
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from authenticator.core.account import Account, Algorithm, OtpKind
from authenticator.core.uri import format_uri

SAMPLE = [
    Account(secret=b"12345678901234567890", issuer="GitHub", name="octo@example.com"),
    Account(secret=bytes(range(32)), issuer="Ünïcode Bank", name="jürgen",
            algorithm=Algorithm.SHA256, digits=8, period=60, note="main account",
            favorite=True, tags=("Work",)),
    Account(secret=b"\xff" * 10, issuer="", name="hotp-only", kind=OtpKind.HOTP,
            algorithm=Algorithm.SHA512, digits=7, counter=42),
    Account(secret=b"steam-secret-bytes!!", issuer="Steam", name="gamer", kind=OtpKind.STEAM),
]


def essence(account: Account) -> tuple[Any, ...]:
    """The fields every format carries: what a round trip must preserve."""
    return (account.secret, account.issuer, account.name, account.kind, account.algorithm,
            account.digits, account.period if account.is_time_based else None,
            account.counter if account.kind is OtpKind.HOTP else None)


def essences(accounts: Sequence[Account]) -> list[tuple[Any, ...]]:
    return [essence(a) for a in accounts]


# -- Aegis ----------------------------------------------------------------------------------
def aegis_db(accounts: Sequence[Account], version: int = 3) -> dict[str, Any]:
    groups = {tag: str(uuid.uuid4()) for a in accounts for tag in a.tags}
    entries = []
    for a in accounts:
        info: dict[str, Any] = {"secret": a.secret_b32, "algo": a.algorithm.value,
                                "digits": a.digits}
        if a.kind is OtpKind.HOTP:
            info["counter"] = a.counter
        else:
            info["period"] = a.period
        entries.append({"type": a.kind.value, "uuid": str(uuid.uuid4()), "name": a.name,
                        "issuer": a.issuer, "note": a.note, "favorite": a.favorite,
                        "icon": None, "info": info, "groups": [groups[t] for t in a.tags]})
    return {"version": version, "entries": entries,
            "groups": [{"uuid": u, "name": n} for n, u in groups.items()]}


def make_aegis_plain(accounts: Sequence[Account], **db_options: Any) -> bytes:
    doc = {"version": 1, "header": {"slots": None, "params": None},
           "db": aegis_db(accounts, **db_options)}
    return json.dumps(doc).encode()


def make_aegis_encrypted(accounts: Sequence[Account] | dict[str, Any], password: str,
                         n: int = 2**15, extra_slots: Sequence[str] = ()) -> bytes:
    """Random master key, one scrypt+AES-GCM password slot per password, db under GCM."""
    db = accounts if isinstance(accounts, dict) else aegis_db(accounts)
    master = AESGCM.generate_key(256)
    slots = []
    for pw in (password, *extra_slots):
        salt = os.urandom(32)
        derived = Scrypt(salt=salt, length=32, n=n, r=8, p=1).derive(pw.encode())
        nonce = os.urandom(12)
        wrapped = AESGCM(derived).encrypt(nonce, master, None)
        slots.append({"type": 1, "uuid": str(uuid.uuid4()), "key": wrapped[:-16].hex(),
                      "key_params": {"nonce": nonce.hex(), "tag": wrapped[-16:].hex()},
                      "n": n, "r": 8, "p": 1, "salt": salt.hex(), "repaired": True,
                      "is_backup": False})
    nonce = os.urandom(12)
    sealed = AESGCM(master).encrypt(nonce, json.dumps(db).encode(), None)
    doc = {"version": 1,
           "header": {"slots": [{"type": 2, "uuid": "bio"}, *slots],
                      "params": {"nonce": nonce.hex(), "tag": sealed[-16:].hex()}},
           "db": base64.b64encode(sealed[:-16]).decode()}
    return json.dumps(doc).encode()


# -- 2FAS -------------------------------------------------------------------------------------
TWOFAS_REFERENCE = "tRViSsLKzd86Hprh4ceC2OP7xazn4rrt4xhfEUbOjxLX8Rc3mkISXE0lWbmnWfggogbBJhtY"


def twofas_services(accounts: Sequence[Account], schema: int = 4) -> list[dict[str, Any]]:
    services = []
    for index, a in enumerate(accounts):
        otp: dict[str, Any] = {"label": f"{a.issuer}:{a.name}", "account": a.name,
                               "digits": a.digits, "period": a.period,
                               "algorithm": a.algorithm.value, "tokenType": a.kind.value.upper(),
                               "source": "Link"}
        if schema >= 2:
            otp["issuer"] = a.issuer
        if a.kind is OtpKind.HOTP:
            otp["counter"] = a.counter
        services.append({"name": a.issuer, "secret": a.secret_b32, "updatedAt": 1700000000000,
                         "otp": otp, "order": {"position": index},
                         "icon": {"selected": "Label", "label": {"text": "GH"}},
                         "groupId": "g-work" if "Work" in a.tags else None})
    return services


def _twofas_seal(plain: bytes, key: bytes, salt: bytes) -> str:
    iv = os.urandom(12)
    sealed = AESGCM(key).encrypt(iv, plain, None)
    return ":".join(base64.b64encode(x).decode() for x in (sealed, salt, iv))


def make_2fas(accounts: Sequence[Account], schema: int = 4, password: str | None = None,
              services: list[dict[str, Any]] | None = None) -> bytes:
    services = twofas_services(accounts, schema) if services is None else services
    doc: dict[str, Any] = {"services": services,
                           "groups": [{"id": "g-work", "name": "Work", "isExpanded": True}],
                           "updatedAt": 1700000000000, "schemaVersion": schema,
                           "appVersionCode": 5000000, "appVersionName": "5.0.0",
                           "appOrigin": "android"}
    if password is not None:
        salt = os.urandom(256)
        key = PBKDF2HMAC(hashes.SHA256(), 32, salt, 10_000).derive(password.encode())
        doc["services"] = []
        doc["servicesEncrypted"] = _twofas_seal(json.dumps(services).encode(), key, salt)
        doc["reference"] = _twofas_seal(TWOFAS_REFERENCE.encode(), key, salt)
    return json.dumps(doc).encode()


# -- andOTP -----------------------------------------------------------------------------------
def andotp_entries(accounts: Sequence[Account]) -> list[dict[str, Any]]:
    out = []
    for a in accounts:
        entry: dict[str, Any] = {"secret": a.secret_b32, "issuer": a.issuer, "label": a.name,
                                 "digits": a.digits, "type": a.kind.value.upper(),
                                 "algorithm": a.algorithm.value, "thumbnail": "Default",
                                 "last_used": 0, "used_frequency": 0, "tags": list(a.tags)}
        if a.kind is OtpKind.HOTP:
            entry["counter"] = a.counter
        else:
            entry["period"] = a.period
        out.append(entry)
    return out


def make_andotp_plain(accounts: Sequence[Account]) -> bytes:
    return json.dumps(andotp_entries(accounts)).encode()


def make_andotp_encrypted(accounts: Sequence[Account] | bytes, password: str,
                          iterations: int = 150_000) -> bytes:
    plain = accounts if isinstance(accounts, bytes) else make_andotp_plain(accounts)
    salt, nonce = os.urandom(12), os.urandom(12)
    key = PBKDF2HMAC(hashes.SHA1(), 32, salt, iterations).derive(password.encode())  # noqa: S303
    return (iterations.to_bytes(4, "big") + salt + nonce
            + AESGCM(key).encrypt(nonce, plain, None))


# -- FreeOTP+ ---------------------------------------------------------------------------------
def make_freeotp(accounts: Sequence[Account]) -> bytes:
    tokens = [{"algo": a.algorithm.value, "counter": a.counter, "digits": a.digits,
               "issuerExt": a.issuer, "issuerInt": a.issuer, "label": a.name,
               "period": a.period, "type": a.kind.value.upper(),
               "secret": [b - 256 if b > 127 else b for b in a.secret]} for a in accounts]
    order = [f"{a.issuer}:{a.name}" for a in accounts]
    return json.dumps({"tokenOrder": order, "tokens": tokens}).encode()


# -- Bitwarden --------------------------------------------------------------------------------
def bitwarden_totp(a: Account, style: str) -> str:
    if style == "bare":
        return a.secret_b32.lower()
    if style == "steam":
        return "steam://" + a.secret_b32
    return format_uri(a)


def make_bitwarden_json(items: Sequence[tuple[str, str, str | None]]) -> bytes:
    """``items``: (item name, username, totp field or None)."""
    doc = {"encrypted": False,
           "folders": [{"id": "f1", "name": "Work"}],
           "items": [{"id": str(uuid.uuid4()), "organizationId": None, "folderId": "f1",
                      "type": 1, "reprompt": 0, "name": name, "notes": None,
                      "favorite": False, "fields": [],
                      "login": {"uris": [], "username": user, "password": "hunter2",
                                "totp": totp},
                      "collectionIds": None} for name, user, totp in items]}
    return json.dumps(doc).encode()


def make_bitwarden_csv(items: Sequence[tuple[str, str, str | None]]) -> bytes:
    out = io.StringIO()
    columns = ["folder", "favorite", "type", "name", "notes", "fields", "reprompt",
               "login_uri", "login_username", "login_password", "login_totp"]
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    for name, user, totp in items:
        writer.writerow({"folder": "", "favorite": "", "type": "login", "name": name,
                         "notes": "", "fields": "", "reprompt": "0",
                         "login_uri": "https://example.com", "login_username": user,
                         "login_password": "hunter2", "login_totp": totp or ""})
    return out.getvalue().encode()


#: Accounts Google Authenticator's export takes as they are.
GOOGLE_OK = [
    SAMPLE[0],
    SAMPLE[0].evolve(secret=bytes(range(20)), issuer="Example", name="me",
                             algorithm="SHA256", digits=8),
    SAMPLE[2].evolve(digits=6),
]


def many_accounts(count: int) -> list[Account]:
    return [GOOGLE_OK[i % 3].evolve(secret=i.to_bytes(2, "big") * 10, name=f"user{i}")
            for i in range(count)]
