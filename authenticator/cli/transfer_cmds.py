"""Moving keys in and out: import, export."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

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
    if args.format == "otpauth":
        text = export.export_otpauth(accounts)
        if args.output:
            try:  # never overwrites, never follows a symlink (O_CREAT | O_EXCL)
                export.export_otpauth_file(accounts, Path(args.output))
            except export.ExportFailed as exc:
                raise CliError(str(exc)) from None
            say(f"wrote {len(accounts)} links to {args.output}; this file holds your keys "
                 "unencrypted: delete it when done")
        else:
            if sys.stdout.isatty():
                say("warning: the following links are your keys, unencrypted")
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
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


def register(add: AddCommand) -> None:
    p = add("import", cmd_import, "import accounts exported by another authenticator")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", metavar="NAME", help="skip detection and read FILE as NAME")
    p.add_argument("--import-password-file", metavar="F",
                   help=f"password of an encrypted export (or set {IMPORT_PASSWORD_ENV})")
    p.add_argument("--dry-run", action="store_true",
                   help="list what would be imported, change nothing")

    p = add("export", cmd_export, "export the vault's keys")
    p.add_argument("--format", required=True, choices=["otpauth", "backup", "google-migration"])
    p.add_argument("--output", metavar="PATH",
                   help="file (otpauth, backup) or folder for numbered PNGs (google-migration)")
    p.add_argument("--export-password-file", metavar="F",
                   help=f"password for the backup file (or set {EXPORT_PASSWORD_ENV})")
