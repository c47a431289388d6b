"""Moving keys in and out: import, export."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from authenticator.core.account import Account

from authenticator.cli.common import (
    EXPORT_PASSWORD_ENV,
    IMPORT_PASSWORD_ENV,
    AddCommand,
    CliError,
    ask_password,
    env_password,
    is_tty,
    open_vault,
    read_password_file,
    save,
    say,
)


def cmd_import(args: argparse.Namespace) -> int:
    import getpass
    from pathlib import Path

    from authenticator.portability.base import PasswordRequired
    from authenticator.portability.registry import import_file, plan_import

    path = Path(args.file)
    password = None
    if args.import_password_file:
        password = read_password_file(args.import_password_file)
    else:
        password = env_password(IMPORT_PASSWORD_ENV)
    try:
        result = import_file(path, format_name=args.format, password=password)
    except PasswordRequired:
        if password is not None or not is_tty():
            raise
        password = getpass.getpass(f"Password of {path.name}: ")
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


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from authenticator.portability import export

    with open_vault(args) as vault:
        accounts = list(vault.accounts)
    if not accounts:
        raise CliError("the vault has no accounts to export")
    if args.encrypt and args.format != "aegis":
        raise CliError("--encrypt applies to --format aegis only (a backup is always encrypted)")
    if args.format == "otpauth":
        if args.output:  # 0600, never over an existing file (the window's writer too)
            export.export_otpauth_file(accounts, Path(args.output))
            say(f"wrote {len(accounts)} links to {args.output}; this file holds your keys "
                 "unencrypted: delete it when done")
        else:
            text = export.export_otpauth(accounts)
            if sys.stdout.isatty():
                say("warning: the following links are your keys, unencrypted")
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    if args.format == "aegis":
        return _export_aegis(args, accounts)
    if args.format == "backup":
        if not args.output:
            raise CliError("--output PATH is required for a backup")
        password = ask_password(args, file_attr="export_password_file", env=EXPORT_PASSWORD_ENV,
                             prompt="Password for the backup file: ", confirm=True)
        export.export_backup(accounts, Path(args.output), password)
        say(f"wrote an encrypted backup of {len(accounts)} accounts to {args.output}")
        return 0
    folder = Path(args.output or ".")
    paths = export.export_google_migration_pngs(accounts, folder)
    for path in paths:
        print(path)
    say(f"scan these {len(paths)} QR codes with Google Authenticator, in any order")
    return 0


def _export_aegis(args: argparse.Namespace, accounts: list[Account]) -> int:
    from pathlib import Path

    from authenticator.portability import aegis_export

    password = None
    if args.encrypt:
        password = ask_password(args, file_attr="export_password_file",
                                env=EXPORT_PASSWORD_ENV,
                                prompt="Password for the Aegis file: ", confirm=True)
    if not args.output:
        if password is None and sys.stdout.isatty():
            say("warning: the following Aegis vault holds your keys, unencrypted")
        sys.stdout.write(aegis_export.export_aegis(accounts, password).decode("utf-8") + "\n")
        return 0
    aegis_export.export_aegis_file(accounts, Path(args.output), password)
    if password is None:
        say(f"wrote an Aegis vault of {len(accounts)} accounts to {args.output}; this file "
            "holds your keys unencrypted: delete it once Aegis has imported it")
    else:
        say(f"wrote an encrypted Aegis vault of {len(accounts)} accounts to {args.output}")
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
    p.add_argument("--format", required=True,
                   choices=["otpauth", "backup", "google-migration", "aegis"],
                   help="otpauth links, our encrypted backup, Google Authenticator QR codes, "
                        "or an Aegis vault file that Aegis imports as its own backup")
    p.add_argument("--output", metavar="PATH",
                   help="file (otpauth, backup, aegis) or folder for numbered PNGs "
                        "(google-migration)")
    p.add_argument("--encrypt", action="store_true",
                   help="aegis: protect the file with a password (scrypt + AES-256-GCM)")
    p.add_argument("--export-password-file", metavar="F",
                   help=f"password for the backup or encrypted Aegis file (or set "
                        f"{EXPORT_PASSWORD_ENV})")
