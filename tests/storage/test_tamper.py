"""Every single-bit change and every truncation of a vault file must be refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from authenticator.storage import (
    NotAVaultError,
    UnsupportedVersionError,
    Vault,
    VaultDamagedError,
    WrongPasswordError,
    container,
    kdf,
)
from tests.helpers.storage import PASSWORD, full_account

VERSION_BYTES = range(8, 10)  # uint16 after the 8-byte magic


def _try_open(path: Path, data: bytes) -> type[Exception] | None:
    path.write_bytes(data)
    try:
        Vault.open(path, PASSWORD)
    except (WrongPasswordError, NotAVaultError) as err:
        return type(err)
    return None


@pytest.fixture
def small_vault(make_vault: Callable[..., Vault], vault_path: Path) -> bytes:
    make_vault(full_account(note="", tags=("x",)))
    return vault_path.read_bytes()


def test_every_bit_flip_is_refused(small_vault: bytes, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # Memoise the (already cheap) KDF: a flip that changes salt or parameters misses the cache,
    # so it still derives a different key and must fail like any other flip.
    cache: dict[tuple[str, kdf.KdfParams, bytes], bytes] = {}
    real = kdf.derive_key

    def cached(password: str, params: kdf.KdfParams, salt: bytes) -> bytes:
        return cache.setdefault((password, params, salt), real(password, params, salt))

    monkeypatch.setattr(kdf, "derive_key", cached)
    target = tmp_path / "flipped.authvault"
    assert _try_open(target, small_vault) is None  # the untouched file opens
    outcomes: dict[type[Exception] | None, int] = {}
    for index in range(len(small_vault)):
        for bit in range(8):
            data = bytearray(small_vault)
            data[index] ^= 1 << bit
            outcome = _try_open(target, bytes(data))
            assert outcome is not None, f"flip of byte {index} bit {bit} was accepted"
            if outcome is UnsupportedVersionError:
                assert index in VERSION_BYTES
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert sum(outcomes.values()) == 8 * len(small_vault)
    assert outcomes[WrongPasswordError] > 0 and outcomes[NotAVaultError] > 0
    # With the right password, a flip outside the key slot is reported as damage, not as a
    # wrong password (the slot opened, the content failed authentication).
    assert outcomes[VaultDamagedError] > 0
    assert len(cache) > 2  # flips of salt / parameters really derived other keys


def test_every_truncation_is_refused(small_vault: bytes, tmp_path: Path) -> None:
    target = tmp_path / "cut.authvault"
    for length in range(len(small_vault)):
        assert _try_open(target, small_vault[:length]) is not None, f"length {length} accepted"
    assert _try_open(target, small_vault + b"\x00") is VaultDamagedError  # appended byte


def test_header_is_authenticated_even_when_still_valid_json(small_vault: bytes,
                                                           tmp_path: Path) -> None:
    """Re-serialising the header (same meaning, other bytes) must fail: the AAD is the bytes."""
    parsed = container.parse(small_vault)
    header_len = len(parsed.aad) - container.PREAMBLE.size
    header = small_vault[container.PREAMBLE.size:container.PREAMBLE.size + header_len]
    spaced = header.replace(b",", b", ")
    prefix = container.PREAMBLE.pack(container.MAGIC, 1, len(spaced))
    assert _try_open(tmp_path / "x.authvault", prefix + spaced + parsed.ciphertext) \
        is VaultDamagedError


def test_header_kdf_parameters_out_of_bounds_are_rejected_before_deriving(
        small_vault: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kdf, "derive_key", lambda *a: pytest.fail("derived"))
    data = small_vault.replace(b'"memory_kib":8', b'"memory_kib":99999999999')
    assert data != small_vault
    assert _try_open(tmp_path / "x.authvault", data) is NotAVaultError
