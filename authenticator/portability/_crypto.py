"""Key derivation and AES-GCM opening shared by the encrypted importers.

Every failure becomes a one-line :class:`ImportFailed`; parameters read from a file are
bounded so a hostile file cannot make us allocate gigabytes or spin for hours.
"""

from __future__ import annotations

import base64
import binascii

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from authenticator.portability.base import ImportFailed

MAX_SCRYPT_N = 2**20
MAX_SCRYPT_R = 32
MAX_SCRYPT_P = 16
MAX_PBKDF2_ITERATIONS = 10_000_000
KEY_BYTES = 32


class WrongKey(Exception):
    """Internal: authentication failed (wrong password or altered data)."""


def scrypt(password: str, salt: bytes, n: int, r: int, p: int, label: str) -> bytes:
    if not (1 < n <= MAX_SCRYPT_N and n & (n - 1) == 0 and 0 < r <= MAX_SCRYPT_R
            and 0 < p <= MAX_SCRYPT_P):
        raise ImportFailed(f"this {label} file has unusual key derivation settings")
    try:
        return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(password.encode())
    except (ValueError, MemoryError):
        raise ImportFailed(f"this {label} file has unusual key derivation settings") from None


def pbkdf2(password: str, salt: bytes, iterations: int, algorithm: hashes.HashAlgorithm,
           label: str, limit: int = MAX_PBKDF2_ITERATIONS) -> bytes:
    """PBKDF2; counts above ``limit`` (a format's own plausible bound) are refused at once."""
    if not 0 < iterations <= min(limit, MAX_PBKDF2_ITERATIONS):
        raise ImportFailed(f"this {label} file has unusual key derivation settings")
    kdf = PBKDF2HMAC(algorithm=algorithm, length=KEY_BYTES, salt=salt, iterations=iterations)
    return kdf.derive(password.encode())


def argon2id(password: str, salt: bytes, *, iterations: int, memory_kib: int, lanes: int
             ) -> bytes:
    """Argon2id (v1.3) with a format's fixed parameters (never read from the file)."""
    return Argon2id(salt=salt, length=KEY_BYTES, iterations=iterations, lanes=lanes,
                    memory_cost=memory_kib).derive(password.encode())


def gcm_open(key: bytes, nonce: bytes, ciphertext_and_tag: bytes,
             aad: bytes | None = None) -> bytes:
    """Decrypt AES-GCM; raise :class:`WrongKey` when authentication fails."""
    try:
        return AESGCM(key).decrypt(nonce, ciphertext_and_tag, aad)
    except InvalidTag:
        raise WrongKey from None
    except (ValueError, OverflowError):
        # Bad nonce or key length: the file's parameters are damaged.
        raise WrongKey from None


def b64(text: object, label: str) -> bytes:
    if not isinstance(text, str):
        raise ImportFailed(f"this {label} file is damaged: a field is missing")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ImportFailed(f"this {label} file is damaged: a field is not base64") from None


def hex_bytes(text: object, label: str) -> bytes:
    if not isinstance(text, str):
        raise ImportFailed(f"this {label} file is damaged: a field is missing")
    try:
        return bytes.fromhex(text)
    except ValueError:
        raise ImportFailed(f"this {label} file is damaged: a field is not hexadecimal") from None


def wrong_password(label: str) -> ImportFailed:
    return ImportFailed(f"wrong password for this {label} file (or the file is damaged)")
