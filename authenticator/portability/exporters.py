"""The export formats by name: one registry the CLI (``export --format``) and the window's
Export menu both list, instead of each spelling out the formats in an if/elif chain.

Light to import (the CLI builds its parser from it): each format's writer imports its
module (segno, the Aegis crypto, the vault format) only when called.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from authenticator.core.errors import AuthenticatorError

if TYPE_CHECKING:
    from authenticator.core.account import Account


class PasswordUse(enum.Enum):
    """Whether a format is protected by a password."""

    NEVER = "never"  # the file holds the keys unencrypted
    OPTIONAL = "optional"  # encrypted when a password is given
    ALWAYS = "always"  # cannot be written without one


class Destination(enum.Enum):
    FILE = "file"  # one file at the path given
    FOLDER = "folder"  # several numbered files in the folder given


#: Writes ``accounts`` at a path (file or folder, see ``destination``) with an optional
#: password; returns the files written.
Writer = Callable[["Sequence[Account]", Path, "str | None"], list[Path]]
#: The same export as text (for standard output); None for formats that are not text.
TextForm = Callable[["Sequence[Account]", "str | None"], str]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str  # ``export --format NAME``
    description: str  # English, for ``export --help``
    suffix: str  # the file name ending written (per file for a folder)
    password: PasswordUse
    destination: Destination
    write: Writer
    text: TextForm | None = None
    #: The name of the importer (:mod:`registry`) that reads the file back, if there is one.
    importer: str | None = None
    #: Where to write when no path is given and there is no text form (None: a path is needed).
    default_path: str | None = None

    def encrypted_with(self, password: str | None) -> bool:
        return self.password is PasswordUse.ALWAYS or (
            self.password is PasswordUse.OPTIONAL and password is not None)


class UnknownExportFormat(AuthenticatorError):
    """No export format has this name."""


# -- the writers (each imports its module when used) -------------------------------------
def _otpauth_write(accounts: Sequence[Account], path: Path, _password: str | None) -> list[Path]:
    from authenticator.portability.export import export_otpauth_file

    return [export_otpauth_file(accounts, path)]


def _otpauth_text(accounts: Sequence[Account], _password: str | None) -> str:
    from authenticator.portability.export import export_otpauth

    return export_otpauth(accounts)


def _backup_write(accounts: Sequence[Account], path: Path, password: str | None) -> list[Path]:
    from authenticator.portability.export import export_backup

    if password is None:
        raise AuthenticatorError("a backup needs a password")
    return [export_backup(accounts, path, password)]


def _google_write(accounts: Sequence[Account], folder: Path,
                  _password: str | None) -> list[Path]:
    from authenticator.portability.export import export_google_migration_pngs

    return export_google_migration_pngs(accounts, folder)


def _aegis_write(accounts: Sequence[Account], path: Path, password: str | None) -> list[Path]:
    from authenticator.portability.aegis_export import export_aegis_file

    return [export_aegis_file(accounts, path, password)]


def _aegis_text(accounts: Sequence[Account], password: str | None) -> str:
    from authenticator.portability.aegis_export import export_aegis

    return export_aegis(accounts, password).decode("utf-8")


#: In the order shown to users (``export --help``, the window's Export menu, where the
#: backup is the separate "Back up…" entry): the two made for other apps first.
EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("google-migration", "Google Authenticator QR codes", ".png",
                 PasswordUse.NEVER, Destination.FOLDER, _google_write, default_path="."),
    ExportFormat("aegis", "an Aegis vault file that Aegis imports as its own backup", ".json",
                 PasswordUse.OPTIONAL, Destination.FILE, _aegis_write, text=_aegis_text,
                 importer="aegis"),
    ExportFormat("otpauth", "otpauth links", ".txt", PasswordUse.NEVER, Destination.FILE,
                 _otpauth_write, text=_otpauth_text, importer="otpauth"),
    ExportFormat("backup", "our encrypted backup", ".authvault", PasswordUse.ALWAYS,
                 Destination.FILE, _backup_write, importer="backup"),
)


def export_format_names() -> list[str]:
    return [fmt.name for fmt in EXPORT_FORMATS]


def exporter_named(name: str) -> ExportFormat:
    for fmt in EXPORT_FORMATS:
        if fmt.name == name.strip().lower():
            return fmt
    raise UnknownExportFormat(f"unknown export format {name.strip()[:20]!r} "
                              f"(known: {', '.join(export_format_names())})")
