"""Moving keys in and out: import, export."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass

from authenticator.cli.common import (
    EXPORT_PASSWORD_ENV,
    IMPORT_PASSWORD_ENV,
    AddCommand,
    CliError,
    all_accounts,
    ask_password,
    given_password,
    is_tty,
    open_vault,
    prompt_password,
    save,
    say,
)
from authenticator.portability.exporters import (
    EXPORT_FORMATS,
    Destination,
    ExportFormat,
    PasswordUse,
    exporter_named,
)


def cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from authenticator.portability.base import PasswordRequired
    from authenticator.portability.registry import import_file, plan_import

    path = Path(args.file)
    # Asked for only once the file turns out to be encrypted (most exports are not).
    password = given_password(args, file_attr="import_password_file", env=IMPORT_PASSWORD_ENV)
    try:
        result = import_file(path, format_name=args.format, password=password)
    except PasswordRequired:
        if password is not None or not is_tty():
            raise
        password = prompt_password(f"Password of {path.name}: ")
        result = import_file(path, format_name=args.format, password=password)

    for problem in result.problems:
        say(f"could not read {problem.description}")
    if args.dry_run:
        print(f"{len(result.accounts)} accounts in {path.name} ({result.format_name}):")
        for account in result.accounts:
            print(f"  {account.issuer or '-'}  {account.name or '-'}  ({account.kind.value})")
        return 0
    with open_vault(args) as vault:
        plan = plan_import(vault.accounts, result)
        for incoming, existing in plan.duplicates:
            say(f"skipped {incoming.label}: already in the vault as {existing.label}")
        for account in plan.new:
            vault.add(account)
        if plan.new:
            save(vault)
    say(f"imported {len(plan.new)} of {len(result.accounts)} accounts from {result.format_name}")
    return 0


@dataclass(frozen=True, slots=True)
class _Words:
    """What ``export`` says for one format (English; the window has its own words).
    ``{count}``: accounts, ``{files}``: files written, ``{output}``: the path given."""

    done: str
    done_encrypted: str = ""
    protected_file: str = "the file"  # "Password for <this>: "
    unencrypted_text: str = "the following export holds your keys, unencrypted"


_WORDS = {
    "otpauth": _Words("wrote {count} links to {output}; this file holds your keys "
                      "unencrypted: delete it when done",
                      unencrypted_text="the following links are your keys, unencrypted"),
    "backup": _Words("", "wrote an encrypted backup of {count} accounts to {output}",
                     protected_file="the backup file"),
    "google-migration": _Words("scan these {files} QR codes with Google Authenticator, "
                               "in any order"),
    "aegis": _Words("wrote an Aegis vault of {count} accounts to {output}; this file holds "
                    "your keys unencrypted: delete it once Aegis has imported it",
                    "wrote an encrypted Aegis vault of {count} accounts to {output}",
                    protected_file="the Aegis file",
                    unencrypted_text="the following Aegis vault holds your keys, "
                                     "unencrypted"),
}


def _words(fmt: ExportFormat) -> _Words:
    """A format added to the registry without words of its own still gets plain ones."""
    return _WORDS.get(fmt.name) or _Words(
        f"wrote {{count}} accounts ({fmt.description}) to {{output}}; this file holds your "
        "keys unencrypted: delete it when done",
        f"wrote {{count}} accounts ({fmt.description}, encrypted) to {{output}}")


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    fmt = exporter_named(args.format)
    words = _words(fmt)
    accounts = all_accounts(args)
    if not accounts:
        raise CliError("the vault has no accounts to export")
    if args.encrypt and fmt.password is not PasswordUse.OPTIONAL:
        optional = " or ".join(f.name for f in EXPORT_FORMATS
                               if f.password is PasswordUse.OPTIONAL)
        always = "; ".join(f"a {f.name} is always encrypted" for f in EXPORT_FORMATS
                           if f.password is PasswordUse.ALWAYS)
        raise CliError(f"--encrypt applies to --format {optional} only"
                       + (f" ({always})" if always else ""))
    output = args.output or fmt.default_path
    if output is None and fmt.text is None:
        raise CliError(f"--output PATH is required for a {fmt.name}")
    password = None
    if fmt.password is PasswordUse.ALWAYS or args.encrypt:
        password = ask_password(args, file_attr="export_password_file", env=EXPORT_PASSWORD_ENV,
                                prompt=f"Password for {words.protected_file}: ", confirm=True)
    encrypted = fmt.encrypted_with(password)
    if output is None:  # a text format without --output: standard output
        assert fmt.text is not None
        text = fmt.text(accounts, password)
        if not encrypted and sys.stdout.isatty():
            say(f"warning: {words.unencrypted_text}")
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    # Files are 0600 and never written over an existing one (the window's writers too).
    paths = fmt.write(accounts, Path(output), password)
    if fmt.destination is Destination.FOLDER:
        for path in paths:
            print(path)
    say((words.done_encrypted if encrypted else words.done).format(
        count=len(accounts), files=len(paths), output=output))
    return 0


def register(add: AddCommand) -> None:
    from authenticator.portability.formats import import_epilog

    p = add("import", cmd_import, "import accounts exported by another authenticator")
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.epilog = import_epilog()
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", metavar="NAME", help="skip detection and read FILE as NAME")
    p.add_argument("--import-password-file", metavar="F",
                   help=f"password of an encrypted export (or set {IMPORT_PASSWORD_ENV})")
    p.add_argument("--dry-run", action="store_true",
                   help="list what would be imported, change nothing")

    p = add("export", cmd_export, "export the vault's keys")
    descriptions = [fmt.description for fmt in EXPORT_FORMATS]
    p.add_argument("--format", required=True, choices=[fmt.name for fmt in EXPORT_FORMATS],
                   help=", ".join(descriptions[:-1]) + ", or " + descriptions[-1])
    def names(wanted: Callable[[ExportFormat], bool]) -> str:
        return ", ".join(f.name for f in EXPORT_FORMATS if wanted(f))

    files = names(lambda f: f.destination is Destination.FILE)
    folders = names(lambda f: f.destination is Destination.FOLDER)
    optional = names(lambda f: f.password is PasswordUse.OPTIONAL)
    p.add_argument("--output", metavar="PATH",
                   help=f"file ({files}) or folder for numbered files ({folders})")
    p.add_argument("--encrypt", action="store_true",
                   help=f"{optional}: protect the file with a password (scrypt + AES-256-GCM)")
    p.add_argument("--export-password-file", metavar="F",
                   help=f"password for the backup or encrypted Aegis file (or set "
                        f"{EXPORT_PASSWORD_ENV})")
