"""The optional "remember on this computer" slot: a random key kept in the OS keyring.

Every call here swallows keyring failures (no backend, locked keyring, D-Bus errors...):
the feature is a convenience and must never stop the vault from opening with a password.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import logging
import os

DEFAULT_SERVICE = "Authenticator"
_log = logging.getLogger(__name__)


def entry_name(vault_id: str, slot_id: str) -> str:
    return f"vault-{vault_id}-slot-{slot_id}"


def store_key(service: str, name: str) -> bytes | None:
    """Create a random key, store it in the keyring; None if the keyring refused it."""
    key = os.urandom(32)
    try:
        import keyring  # lazy: ~40 ms, only needed when the feature is used

        keyring.set_password(service, name, base64.b64encode(key).decode("ascii"))
    except Exception as err:  # any backend failure means "unavailable"
        _log.info("keyring refused to store the vault key: %s", type(err).__name__)
        return None
    return key


def load_key(service: str, name: str) -> bytes | None:
    try:
        import keyring

        text = keyring.get_password(service, name)
    except Exception as err:  # locked keyring, no backend, D-Bus failure...
        _log.info("keyring unavailable: %s", type(err).__name__)
        return None
    if not text:
        return None
    try:
        key = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None
    return key if len(key) == 32 else None


def delete_key(service: str, name: str) -> None:
    with contextlib.suppress(Exception):
        import keyring

        keyring.delete_password(service, name)
