"""Aegis vault files, which Aegis imports as its own backup (Aegis ``docs/vault.md``).

``{"version": 1, "header": {"slots", "params"}, "db"}``. Plain: ``slots`` and ``params``
are null and ``db`` is the content object. Encrypted: a random 256-bit master key encrypts
the UTF-8 JSON content with AES-256-GCM (``params`` = hex nonce and tag, ``db`` = base64 of
the ciphertext); one password slot (type 1) wraps the master key with AES-256-GCM under
scrypt(password, 32-byte salt, N = 2^15, r = 8, p = 1), Aegis's own parameters.

Content version 3: ``{"version": 3, "entries": [...], "groups": [{"uuid", "name"}]}``, an
entry being ``{type, uuid, name, issuer, note, favorite, icon, info: {secret (base32 without
padding), algo, digits, period | counter}, groups: [group uuid]}``. Our tags are the groups.
"""

from __future__ import annotations

import base64
import json
import os
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from authenticator.core.account import Account, OtpKind
from authenticator.portability.export import _write_private

FILE_VERSION = 1
CONTENT_VERSION = 3
PASSWORD_SLOT = 1
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
SALT_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16


def _uuid_of(account: Account) -> str:
    try:
        return str(uuid.UUID(hex=account.id))
    except ValueError:
        return str(uuid.uuid4())


def aegis_content(accounts: Sequence[Account]) -> dict[str, Any]:
    """The vault content (``db``) holding ``accounts``; tags become Aegis groups."""
    group_ids: dict[str, str] = {}
    entries = []
    for account in accounts:
        for tag in account.tags:
            group_ids.setdefault(tag, str(uuid.uuid4()))
        info: dict[str, Any] = {"secret": account.secret_b32,
                                "algo": account.algorithm.value, "digits": account.digits}
        if account.kind is OtpKind.HOTP:
            info["counter"] = account.counter
        else:
            info["period"] = account.period
        entries.append({
            "type": account.kind.value,
            "uuid": _uuid_of(account),
            "name": account.name,
            "issuer": account.issuer,
            "note": account.note,
            "favorite": account.favorite,
            "icon": None,
            "icon_mime": None,
            "icon_hash": None,
            "info": info,
            "groups": [group_ids[tag] for tag in dict.fromkeys(account.tags)],
        })
    return {"version": CONTENT_VERSION, "entries": entries,
            "groups": [{"uuid": gid, "name": name} for name, gid in group_ids.items()]}


def export_aegis(accounts: Sequence[Account], password: str | None = None) -> bytes:
    """An Aegis vault file: plain when ``password`` is None, else with one password slot."""
    content = aegis_content(accounts)
    if password is None:
        doc: dict[str, Any] = {"version": FILE_VERSION,
                               "header": {"slots": None, "params": None}, "db": content}
        return json.dumps(doc, ensure_ascii=False, indent=4).encode("utf-8")
    master = AESGCM.generate_key(bit_length=256)
    salt = os.urandom(SALT_BYTES)
    derived = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(
        password.encode("utf-8"))
    key_nonce = os.urandom(NONCE_BYTES)
    wrapped = AESGCM(derived).encrypt(key_nonce, master, None)
    db_nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(master).encrypt(db_nonce, json.dumps(content).encode("utf-8"), None)
    slot = {
        "type": PASSWORD_SLOT,
        "uuid": str(uuid.uuid4()),
        "key": wrapped[:-TAG_BYTES].hex(),
        "key_params": {"nonce": key_nonce.hex(), "tag": wrapped[-TAG_BYTES:].hex()},
        "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
        "salt": salt.hex(),
        "repaired": True,
        "is_backup": False,
    }
    doc = {"version": FILE_VERSION,
           "header": {"slots": [slot],
                      "params": {"nonce": db_nonce.hex(), "tag": sealed[-TAG_BYTES:].hex()}},
           "db": base64.b64encode(sealed[:-TAG_BYTES]).decode("ascii")}
    return json.dumps(doc, indent=4).encode("utf-8")


def export_aegis_file(accounts: Sequence[Account], path: str | os.PathLike[str],
                      password: str | None = None) -> Path:
    """Write :func:`export_aegis` to a new file (0600, never overwriting an existing one)."""
    data = export_aegis(accounts, password)
    target = Path(path)
    _write_private(target, lambda out: out.write(data), if_exists="choose another name")
    return target
