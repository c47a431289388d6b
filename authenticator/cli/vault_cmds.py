"""Commands on the vault: gui, code, init, add, list, remove, passwd."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from authenticator.core.account import Account

from authenticator.cli.common import (
    NEW_PASSWORD_ENV,
    AddCommand,
    CliError,
    add_accounts,
    all_accounts,
    ask_password,
    clock_of,
    is_tty,
    one,
    open_vault,
    print_json,
    save,
    say,
    select,
    unix_time,
    update_and_save,
    vault_path,
)


def cmd_gui(args: argparse.Namespace) -> int:
    from authenticator.ui.app import run_gui

    return run_gui(vault_path=getattr(args, "vault", None), start_minimized=args.minimized)


def cmd_code(args: argparse.Namespace) -> int:
    from authenticator.core.account import OtpKind
    from authenticator.core.otp import code_at

    now = clock_of(args).now()
    if args.uri:
        if args.query:
            raise CliError("give either --uri or a search term, not both")
        from authenticator.core.uri import parse_uri

        accounts = [parse_uri(text) for text in args.uri]
        for account in accounts:
            print(code_at(account, now))
        return 0

    with open_vault(args) as vault:
        matches = select(vault, args.query)
        if not matches:
            raise CliError(f"no account matches {args.query!r}" if args.query
                           else "the vault has no accounts yet")
        # An HOTP code is used up once shown, so only an explicit request for that one
        # account's next code shows it (and advances the counter); listing codes never does.
        explicit = bool(args.query) and len(matches) == 1
        lines: list[tuple[Account, str]] = []
        for account in matches:
            if account.kind is OtpKind.HOTP and not explicit:
                lines.append((account, "(HOTP: ask for it by name to use the next code)"))
                continue
            lines.append((account, code_at(account, now)))
            if account.kind is OtpKind.HOTP:
                update_and_save(vault, account.evolve(counter=account.counter + 1))
        if len(lines) == 1 and explicit:
            print(lines[0][1])
        else:
            width = max(len(a.label) for a, _ in lines)
            for account, code in lines:
                print(f"{account.label:<{width}}  {code}")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from authenticator.storage.vault import Vault

    path = vault_path(args)
    if path.exists():
        raise CliError(f"a vault already exists at {path}")
    password = ask_password(args, prompt="New vault password: ", confirm=True)
    say("Deriving the key (calibrating to this computer)...")
    vault = Vault.create(path, password)
    vault.close()
    say(f"created {path}")
    say("Keep this password safe: it cannot be recovered.")
    return 0


def _scan_accounts(image: str) -> list[Account]:
    from pathlib import Path

    from authenticator.scan.pipeline import scan_file

    result = scan_file(Path(image))
    accounts = list(result.accounts)
    for batch in result.migration_batches:
        accounts.extend(batch.accounts)
        for reason in batch.skipped:
            say(f"skipped {reason}")
    if not accounts:
        raise CliError(f"{image}: {result.error or 'no authenticator key found'}")
    return accounts


def _accounts_from_link(text: str) -> list[Account]:
    from authenticator.core.links import parse_link
    from authenticator.core.migration import MigrationBatch

    batch = parse_link(text)
    if isinstance(batch, MigrationBatch):
        for reason in batch.skipped:
            say(f"skipped {reason}")
        if batch.batch_size > 1:
            say(f"this is part {batch.batch_index + 1} of {batch.batch_size} of an export; "
                 "add the other parts too")
        return list(batch.accounts)
    return [batch]


def cmd_add(args: argparse.Namespace) -> int:
    if bool(args.uri) == bool(args.scan):
        raise CliError("give either a link or --scan IMAGE")
    accounts = _scan_accounts(args.scan) if args.scan else _accounts_from_link(args.uri)
    with open_vault(args) as vault:
        if add_accounts(vault, accounts):
            save(vault)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    accounts = all_accounts(args)
    if args.json:
        print_json([a.to_listing_json() for a in accounts])
        return 0
    if not accounts:
        say("the vault has no accounts yet")
        return 0
    width = max(len(a.issuer) for a in accounts)
    for account in accounts:
        kind = account.kind.value
        print(f"{account.issuer:<{width}}  {account.name}  ({kind})".rstrip())
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        account = one(vault, args.query)
        if is_tty() and not args.yes:
            answer = input(f"Remove {account.label}? Its key will be gone. [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                say("nothing removed")
                return 1
        vault.remove(account.id)
        save(vault)
    say(f"removed {account.label}")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        new = ask_password(args, file_attr="new_password_file", env=NEW_PASSWORD_ENV,
                        prompt="New vault password: ", confirm=True)
        from authenticator.storage.kdf import calibrate_kdf

        say("Deriving the key (calibrating to this computer)...")
        vault.change_password(new, kdf=calibrate_kdf())
    say("password changed")
    return 0


def register(add: AddCommand) -> None:
    p = add("gui", cmd_gui, "open the window (the default)")
    p.add_argument("--minimized", action="store_true", help="start hidden in the tray")

    p = add("code", cmd_code, "print codes: of --uri links (no vault), or of vault accounts "
            "matching QUERY (one match: the bare code)")
    p.add_argument("query", nargs="?", metavar="QUERY")
    p.add_argument("--uri", action="append", metavar="URI", help="an otpauth:// link (repeat)")
    p.add_argument("--at", type=unix_time, metavar="UNIX_SECONDS",
                   help="compute for this time instead of now")

    add("init", cmd_init, "create a vault")

    p = add("add", cmd_add, "add an otpauth:// or otpauth-migration:// link, or the keys "
            "in a QR image")
    p.add_argument("uri", nargs="?", metavar="URI")
    p.add_argument("--scan", metavar="IMAGE", help="read the QR codes in IMAGE")

    p = add("list", cmd_list, "list accounts (never secrets)")
    p.add_argument("--json", action="store_true", help="machine-readable output")

    p = add("remove", cmd_remove, "remove the account matching QUERY")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("-y", "--yes", action="store_true", help="don't ask for confirmation")

    p = add("passwd", cmd_passwd, "change the vault password")
    p.add_argument("--new-password-file", metavar="F",
                   help=f"read the new password from F (or set {NEW_PASSWORD_ENV})")
