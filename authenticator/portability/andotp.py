"""andOTP backups: a plain JSON array, or the encrypted binary form.

Encrypted layout: 4-byte big-endian PBKDF2 iteration count, 12-byte salt, 12-byte nonce,
then AES-256-GCM ciphertext + 16-byte tag; the key is PBKDF2-HMAC-SHA1 of the password.
The old format (andOTP <= 0.6.2) is a 12-byte nonce then ciphertext + tag under the
unsalted key SHA-256(password). Nothing in the file tells them apart: a count in the
plausible range allows the new format; the cheap old attempt (one SHA-256) is made first and
the GCM tag tells which was right. Old files
begin with a random nonce, so they are not detected: choose ``--format andotp``.

Issuer/name: ``issuer`` and ``label`` when the issuer exists; old files have only
``label``, written ``Issuer - account`` (split at the first " - ", the rest kept whole).
"""

from __future__ import annotations

from cryptography.hazmat.primitives import hashes

from authenticator.core.account import Account, Algorithm, OtpKind, decode_base32
from authenticator.portability import _crypto
from authenticator.portability._encodings import sha256_key
from authenticator.portability._json import decode_text, get_int, get_str, load_json, try_json
from authenticator.portability.base import (
    BadEntry,
    EntryCollector,
    ImportFailed,
    ImportResult,
    require_password,
)

ITERATIONS_BYTES = 4
SALT_BYTES = 12
NONCE_BYTES = 12
TAG_BYTES = 16
HEADER_BYTES = ITERATIONS_BYTES + SALT_BYTES + NONCE_BYTES
OLD_MIN_BYTES = NONCE_BYTES + TAG_BYTES
#: andOTP writes 140,000-160,000; a count above this bound is refused before any work.
MAX_ITERATIONS = 1_000_000
_SANE_ITERATIONS = range(1, MAX_ITERATIONS + 1)
#: andOTP picks 140,000-160,000 iterations; detection accepts a band around that (an
#: explicit ``--format andotp`` accepts any count up to the KDF limit).
_PLAUSIBLE_ITERATIONS = range(100_000, 1_000_001)
_KINDS = {"TOTP": OtpKind.TOTP, "HOTP": OtpKind.HOTP, "STEAM": OtpKind.STEAM}


def looks_encrypted(data: bytes) -> bool:
    if len(data) < HEADER_BYTES + TAG_BYTES:
        return False
    iterations = int.from_bytes(data[:ITERATIONS_BYTES], "big")
    # Ciphertext is never valid UTF-8 in practice, whereas text files always are.
    return iterations in _PLAUSIBLE_ITERATIONS and decode_text(data) is None


#: Binary formats that are not andOTP even though they look random (compressed data).
_OTHER_MAGICS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK", b"%PDF", b"\x1f\x8b",
                 b"7z\xbc\xaf", b"RIFF", b"Rar!", b"BZh", b"\xfd7zXZ", b"OggS",
                 b"SQLite format 3")


def may_be_old_encrypted(data: bytes) -> bool:
    """Could be an old-format encrypted andOTP file: binary, long enough, no other known
    magic, and as varied as ciphertext (nothing else in the file can tell). Only used
    as the last resort of detection, after every other format said no."""
    if len(data) < OLD_MIN_BYTES or data.startswith(_OTHER_MAGICS) or decode_text(data) is not None:
        return False
    sample = data[:4096]
    expected = 256 * (1 - (1 - 1 / 256) ** len(sample))  # distinct values of random bytes
    return len(set(sample)) >= 0.8 * expected


def _is_json_text(data: bytes) -> bool:
    # Ciphertext may begin with "[" by chance (a random nonce) but is never valid UTF-8.
    return data.lstrip()[:1] in (b"[", b"{") and decode_text(data) is not None


class AndOtpImporter:
    name = "andotp"
    label = "andOTP"

    def detect(self, data: bytes) -> bool:
        doc = try_json(data)
        if doc is not None:
            return (isinstance(doc, list) and bool(doc)
                    and all(isinstance(e, dict) and "secret" in e and "type" in e for e in doc))
        return looks_encrypted(data)

    def is_encrypted(self, data: bytes) -> bool:
        return len(data) >= OLD_MIN_BYTES and not _is_json_text(data)

    def load(self, data: bytes, password: str | None) -> ImportResult:
        if not _is_json_text(data):
            if len(data) < OLD_MIN_BYTES:
                raise ImportFailed("this andOTP file is damaged or incomplete (too short)")
            data = self._decrypt(data, require_password(password, self.label))
        doc = load_json(data, self.label)
        if not isinstance(doc, list):
            raise ImportFailed("this andOTP file is damaged: unexpected content")
        collector = EntryCollector(self.name)
        for index, entry in enumerate(doc, start=1):
            title = entry.get("issuer") or entry.get("label") if isinstance(entry, dict) else None
            collector.add(f"entry {index}", title, _account, entry)
        return collector.result

    def _decrypt(self, data: bytes, password: str) -> bytes:
        iterations = int.from_bytes(data[:ITERATIONS_BYTES], "big", signed=True)
        new_possible = (iterations in _SANE_ITERATIONS
                        and len(data) >= HEADER_BYTES + TAG_BYTES)
        try:
            return _crypto.gcm_open(sha256_key(password), data[:NONCE_BYTES],
                                    data[NONCE_BYTES:])
        except _crypto.WrongKey:
            if not new_possible:  # an old file, or a count far beyond andOTP's: never derived
                raise _crypto.wrong_password(self.label) from None
        salt = data[ITERATIONS_BYTES : ITERATIONS_BYTES + SALT_BYTES]
        nonce = data[ITERATIONS_BYTES + SALT_BYTES : HEADER_BYTES]
        key = _crypto.pbkdf2(password, salt, iterations, hashes.SHA1(),  # noqa: S303
                             self.label, limit=MAX_ITERATIONS)
        try:
            return _crypto.gcm_open(key, nonce, data[HEADER_BYTES:])
        except _crypto.WrongKey:
            raise _crypto.wrong_password(self.label) from None


def _account(entry: object) -> Account:
    if not isinstance(entry, dict):
        raise BadEntry("the entry is not an object")
    type_name = get_str(entry, "type", "TOTP").upper()
    kind = _KINDS.get(type_name)
    if kind is None:
        raise BadEntry(f"the type {type_name[:20]} is not supported")
    tags = entry.get("tags")
    issuer, name = get_str(entry, "issuer"), get_str(entry, "label")
    if "issuer" not in entry and " - " in name:
        issuer, name = name.split(" - ", 1)
    return Account(
        secret=decode_base32(get_str(entry, "secret")),
        issuer=issuer,
        name=name,
        kind=kind,
        algorithm=Algorithm.parse(get_str(entry, "algorithm", "SHA1")),
        digits=get_int(entry, "digits", 6),
        period=get_int(entry, "period", 30) if kind is not OtpKind.HOTP else 30,
        counter=get_int(entry, "counter", 0) if kind is OtpKind.HOTP else 0,
        tags=tuple(t for t in tags if isinstance(t, str)) if isinstance(tags, list) else (),
    )
