"""Errors of the vault layer. Every message is one sentence for a person, never a secret."""

from __future__ import annotations

from authenticator.core.errors import AuthenticatorError


class VaultError(AuthenticatorError):
    """Base of every vault problem a user may see."""


class WrongPasswordError(VaultError):
    """No key slot opens with this password: a wrong password, or a damaged key slot (AES-GCM
    cannot tell those two apart). Damage elsewhere is :class:`VaultDamagedError`."""

    def __init__(self, message: str = "wrong password, or the vault file was modified") -> None:
        super().__init__(message)


class NotAVaultError(VaultError):
    """The file is not a vault, or it is truncated or corrupt."""


class VaultDamagedError(NotAVaultError):
    """The password opened the key slot, yet the content fails authentication: the file was
    damaged (or changed) after it was saved. Not a wrong password: only someone who knows
    the password learns this, so telling the two apart helps no attacker."""

    def __init__(self, message: str = "the vault file is damaged: the password is right, but "
                                      "its content fails the integrity check") -> None:
        super().__init__(message)


class UnsupportedVersionError(NotAVaultError):
    """The file was written by a newer version of the app (a kind of unreadable file)."""


class VaultLockedError(VaultError):
    """Another process is saving the vault right now."""


class VaultNotFoundError(VaultError):
    """There is no vault at the given path."""


class VaultExistsError(VaultError):
    """Refusing to overwrite an existing file when creating a vault or a backup export."""


class SaveError(VaultError):
    """The vault could not be saved; the file on disk is unchanged and changes stay in memory."""


class VaultReplacedError(SaveError):
    """The file on disk was replaced by one this open vault cannot read; reopen it."""


class ReadOnlyVaultError(VaultError):
    """The vault (typically a backup) was opened read-only."""


class AccountNotFoundError(VaultError, KeyError):
    """No account with that id is in the vault."""

    def __str__(self) -> str:  # KeyError would add quotes around the message
        return str(self.args[0]) if self.args else "no such account in the vault"


class KeyringUnavailableError(VaultError):
    """The system keyring cannot store the key ("remember on this computer" is unavailable)."""
