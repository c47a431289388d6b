"""Argon2id password hashing for the vault's password slot, and its calibration.

``derive_key`` is the only place a KDF runs; the vault calls it as ``kdf.derive_key`` so a
benchmark or test can count calls (a save must never derive).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from authenticator.storage.errors import NotAVaultError, VaultError

KEY_LENGTH = 32
# OWASP password storage cheat sheet (docs/architecture.md): m=19 MiB,t=2,p=1, or m=47 MiB,t=1,p=1.
OWASP_MIN_MEMORY_KIB = 19 * 1024
OWASP_MIN_ITERATIONS = 2
OWASP_ONE_PASS_MEMORY_KIB = 47 * 1024
# Bounds accepted when reading a header, so a corrupt or hostile file cannot ask for
# terabytes of memory or hours of work before it is rejected.
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_ITERATIONS = 64
MAX_LANES = 64
MIN_SALT_LENGTH = 8
MAX_SALT_LENGTH = 64
DEFAULT_MEMORY_KIB = 64 * 1024


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost parameters (the salt itself is random per slot and stored beside them)."""

    memory_kib: int = DEFAULT_MEMORY_KIB
    iterations: int = 3
    lanes: int = 1
    salt_length: int = 16

    def __post_init__(self) -> None:
        if not 1 <= self.lanes <= MAX_LANES:
            raise ValueError(f"Argon2id lanes must be between 1 and {MAX_LANES}")
        if not 8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB:
            raise ValueError("Argon2id memory must be at least 8 KiB per lane and at most 4 GiB")
        if not 1 <= self.iterations <= MAX_ITERATIONS:
            raise ValueError(f"Argon2id iterations must be between 1 and {MAX_ITERATIONS}")
        if not MIN_SALT_LENGTH <= self.salt_length <= MAX_SALT_LENGTH:
            raise ValueError("the Argon2id salt must be 8 to 64 bytes")

    @classmethod
    def minimum(cls) -> KdfParams:
        """The OWASP minimum (m=19 MiB, t=2, p=1)."""
        return cls(memory_kib=OWASP_MIN_MEMORY_KIB, iterations=OWASP_MIN_ITERATIONS, lanes=1)

    @classmethod
    def for_tests(cls) -> KdfParams:
        """Deliberately weak, ~0.1 ms: for test suites only, never for a real vault."""
        return cls(memory_kib=8, iterations=1, lanes=1)

    @property
    def meets_owasp_minimum(self) -> bool:
        if self.lanes < 1:
            return False
        if self.memory_kib >= OWASP_ONE_PASS_MEMORY_KIB:
            return True
        return self.memory_kib >= OWASP_MIN_MEMORY_KIB and self.iterations >= OWASP_MIN_ITERATIONS


def encode_password(password: str) -> bytes:
    """NFC-normalised UTF-8, so the same password typed on different systems matches."""
    import unicodedata

    try:
        return unicodedata.normalize("NFC", password).encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: bytes that were not UTF-8 (os.environ)
        raise VaultError("the password is not valid UTF-8 text") from None


def derive_key(password: str, params: KdfParams, salt: bytes) -> bytes:
    """Run Argon2id (the slow part of unlocking) and return a 256-bit key-encryption key.
    The cryptography library loads here (first unlock or create), not at start-up."""
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    try:
        return Argon2id(
            salt=salt,
            length=KEY_LENGTH,
            iterations=params.iterations,
            lanes=params.lanes,
            memory_cost=params.memory_kib,
        ).derive(encode_password(password))
    except UnsupportedAlgorithm:
        raise VaultError("this system's cryptography library does not support Argon2id") from None
    except (ValueError, MemoryError):
        raise NotAVaultError("the vault's key-derivation parameters are invalid") from None


def _time_derivation(params: KdfParams) -> float:
    salt = b"\x00" * params.salt_length
    start = time.perf_counter()
    derive_key("calibration", params, salt)
    return time.perf_counter() - start


def calibrate_kdf(target_seconds: float = 0.5, memory_kib: int = DEFAULT_MEMORY_KIB) -> KdfParams:
    """Parameters that take about ``target_seconds`` on this machine, never below OWASP.

    Measures one and two passes at ``memory_kib`` (memory is raised to at least the OWASP
    minimum) and solves for the pass count; costs about three derivations at t=1.
    """
    memory = max(memory_kib, OWASP_MIN_MEMORY_KIB)
    one = _time_derivation(KdfParams(memory_kib=memory, iterations=1))
    two = _time_derivation(KdfParams(memory_kib=memory, iterations=2))
    per_pass = max(two - one, one / 4, 1e-6)  # allocation makes pass one dearer; guard noise
    fixed = max(one - per_pass, 0.0)
    iterations = round((target_seconds - fixed) / per_pass)
    floor = 1 if memory >= OWASP_ONE_PASS_MEMORY_KIB else OWASP_MIN_ITERATIONS
    return KdfParams(memory_kib=memory, iterations=min(max(iterations, floor), MAX_ITERATIONS))
