"""Encrypted vault storage: file format, KDF calibration, atomic saves, merge, backups.

Format and design decisions: docs/vault-format.md.
"""

from authenticator.storage.backups import BackupInfo, list_backups
from authenticator.storage.errors import (
    AccountNotFoundError,
    KeyringUnavailableError,
    NotAVaultError,
    ReadOnlyVaultError,
    SaveError,
    UnsupportedVersionError,
    VaultDamagedError,
    VaultError,
    VaultExistsError,
    VaultLockedError,
    VaultNotFoundError,
    VaultReplacedError,
    WrongPasswordError,
)
from authenticator.storage.kdf import KdfParams, calibrate_kdf
from authenticator.storage.paths import default_vault_path, resolve_vault_path
from authenticator.storage.vault import Vault, export_backup
from authenticator.storage.vault_sync import SaveReport

__all__ = [
    "AccountNotFoundError",
    "BackupInfo",
    "KdfParams",
    "KeyringUnavailableError",
    "NotAVaultError",
    "ReadOnlyVaultError",
    "SaveError",
    "SaveReport",
    "UnsupportedVersionError",
    "Vault",
    "VaultDamagedError",
    "VaultError",
    "VaultExistsError",
    "VaultLockedError",
    "VaultNotFoundError",
    "VaultReplacedError",
    "WrongPasswordError",
    "calibrate_kdf",
    "default_vault_path",
    "export_backup",
    "list_backups",
    "resolve_vault_path",
]
