"""What another device sharing the vault file may do to it."""

from __future__ import annotations

from authenticator.storage import container
from authenticator.storage.kdf import KdfParams
from authenticator.storage.vault import Vault


def change_password_keeping_key(vault: Vault, password: str) -> None:
    """Save ``vault`` with its password slot re-wrapped for ``password`` and the master key
    unchanged (another device's password change that a window holding the key can merge)."""
    vault._slots = (container.password_slot(vault._master_key(), password,
                                            KdfParams.for_tests(), vault._vault_id),)
    vault._dirty = True
    vault.save()
