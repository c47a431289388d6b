"""The optional "remember on this computer" slot, with fake keyring backends."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import keyring
import pytest

from authenticator.storage import KeyringUnavailableError, Vault
from tests.helpers.keyring import LockedKeyring, MemoryKeyring
from tests.helpers.storage import PASSWORD, full_account


def test_remember_then_open_without_password(memory_keyring: MemoryKeyring,
                                             make_vault: Callable[..., Vault],
                                             vault_path: Path) -> None:
    vault = make_vault(full_account(id="a"))
    assert Vault.open_remembered(vault_path) is None
    vault.enable_remember(service_name="AuthTest")
    assert vault.is_remembered()
    assert [k[0] for k in memory_keyring.store] == ["AuthTest"]
    remembered = Vault.open_remembered(vault_path)
    assert remembered is not None and [a.id for a in remembered.accounts] == ["a"]
    # still works after a password change: the key rotates and this computer's slot is
    # re-wrapped for the new key
    vault.change_password("new one")
    assert Vault.open_remembered(vault_path) is not None
    vault.disable_remember()
    assert memory_keyring.store == {}
    assert Vault.open_remembered(vault_path) is None
    assert Vault.open(vault_path, "new one").accounts


def test_another_computer_without_the_entry_gets_none(memory_keyring: MemoryKeyring,
                                                      make_vault: Callable[..., Vault],
                                                      vault_path: Path) -> None:
    make_vault().enable_remember()
    memory_keyring.store.clear()  # the vault file was synced to a computer without the entry
    assert Vault.open_remembered(vault_path) is None
    assert Vault.open(vault_path, PASSWORD).accounts == []


def test_failing_keyring_never_raises_on_open(make_vault: Callable[..., Vault],
                                              vault_path: Path,
                                              memory_keyring: MemoryKeyring) -> None:
    vault = make_vault()
    vault.enable_remember()
    keyring.set_keyring(LockedKeyring())
    assert Vault.open_remembered(vault_path) is None
    assert not vault.is_remembered()
    with pytest.raises(KeyringUnavailableError, match="keyring is not available"):
        vault.enable_remember()
    vault.disable_remember()  # nothing of ours is reachable: a no-op, no error


class PlaintextKeyring(MemoryKeyring):
    """Looks like keyrings.alt's file backend (base64 in ~/.local/share/python_keyring)."""

    encrypts_at_rest = False


PlaintextKeyring.__module__ = "keyrings.alt.file"


def test_a_plaintext_keyring_is_refused_with_a_reason(make_vault: Callable[..., Vault],
                                                      vault_path: Path) -> None:
    previous = keyring.get_keyring()
    plaintext = PlaintextKeyring()
    keyring.set_keyring(plaintext)
    try:
        vault = make_vault()
        with pytest.raises(KeyringUnavailableError, match="stores keys unencrypted"):
            vault.enable_remember()
        assert plaintext.store == {}  # nothing written to the plaintext file
        # a key someone put there is not even read
        plaintext.store[("Authenticator", "x")] = "AAAA"
        assert Vault.open_remembered(vault_path) is None
    finally:
        keyring.set_keyring(previous)


def test_a_chain_uses_only_its_encrypting_member(make_vault: Callable[..., Vault],
                                                 vault_path: Path) -> None:
    from keyring.backends.chainer import ChainerBackend

    previous = keyring.get_keyring()
    plaintext, safe = PlaintextKeyring(), MemoryKeyring()

    class Chain(ChainerBackend):
        backends = [plaintext, safe]  # noqa: RUF012 - the plaintext one first: preferred

    keyring.set_keyring(Chain())
    try:
        vault = make_vault()
        vault.enable_remember()
        assert plaintext.store == {} and len(safe.store) == 1
        assert Vault.open_remembered(vault_path) is not None
    finally:
        keyring.set_keyring(previous)
