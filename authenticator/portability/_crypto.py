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

from authenticator.core.budget import (
    PBKDF2_BUDGET,
    SCRYPT_BUDGET,
    KdfBudgetError,
    KdfCost,
)
from authenticator.portability.base import ImportFailed

KEY_BYTES = 32


class WrongKey(Exception):
    """Internal: authentication failed (wrong password or altered data)."""


def scrypt_cost(n: int, r: int, p: int) -> KdfCost:
    """scrypt needs 128 * r * N bytes and makes p passes over them."""
    return KdfCost(128 * r * n, p)


def check_scrypt(params: list[tuple[int, int, int]], label: str) -> None:
    """Refuse at once, before deriving anything, parameters that are malformed or whose
    total (every slot that would be tried) is beyond the import budget."""
    for n, r, p in params:
        if not (n > 1 and n & (n - 1) == 0 and r > 0 and p > 0):
            raise ImportFailed(f"this {label} file has unusual key derivation settings")
    try:
        SCRYPT_BUDGET.check([scrypt_cost(*x) for x in params], f"this {label} file")
    except KdfBudgetError as err:
        raise ImportFailed(str(err)) from None


def check_pbkdf2(iterations: list[int], label: str) -> None:
    if any(i <= 0 for i in iterations):
        raise ImportFailed(f"this {label} file has unusual key derivation settings")
    try:
        PBKDF2_BUDGET.check([KdfCost(1, i) for i in iterations], f"this {label} file")
    except KdfBudgetError as err:
        raise ImportFailed(str(err)) from None


def _password_bytes(password: str, label: str) -> bytes:
    try:
        return password.encode()
    except UnicodeEncodeError:
        raise ImportFailed(f"the password for this {label} file is not valid UTF-8 text") \
            from None


def scrypt(password: str, salt: bytes, n: int, r: int, p: int, label: str) -> bytes:
    """One derivation; callers run :func:`check_scrypt` on all of them first."""
    check_scrypt([(n, r, p)], label)
    try:
        return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(
            _password_bytes(password, label))
    except (ValueError, MemoryError):
        raise ImportFailed(f"this {label} file has unusual key derivation settings") from None


def pbkdf2(password: str, salt: bytes, iterations: int, algorithm: hashes.HashAlgorithm,
           label: str, limit: int | None = None) -> bytes:
    """PBKDF2; counts above ``limit`` (a format's own plausible bound) or beyond the import
    budget are refused at once."""
    if limit is not None and iterations > limit:
        raise ImportFailed(f"this {label} file has unusual key derivation settings")
    check_pbkdf2([iterations], label)
    kdf = PBKDF2HMAC(algorithm=algorithm, length=KEY_BYTES, salt=salt, iterations=iterations)
    return kdf.derive(_password_bytes(password, label))


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
