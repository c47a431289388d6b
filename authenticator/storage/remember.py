"""The optional "remember on this computer" slot: a random key kept in the OS keyring.

Every call here swallows keyring failures (no backend, locked keyring, D-Bus errors...):
the feature is a convenience and must never stop the vault from opening with a password.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import logging

DEFAULT_SERVICE = "Authenticator"
#: Backends that keep secrets encrypted at rest: Secret Service (GNOME Keyring, KeePassXC),
#: KWallet, the macOS Keychain and the Windows Credential Locker. Anything else (notably
#: keyrings.alt's files, which are base64 on disk) is refused: the vault file plus such a
#: file would open the vault.
ENCRYPTING_BACKENDS = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.macOS",
    "keyring.backends.Windows",
)


def _log() -> logging.Logger:
    import logging  # here: it only logs when the keyring fails

    return logging.getLogger(__name__)


def _encrypts(backend: Any) -> bool:
    if getattr(backend, "encrypts_at_rest", False) is True:  # test doubles say so
        return True
    module = type(backend).__module__
    return any(module == name or module.startswith(name + ".") for name in ENCRYPTING_BACKENDS)


def _name(backend: Any) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def backend() -> tuple[Any, str]:
    """The keyring backend to use, or (None, the reason there is none). A chain of backends
    is reduced to its best encrypting member, so a plaintext one is never read or written."""
    try:
        import keyring  # lazy: ~40 ms, only needed when the feature is used
        from keyring.backends.chainer import ChainerBackend

        chosen = keyring.get_keyring()
    except Exception as err:  # a broken keyring installation
        return None, f"the system keyring cannot be loaded ({type(err).__name__})"
    if isinstance(chosen, ChainerBackend):
        members = sorted((b for b in chosen.backends if _encrypts(b)),
                         key=lambda b: b.priority, reverse=True)
        if members:
            return members[0], ""
        names = ", ".join(_name(b) for b in chosen.backends) or "none"
        return None, f"no keyring that encrypts what it stores is available (found: {names})"
    if _encrypts(chosen):
        return chosen, ""
    module = type(chosen).__module__
    if module.startswith("keyrings.alt") or "plaintext" in type(chosen).__name__.lower():
        return None, (f"the keyring in use ({_name(chosen)}) stores keys unencrypted in a "
                      "file, so the vault is not remembered on this computer")
    return None, (f"the keyring in use ({_name(chosen)}) is not one known to encrypt what it "
                  "stores (Secret Service, KWallet, macOS Keychain, Windows Credential "
                  "Locker), so the vault is not remembered on this computer")


def entry_name(vault_id: str, slot_id: str) -> str:
    return f"vault-{vault_id}-slot-{slot_id}"


def store_key(service: str, name: str) -> tuple[bytes | None, str]:
    """Create a random key, store it in the keyring: (key, "") or (None, why not)."""
    store, reason = backend()
    if store is None:
        return None, reason
    key = os.urandom(32)
    try:
        store.set_password(service, name, base64.b64encode(key).decode("ascii"))
    except Exception as err:  # any backend failure means "unavailable"
        _log().info("keyring refused to store the vault key: %s", type(err).__name__)
        return None, "the system keyring is not available (locked or not running)"
    return key, ""


def load_key(service: str, name: str) -> bytes | None:
    store, _reason = backend()
    if store is None:
        return None
    try:
        text = store.get_password(service, name)
    except Exception as err:  # locked keyring, no backend, D-Bus failure...
        _log().info("keyring unavailable: %s", type(err).__name__)
        return None
    if not text:
        return None
    try:
        key = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None
    return key if len(key) == 32 else None


def delete_key(service: str, name: str) -> None:
    store, _reason = backend()
    if store is not None:
        with contextlib.suppress(Exception):
            store.delete_password(service, name)
