"""FreeOTP 2.x backup file, encrypted with the backup password.

The file is a Java-serialized ``HashMap<String, String>`` (:mod:`_javaser`). Keys:

- ``masterKey``: JSON ``{mAlgorithm, mIterations, mSalt, mEncryptedKey}``. The password key
  is PBKDF2 with ``mAlgorithm`` (``PBKDF2withHmacSHA512`` or ``…SHA1``; note the lower-case
  "with"), ``mIterations`` (the app writes 100,000), ``mSalt`` (signed bytes), 32 bytes.
- ``<uuid>``: JSON ``{"key": "<EncryptedKey JSON as a string>"}``: that token's secret.
- ``<uuid>-token``: the token JSON without ``secret`` (Gson drops null fields, so
  ``algo``/``digits``/``period`` may be missing: FreeOTP's defaults apply, and the key's
  ``mToken`` such as ``HmacSHA256`` names the real algorithm).

An EncryptedKey is ``{mCipher: "AES/GCM/NoPadding", mCipherText (signed bytes, with the
16-byte tag), mParameters (signed bytes of DER GCM parameters), mToken}``; ``mToken``'s UTF-8
bytes are the associated data. ``mParameters`` is either a ``SEQUENCE {OCTET STRING nonce,
INTEGER tag length}`` or a bare ``OCTET STRING nonce``, depending on the Android version
that wrote it; both are read. The master key's GCM tag checks the password; each token is
then decrypted (and reported) on its own.
"""

from __future__ import annotations

import json
from typing import Any

from cryptography.hazmat.primitives import hashes

from authenticator.core.account import Account
from authenticator.portability import _crypto
from authenticator.portability._javaser import JavaFormatError, looks_like_hashmap, read_string_map
from authenticator.portability.base import (
    BadEntry,
    EntryCollector,
    ImportFailed,
    ImportResult,
    require_password,
)
from authenticator.portability.freeotp import token_account

MASTER_KEY = "masterKey"
TOKEN_SUFFIX = "-token"  # noqa: S105 (a key suffix)
CIPHER = "AES/GCM/NoPadding"
#: FreeOTP writes 100,000; ten times that is refused before any work is done.
MAX_ITERATIONS = 1_000_000
_KDF_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "PBKDF2WITHHMACSHA512": hashes.SHA512, "PBKDF2WITHHMACSHA256": hashes.SHA256,
    "PBKDF2WITHHMACSHA1": hashes.SHA1,
}
LABEL = "FreeOTP backup"


def _bytes(value: object, what: str) -> bytes:
    if not isinstance(value, list) or not all(
            isinstance(b, int) and not isinstance(b, bool) and -128 <= b <= 255 for b in value):
        raise BadEntry(f"{what} is not a list of bytes")
    return bytes(b & 0xFF for b in value)


def _der_nonce(params: bytes) -> bytes:
    """The first OCTET STRING of DER GCM parameters (inside a SEQUENCE or bare)."""
    pos = 0
    for _ in range(4):
        if pos + 2 > len(params):
            break
        tag, length = params[pos], params[pos + 1]
        pos += 2
        if length & 0x80:
            count = length & 0x7F
            length = int.from_bytes(params[pos : pos + count], "big")
            pos += count
        if tag == 0x30:
            continue  # descend into the SEQUENCE
        if tag == 0x04 and 0 < length <= 64 and pos + length <= len(params):
            return params[pos : pos + length]
        break
    raise BadEntry("the encryption parameters are damaged")


def _open(encrypted: object, key: bytes) -> bytes:
    if not isinstance(encrypted, dict):
        raise BadEntry("the encrypted key is missing")
    if encrypted.get("mCipher") != CIPHER:
        raise BadEntry("the key is encrypted with an unsupported cipher")
    token = encrypted.get("mToken")
    aad = token.encode() if isinstance(token, str) else b""
    nonce = _der_nonce(_bytes(encrypted.get("mParameters"), "the nonce"))
    return _crypto.gcm_open(key, nonce, _bytes(encrypted.get("mCipherText"), "the ciphertext"),
                            aad)


def _json(text: str | None) -> Any:
    try:
        return json.loads(text or "")
    except (ValueError, RecursionError):
        return None


class FreeOtpBackupImporter:
    name = "freeotp-backup"
    label = LABEL

    def detect(self, data: bytes) -> bool:
        return looks_like_hashmap(data) and MASTER_KEY.encode() in data

    def is_encrypted(self, data: bytes) -> bool:
        return True

    def load(self, data: bytes, password: str | None) -> ImportResult:
        try:
            entries = read_string_map(data)
        except JavaFormatError as exc:
            raise ImportFailed(f"this FreeOTP backup is damaged: {exc}") from None
        master_doc = _json(entries.get(MASTER_KEY))
        if not isinstance(master_doc, dict):
            raise ImportFailed("this FreeOTP backup is damaged: its master key is missing")
        master = self._master_key(master_doc, require_password(password, self.label))
        collector = EntryCollector(self.name)
        token_ids = [k.removesuffix(TOKEN_SUFFIX) for k in entries if k.endswith(TOKEN_SUFFIX)]
        for index, token_id in enumerate(token_ids, start=1):
            token = _json(entries.get(token_id + TOKEN_SUFFIX))
            title = None
            if isinstance(token, dict):
                title = token.get("issuerExt") or token.get("issuerInt") or token.get("label")
            collector.add(f"token {index}", title, _account, token, entries.get(token_id),
                          master)
        return collector.result

    def _master_key(self, doc: dict[str, Any], password: str) -> bytes:
        algorithm = str(doc.get("mAlgorithm", "")).upper()
        hash_type = _KDF_HASHES.get(algorithm)
        iterations = doc.get("mIterations")
        if hash_type is None or not isinstance(iterations, int) or isinstance(iterations, bool):
            raise ImportFailed("this FreeOTP backup uses key settings this app cannot read")
        try:
            salt = _bytes(doc.get("mSalt"), "the salt")
        except BadEntry:
            raise ImportFailed("this FreeOTP backup is damaged: its salt is missing") from None
        key = _crypto.pbkdf2(password, salt, iterations, hash_type(), self.label,
                             limit=MAX_ITERATIONS)
        try:
            return _open(doc.get("mEncryptedKey"), key)
        except _crypto.WrongKey:
            raise _crypto.wrong_password(self.label) from None
        except BadEntry as exc:
            raise ImportFailed(f"this FreeOTP backup is damaged: {exc}") from None


def _account(token: object, key_text: str | None, master: bytes) -> Account:
    if not isinstance(token, dict):
        raise BadEntry("the token is damaged")
    wrapper = _json(key_text)
    encrypted = _json(wrapper.get("key")) if isinstance(wrapper, dict) else None
    if not isinstance(encrypted, dict):
        raise BadEntry("the token's key is missing")
    try:
        secret = _open(encrypted, master)
    except _crypto.WrongKey:
        raise BadEntry("the token's key does not decrypt (damaged backup)") from None
    algorithm = str(encrypted.get("mToken") or "HmacSHA1").removeprefix("Hmac")
    return token_account(token, secret, default_algorithm=algorithm)
