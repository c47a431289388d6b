"""The vault file container (docs/vault-format.md): preamble, JSON header, AES-256-GCM body.

Pure bytes in, bytes out: no file I/O here. Layout::

    magic (8 bytes "AUTHVLT\\x1a") | format version (uint16 BE) | header length (uint32 BE)
    | header (UTF-8 JSON) | ciphertext + 16-byte GCM tag

The content is encrypted under a random 256-bit master key with associated data = every
byte before the ciphertext, so changing any byte of the file is detected. Slots wrap the
master key (AES-256-GCM) under a key derived from the password (Argon2id) or held in the
OS keyring.
"""

from __future__ import annotations

import base64
import binascii
import os
import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from authenticator.core.budget import VAULT_BUDGET, KdfBudgetError, KdfCost
from authenticator.storage import kdf
from authenticator.storage.errors import (
    NotAVaultError,
    UnsupportedVersionError,
    VaultDamagedError,
    WrongPasswordError,
)

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"AUTHVLT\x1a"
FORMAT_VERSION = 1
PREAMBLE = struct.Struct(">8sHI")
MAX_HEADER_LENGTH = 1 << 20
CIPHER = "AES-256-GCM"
KDF_NAME = "argon2id"
NONCE_LENGTH = 12
TAG_LENGTH = 16
MASTER_KEY_LENGTH = 32
SLOT_PASSWORD = "password"  # noqa: S105 - a slot type name
SLOT_KEYRING = "keyring"

_CORRUPT = "the file is not an Authenticator vault, or it is damaged or truncated"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, length: int | None = None) -> bytes:
    if not isinstance(value, str):
        raise NotAVaultError(_CORRUPT)
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise NotAVaultError(_CORRUPT) from None
    if length is not None and len(raw) != length:
        raise NotAVaultError(_CORRUPT)
    return raw


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise NotAVaultError(_CORRUPT)
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise NotAVaultError(_CORRUPT)
    return value


def new_id() -> str:
    return os.urandom(16).hex()


def _aesgcm(key: bytes) -> AESGCM:
    """AES-GCM under ``key``. The cryptography library loads here, on the first unlock or
    create, not at start-up (the unlock page is shown before it is needed)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


@dataclass(frozen=True, slots=True)
class Slot:
    """One way to unlock the master key. ``kdf``/``salt`` for password slots,
    ``service`` for keyring slots. ``wrapped_key`` = AES-GCM(master key) incl. tag."""

    id: str
    type: str
    nonce: bytes
    wrapped_key: bytes
    kdf: kdf.KdfParams | None = None
    salt: bytes = b""
    service: str = ""

    def __repr__(self) -> str:
        return f"Slot(id={self.id!r}, type={self.type!r})"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.kdf is not None:
            data["kdf"] = {
                "name": KDF_NAME,
                "memory_kib": self.kdf.memory_kib,
                "iterations": self.kdf.iterations,
                "lanes": self.kdf.lanes,
                "salt": _b64(self.salt),
            }
        if self.service:
            data["service"] = self.service
        data["nonce"] = _b64(self.nonce)
        data["key"] = _b64(self.wrapped_key)
        return data

    @classmethod
    def from_json(cls, data: Any) -> Slot | None:
        """The slot, or None for a slot type this version does not know (skipped)."""
        if not isinstance(data, dict):
            raise NotAVaultError(_CORRUPT)
        slot_type = _text(data.get("type"))
        if slot_type not in (SLOT_PASSWORD, SLOT_KEYRING):
            return None
        slot_id = _text(data.get("id"))
        nonce = _unb64(data.get("nonce"), NONCE_LENGTH)
        wrapped = _unb64(data.get("key"), MASTER_KEY_LENGTH + TAG_LENGTH)
        if slot_type == SLOT_KEYRING:
            return cls(slot_id, slot_type, nonce, wrapped, service=_text(data.get("service")))
        params = data.get("kdf")
        if not isinstance(params, dict) or params.get("name") != KDF_NAME:
            return None
        salt = _unb64(params.get("salt"))
        try:
            kdf_params = kdf.KdfParams(
                memory_kib=_int(params.get("memory_kib")),
                iterations=_int(params.get("iterations")),
                lanes=_int(params.get("lanes")),
                salt_length=len(salt),
            )
        except ValueError:
            raise NotAVaultError(_CORRUPT) from None
        return cls(slot_id, slot_type, nonce, wrapped, kdf=kdf_params, salt=salt)


def _slot_aad(vault_id: str, slot_id: str, slot_type: str) -> bytes:
    return b"\x00".join((b"authvault-slot", vault_id.encode(), slot_id.encode(),
                         slot_type.encode()))


def wrap(master_key: bytes, wrapping_key: bytes, vault_id: str, slot_type: str, *,
         params: kdf.KdfParams | None = None, salt: bytes = b"", service: str = "",
         slot_id: str | None = None) -> Slot:
    slot_id = slot_id or new_id()
    nonce = os.urandom(NONCE_LENGTH)
    wrapped = _aesgcm(wrapping_key).encrypt(nonce, master_key,
                                           _slot_aad(vault_id, slot_id, slot_type))
    return Slot(slot_id, slot_type, nonce, wrapped, params, salt, service)


def unwrap(slot: Slot, wrapping_key: bytes, vault_id: str) -> bytes | None:
    from cryptography.exceptions import InvalidTag

    try:
        return _aesgcm(wrapping_key).decrypt(slot.nonce, slot.wrapped_key,
                                            _slot_aad(vault_id, slot.id, slot.type))
    except InvalidTag:
        return None


def password_slot(master_key: bytes, password: str, params: kdf.KdfParams,
                  vault_id: str) -> Slot:
    """Derive (Argon2id, slow) and wrap the master key for ``password``."""
    salt = os.urandom(params.salt_length)
    wrapping_key = kdf.derive_key(password, params, salt)
    return wrap(master_key, wrapping_key, vault_id, SLOT_PASSWORD, params=params, salt=salt)


def unlock_with_password(slot: Slot, password: str, vault_id: str) -> bytes | None:
    """The master key if ``password`` opens this password slot (runs the KDF), else None."""
    assert slot.kdf is not None
    return unwrap(slot, kdf.derive_key(password, slot.kdf, slot.salt), vault_id)


@dataclass(frozen=True, slots=True)
class Container:
    """A parsed vault file: the header fields, the authenticated prefix and the ciphertext."""

    vault_id: str
    nonce: bytes
    slots: tuple[Slot, ...]
    aad: bytes
    ciphertext: bytes

    def password_slots(self) -> list[Slot]:
        return [s for s in self.slots if s.type == SLOT_PASSWORD]

    def decrypt(self, master_key: bytes) -> bytes:
        """The content plaintext. The key came from a slot that opened, so a failure here is
        damage (header or content changed after saving): :class:`VaultDamagedError`."""
        from cryptography.exceptions import InvalidTag

        try:
            return _aesgcm(master_key).decrypt(self.nonce, self.ciphertext, self.aad)
        except InvalidTag:
            raise VaultDamagedError() from None

    def check_budget(self, what: str = "this vault") -> None:
        """Refuse (NotAVaultError) before any derivation if the password slots together ask
        for more work than :data:`~authenticator.core.budget.VAULT_BUDGET` allows."""
        costs = [KdfCost(s.kdf.memory_kib * 1024, s.kdf.iterations)
                 for s in self.password_slots() if s.kdf is not None]
        try:
            VAULT_BUDGET.check(costs, what)
        except KdfBudgetError as err:
            raise NotAVaultError(str(err)) from None

    def unlock(self, password: str) -> bytes:
        """The master key for ``password`` (runs the KDF once per password slot, within the
        total budget checked first)."""
        slots = self.password_slots()
        if not slots:
            raise NotAVaultError("the vault has no password this version of Authenticator can use")
        self.check_budget()
        for slot in slots:
            key = unlock_with_password(slot, password, self.vault_id)
            if key is not None:
                return key
        raise WrongPasswordError()


def parse(data: bytes) -> Container:
    """Parse the container; raises NotAVaultError / UnsupportedVersionError. Decrypts nothing."""
    import json

    if len(data) < PREAMBLE.size:
        raise NotAVaultError(_CORRUPT)
    magic, version, header_length = PREAMBLE.unpack_from(data)
    if magic != MAGIC or version == 0:
        raise NotAVaultError(_CORRUPT)
    if version > FORMAT_VERSION:
        raise UnsupportedVersionError(
            f"the vault was saved by a newer version of Authenticator (format {version}); "
            "update the app to open it", kind="format", version=version)
    body_start = PREAMBLE.size + header_length
    if header_length > MAX_HEADER_LENGTH or len(data) < body_start + TAG_LENGTH:
        raise NotAVaultError(_CORRUPT)
    try:
        header = json.loads(data[PREAMBLE.size:body_start].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise NotAVaultError(_CORRUPT) from None
    if not isinstance(header, dict) or header.get("cipher") != CIPHER:
        raise NotAVaultError(_CORRUPT)
    raw_slots = header.get("slots")
    if not isinstance(raw_slots, list):
        raise NotAVaultError(_CORRUPT)
    slots = tuple(s for s in (Slot.from_json(item) for item in raw_slots) if s is not None)
    return Container(
        vault_id=_text(header.get("vault_id")),
        nonce=_unb64(header.get("nonce"), NONCE_LENGTH),
        slots=slots,
        aad=data[:body_start],
        ciphertext=data[body_start:],
    )


def seal(master_key: bytes, vault_id: str, slots: tuple[Slot, ...], plaintext: bytes) -> bytes:
    """A complete vault file: fresh random nonce, whole prefix authenticated."""
    import json

    nonce = os.urandom(NONCE_LENGTH)
    header = {
        "vault_id": vault_id,
        "cipher": CIPHER,
        "nonce": _b64(nonce),
        "slots": [slot.to_json() for slot in slots],
    }
    header_bytes = json.dumps(header, separators=(",", ":"), sort_keys=True).encode("utf-8")
    prefix = PREAMBLE.pack(MAGIC, FORMAT_VERSION, len(header_bytes)) + header_bytes
    return prefix + _aesgcm(master_key).encrypt(nonce, plaintext, prefix)
