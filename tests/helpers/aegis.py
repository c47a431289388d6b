"""An independent reader of Aegis files, written from Aegis's docs/vault.md (not our
importer), and the accounts the export tests write."""

from __future__ import annotations

import base64
import json

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from authenticator.core.account import Account
from tests.portability import writers

ACCOUNTS = [
    *writers.SAMPLE,
    Account(secret=b"12345678901234567890", issuer="RFC", name="vector", digits=8,
            tags=("Work", "Tests"), favorite=True, note="RFC 6238 appendix B"),
]


def read_vault(data: bytes, password: str | None) -> dict:
    """The vault content of an Aegis file, as Aegis reads it."""
    vault = json.loads(data)
    assert vault["version"] == 1
    header = vault["header"]
    if header["slots"] is None and header["params"] is None:
        assert isinstance(vault["db"], dict)
        return vault["db"]
    assert password is not None
    master = None
    for slot in header["slots"]:
        if slot["type"] != 1:
            continue
        # scrypt of the password with the slot's salt and N, r, p: the key-wrapping key.
        kek = Scrypt(salt=bytes.fromhex(slot["salt"]), length=32, n=slot["n"], r=slot["r"],
                     p=slot["p"]).derive(password.encode())
        wrapped = bytes.fromhex(slot["key"]) + bytes.fromhex(slot["key_params"]["tag"])
        try:
            master = AESGCM(kek).decrypt(bytes.fromhex(slot["key_params"]["nonce"]),
                                         wrapped, None)
        except InvalidTag:
            continue
        break
    if master is None:
        raise ValueError("no slot opens with this password")
    params = header["params"]
    ciphertext = base64.b64decode(vault["db"]) + bytes.fromhex(params["tag"])
    return json.loads(AESGCM(master).decrypt(bytes.fromhex(params["nonce"]), ciphertext, None))
