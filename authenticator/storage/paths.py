"""Where the vault lives: ``--vault`` beats ``AUTHENTICATOR_VAULT`` beats the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Authenticator"
VAULT_FILENAME = "vault.authvault"
VAULT_ENV = "AUTHENTICATOR_VAULT"


def default_vault_path() -> Path:
    """The platform's per-user data folder (e.g. ``~/.local/share/Authenticator``) + file name."""
    import platformdirs  # here, not at start-up: only needed when no vault path is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / VAULT_FILENAME


def resolve_vault_path(cli_value: str | None) -> Path:
    """The vault path to use: the command-line value, else ``$AUTHENTICATOR_VAULT``, else the
    default. ``~`` is expanded; an empty value counts as not given."""
    for candidate in (cli_value, os.environ.get(VAULT_ENV)):
        if candidate:
            return Path(candidate).expanduser()
    return default_vault_path()


def lock_path_for(vault_path: Path) -> Path:
    return vault_path.with_name(vault_path.name + ".lock")


def backup_dir_for(vault_path: Path) -> Path:
    return vault_path.parent / "backups"
