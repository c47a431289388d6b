"""A reader written from docs/vault-format.md only (no project storage code) decrypts a vault."""

from __future__ import annotations

import base64
import json
import struct
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from authenticator.storage import Vault
from tests.helpers.storage import full_account


def read_vault(data: bytes, password: str) -> dict[str, Any]:
    magic, version, header_length = struct.unpack(">8sHI", data[:14])
    assert magic == b"AUTHVLT\x1a" and version == 1
    header = json.loads(data[14:14 + header_length])
    slot = next(s for s in header["slots"] if s["type"] == "password")
    params = slot["kdf"]
    wrapping_key = Argon2id(
        salt=base64.b64decode(params["salt"]), length=32, iterations=params["iterations"],
        lanes=params["lanes"], memory_cost=params["memory_kib"],
    ).derive(unicodedata.normalize("NFC", password).encode())
    slot_aad = b"\x00".join([b"authvault-slot", header["vault_id"].encode(),
                             slot["id"].encode(), b"password"])
    master_key = AESGCM(wrapping_key).decrypt(base64.b64decode(slot["nonce"]),
                                              base64.b64decode(slot["key"]), slot_aad)
    plaintext = AESGCM(master_key).decrypt(base64.b64decode(header["nonce"]),
                                           data[14 + header_length:], data[:14 + header_length])
    content: dict[str, Any] = json.loads(plaintext)
    return content


def test_documented_format_is_readable_by_another_program(
        make_vault: Callable[..., Vault], vault_path: Path) -> None:
    account = full_account(id="a")
    vault = make_vault(account, full_account(id="b"))
    vault.remove("b")
    vault.set_setting("theme", "dark")
    vault.change_password("pässword")
    content = read_vault(vault_path.read_bytes(), "pa\u0308ssword")  # decomposed ä
    assert content["content_version"] == 1
    assert content["accounts"] == [account.to_storage_json()]
    assert [t["id"] for t in content["tombstones"]] == ["b"]
    assert content["settings"] == {"theme": "dark"}
