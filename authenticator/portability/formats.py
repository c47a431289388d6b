"""The import formats by name, for ``import --help`` and the README (no heavy imports:
the CLI builds its parser from this without loading any importer)."""

from __future__ import annotations

#: ``(--format NAME, what it reads)``, in the order shown to users. A test checks that it
#: names exactly the importers of :mod:`registry`.
IMPORT_FORMATS: tuple[tuple[str, str], ...] = (
    ("aegis", "Aegis vault export, plain or encrypted (.json)"),
    ("2fas", "2FAS backup, plain or encrypted (.2fas)"),
    ("andotp", "andOTP backup: plain JSON, encrypted (.json.aes), or the old encrypted "
               "format of andOTP 0.6.2 and earlier"),
    ("authenticator-plus", "Authenticator Plus: the password-protected ZIP of 'Export as "
                           "Text and HTML', or the authplus.db backup (SQLCipher: needs the "
                           "optional 'sqlcipher' extra)"),
    ("authy", "Authy for Android: shared_prefs/com.authy.storage.tokens.authenticator.xml "
              "or ...tokens.authy.xml, plain or encrypted"),
    ("battlenet", "Battle.net Authenticator: shared_prefs of the current app "
                  "(com.blizzard.messenger) or the legacy one (com.blizzard.bma)"),
    ("bitwarden", "Bitwarden or Bitwarden Authenticator JSON export (unencrypted)"),
    ("bitwarden-csv", "Bitwarden CSV export (login_totp column)"),
    ("duo", "Duo Mobile: files/duokit/accounts.json"),
    ("freeotp", "FreeOTP+ JSON export"),
    ("freeotp-backup", "FreeOTP 2 backup file (encrypted with the backup password; every "
                       "Android variant of its Java-serialized map)"),
    ("freeotp-xml", "FreeOTP 1.x or FreeOTP+ internal shared_prefs/tokens.xml"),
    ("google-authenticator-db", "Google Authenticator's internal database "
                                "(databases/databases, app 5.10 and earlier)"),
    ("google-migration", "Google Authenticator 'Transfer accounts' links "
                         "(otpauth-migration://, one per line)"),
    ("microsoft-authenticator", "Microsoft Authenticator's internal database "
                                "(databases/PhoneFactor)"),
    ("otpauth", "a list of otpauth:// links, one per line (Ente Auth plain export, "
                "Stratum/FreeOTP+ link exports, hand-made lists)"),
    ("proton", "Proton Authenticator export, plain or password-protected"),
    ("steam", "Steam Guard: the old Steam app's Steamguard-<id> file, a Steam Desktop "
              "Authenticator .maFile (unencrypted) or a decrypted {\"accounts\": ...} blob"),
    ("stratum", "Stratum / Authenticator Pro backup (plain .json, encrypted current or "
                "legacy .authpro) or its internal database authenticator.db3 "
                "(password-protected databases need the 'sqlcipher' extra)"),
    ("totp-authenticator", "TOTP Authenticator (BinaryBoot): encrypted .bin backup or "
                           "shared_prefs/TOTP_Authenticator_Preferences.xml"),
    ("winauth", "WinAuth text export (otpauth links with WinAuth's naming)"),
    ("backup", "this app's own encrypted backup"),
)


def import_epilog() -> str:
    """The format list shown by ``authenticator import --help``."""
    import textwrap

    width = max(len(name) for name, _ in IMPORT_FORMATS)
    lines = ["formats (detected from the file's content; --format NAME to choose):"]
    for name, what in IMPORT_FORMATS:
        lines.append(textwrap.fill(what, 78, initial_indent=f"  {name.ljust(width)}  ",
                                   subsequent_indent=" " * (width + 4)))
    lines.append("")
    lines.append(textwrap.fill("Databases are read from a private copy, together with the "
                               "-wal/-shm files found next to them: copy those too.", 78))
    return "\n".join(lines)
