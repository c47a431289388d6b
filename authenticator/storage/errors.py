"""Errors of the vault layer. Every message is one sentence for a person, never a secret.

The cases the app tells apart are types (and ``kind`` within a type); what their sentence
needs is in ``fields`` (``ui/common/messages.py`` translates them). Field values are file
names, numbers and :class:`~authenticator.core.errors.FileProblem` reasons only.
"""

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
    """The file was written by a newer version of the app (a kind of unreadable file).
    Kinds: ``format`` or ``content``; field ``version``."""


class VaultLockedError(VaultError):
    """Another process is saving the vault right now. Kinds: ``process`` (field ``pid``)
    or empty (unknown holder)."""


class VaultNotFoundError(VaultError):
    """There is no vault at the given path (field ``path``)."""


class VaultExistsError(VaultError):
    """Refusing to overwrite an existing file when creating a vault or a backup export."""


class VaultClosedError(VaultError):
    """The vault was locked (closed) while something still wanted to use it."""

    def __init__(self) -> None:
        super().__init__("the vault is closed")


class DuplicateAccountError(VaultError):
    """The very same account (same id) is in the vault already."""

    def __init__(self) -> None:
        super().__init__("this account is already in the vault")


class SaveError(VaultError):
    """The vault could not be saved; the file on disk is unchanged and changes stay in memory.
    Kinds: ``write`` (fields ``name``, ``reason``), ``moved`` (``name``), ``unreadable``
    (``cause``: the error reading the file on disk)."""


class VaultReplacedError(SaveError):
    """The file on disk was replaced by one this open vault cannot read; reopen it.
    Kinds: ``other`` (another vault, or a damaged file), ``newer`` (a newer version of the
    app), ``password`` (its password was changed elsewhere; field ``rescue``: the name of
    the copy holding this window's changes, or empty when they are kept in memory only).
    Field ``name`` in all three."""


class ReadOnlyVaultError(VaultError):
    """The vault (typically a backup) was opened read-only."""

    def __init__(self) -> None:
        super().__init__("this vault was opened read-only and cannot be changed")


class AccountNotFoundError(VaultError, KeyError):
    """No account with that id is in the vault."""

    def __str__(self) -> str:  # KeyError would add quotes around the message
        return str(self.args[0]) if self.args else "no such account in the vault"


class KeyringUnavailableError(VaultError):
    """The system keyring cannot store the key ("remember on this computer" is unavailable)."""
