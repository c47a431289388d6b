"""Secret encodings and label conventions shared by the importers of Android apps."""

from __future__ import annotations

import base64
import binascii
import hashlib

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from authenticator.portability.base import BadEntry


def from_hex(text: object, what: str = "the key") -> bytes:
    if not isinstance(text, str) or not text.strip():
        raise BadEntry(f"{what} is missing")
    try:
        raw = bytes.fromhex("".join(text.split()))
    except ValueError:
        raise BadEntry(f"{what} is not hexadecimal") from None
    if not raw:
        raise BadEntry(f"{what} is empty")
    return raw


def from_b64(text: object, what: str = "the key") -> bytes:
    """Standard base64; whitespace and line breaks are dropped, padding is optional."""
    if not isinstance(text, str) or not text.strip():
        raise BadEntry(f"{what} is missing")
    cleaned = "".join(text.split()).rstrip("=")
    try:
        raw = base64.b64decode(cleaned + "=" * (-len(cleaned) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise BadEntry(f"{what} is not base64") from None
    if not raw:
        raise BadEntry(f"{what} is empty")
    return raw


def java_split(text: str, separator: str) -> list[str]:
    """``String.split`` as Java does it: trailing empty pieces are dropped."""
    pieces = text.split(separator)
    while pieces and pieces[-1] == "":
        pieces.pop()
    return pieces


def cbc_open(key: bytes, iv: bytes, ciphertext: bytes) -> bytes | None:
    """AES-CBC with PKCS#7 padding; None when the padding is wrong (the only check)."""
    if not ciphertext or len(ciphertext) % 16:
        return None
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    padded = decryptor.update(ciphertext) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    try:
        return unpadder.update(padded) + unpadder.finalize()
    except ValueError:
        return None


def sha256_key(password: str) -> bytes:
    """The unsalted ``SHA-256(UTF-8 password)`` key of TOTP Authenticator and old andOTP."""
    return hashlib.sha256(password.encode()).digest()
