"""Format detection and the one entry point the CLI and GUI call to import a file."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from authenticator.core.account import Account
from authenticator.core.duplicates import KeyIndex
from authenticator.portability import _prefs, _sqlite
from authenticator.portability._json import decode_text
from authenticator.portability.aegis import AegisImporter
from authenticator.portability.andotp import AndOtpImporter, may_be_old_encrypted
from authenticator.portability.authplus import AuthenticatorPlusImporter
from authenticator.portability.authy import AuthyImporter
from authenticator.portability.backup import BackupImporter
from authenticator.portability.base import (
    ImportEntryProblem,
    Importer,
    ImportFailed,
    ImportResult,
    PasswordRequired,
)
from authenticator.portability.battlenet import BattleNetImporter
from authenticator.portability.bitwarden import BitwardenCsvImporter, BitwardenJsonImporter
from authenticator.portability.duo import DuoImporter
from authenticator.portability.freeotp import FreeOtpPlusImporter
from authenticator.portability.freeotp_backup import FreeOtpBackupImporter
from authenticator.portability.freeotp_xml import FreeOtpXmlImporter
from authenticator.portability.google_db import GoogleAuthenticatorDbImporter
from authenticator.portability.links import GoogleMigrationImporter, OtpauthListImporter
from authenticator.portability.microsoft import MicrosoftAuthenticatorImporter
from authenticator.portability.proton import ProtonImporter
from authenticator.portability.steam import SteamImporter
from authenticator.portability.stratum import StratumImporter
from authenticator.portability.totp_authenticator import TotpAuthenticatorImporter
from authenticator.portability.twofas import TwoFasImporter
from authenticator.portability.winauth import WinAuthImporter
from authenticator.storage.errors import VaultError, VaultNotFoundError
from authenticator.storage.files import read_limited

#: Larger files are not authenticator exports; refusing them keeps memory use bounded.
MAX_FILE_BYTES = 20 * 1024 * 1024

#: Order matters only for ambiguous content: binary magics and specific signatures first
#: (Authenticator Plus's SQLite schema before Google's, which it extends; WinAuth's links
#: before plain link lists), the loose sniffs of base64 text and of encrypted andOTP last.
IMPORTERS: tuple[Importer, ...] = (
    BackupImporter(),
    AegisImporter(),
    TwoFasImporter(),
    BitwardenJsonImporter(),
    FreeOtpPlusImporter(),
    FreeOtpBackupImporter(),
    StratumImporter(),
    ProtonImporter(),
    SteamImporter(),
    DuoImporter(),
    AuthyImporter(),
    BattleNetImporter(),
    FreeOtpXmlImporter(),
    AuthenticatorPlusImporter(),
    MicrosoftAuthenticatorImporter(),
    GoogleAuthenticatorDbImporter(),
    BitwardenCsvImporter(),
    GoogleMigrationImporter(),
    WinAuthImporter(),
    OtpauthListImporter(),
    TotpAuthenticatorImporter(),
    AndOtpImporter(),
)


def importer_named(format_name: str) -> Importer:
    for importer in IMPORTERS:
        if importer.name == format_name.strip().lower():
            return importer
    names = ", ".join(i.name for i in IMPORTERS)
    raise ImportFailed(f"unknown import format {format_name.strip()[:20]!r} (known: {names})")


def detect_format(data: bytes) -> Importer:
    """The importer that recognises ``data``; ImportFailed when none does."""
    for importer in IMPORTERS:
        if importer.detect(data):
            return importer
    if may_be_old_encrypted(data):  # old andOTP files are random from byte 0: last resort
        return importer_named(AndOtpImporter.name)
    if not data.strip():
        raise ImportFailed("this file is empty")
    text = decode_text(data)
    if text is not None and text.lstrip()[:1] in ("{", "["):
        raise ImportFailed("this file looks like JSON but is damaged or incomplete, or comes "
                           "from an app I cannot import")
    labels = ", ".join(i.label for i in IMPORTERS)
    raise ImportFailed(f"this file is not in a format I can import ({labels})")


def import_bytes(data: bytes, *, format_name: str | None = None,
                 password: str | None = None,
                 siblings: dict[str, bytes] | None = None) -> ImportResult:
    """Import an export held in memory (``siblings``: a database's ``-wal``/``-shm`` files).

    Raises :class:`PasswordRequired` when the content is encrypted and ``password`` is None,
    and :class:`ImportFailed` (one line, never a secret) for everything else that goes wrong.
    """
    try:
        importer = importer_named(format_name) if format_name else detect_format(data)
        if password is None and importer.is_encrypted(data):
            raise PasswordRequired(f"this {importer.label} file is encrypted: "
                                   "its password is needed")
        if getattr(importer, "uses_siblings", False):
            return importer.load(data, password, siblings=siblings)  # type: ignore[call-arg]
        return importer.load(data, password)
    finally:
        # Detection caches parsed content (which may hold keys): drop it once done.
        _prefs.prefs_strings.cache_clear()
        _sqlite.schema.cache_clear()


def import_file(path: str | os.PathLike[str], *, format_name: str | None = None,
                password: str | None = None) -> ImportResult:
    """Read ``path`` and import it (see :func:`import_bytes`)."""
    file = Path(path)
    try:  # regular files only (a FIFO or /dev/zero is refused before reading), bounded size
        data = read_limited(file, "export file", MAX_FILE_BYTES)
        siblings = _sqlite.read_siblings(file) if _sqlite.is_sqlite(data) else None
    except VaultNotFoundError:
        raise ImportFailed(f"cannot read {file.name}: no such file") from None
    except VaultError as exc:
        raise ImportFailed(f"cannot read {file.name}: {str(exc).replace(str(file), 'it')}") \
            from None
    except OSError as exc:
        reason = exc.strerror or "it cannot be read"
        raise ImportFailed(f"cannot read {file.name}: {reason.lower()}") from None
    return import_bytes(data, format_name=format_name, password=password, siblings=siblings)


@dataclass
class ImportPlan:
    """What an import would do: accounts to add, duplicates skipped by default, problems.

    ``duplicates`` pairs each skipped incoming account with the account it duplicates: an
    existing one, or an earlier account of the same import.
    """

    new: list[Account] = field(default_factory=list)
    duplicates: list[tuple[Account, Account]] = field(default_factory=list)
    problems: list[ImportEntryProblem] = field(default_factory=list)


def plan_import(existing: Sequence[Account], result: ImportResult) -> ImportPlan:
    plan = ImportPlan(problems=list(result.problems))
    known = KeyIndex(existing)
    for incoming in result.accounts:
        same = known.find(incoming)
        if same is not None:
            plan.duplicates.append((incoming, same))
            continue
        plan.new.append(incoming)
        known.add(incoming)
    return plan
