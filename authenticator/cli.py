"""Command line: the GUI by default, subcommands for scripts (contract in DESIGN.md).

Exit status: 0 success, 1 error (one ``error: ...`` line on stderr, never a traceback),
2 usage error. Subcommands other than ``gui`` never import Qt or OpenCV at start-up:
heavy modules are imported inside the command that needs them.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from authenticator import __version__
from authenticator.core.errors import AuthenticatorError

if TYPE_CHECKING:  # imported lazily at run time: `code --uri` must start fast
    from pathlib import Path

    from authenticator.core.account import Account
    from authenticator.storage.vault import Vault

PASSWORD_ENV = "AUTHENTICATOR_PASSWORD"  # noqa: S105 (a variable name)
NEW_PASSWORD_ENV = "AUTHENTICATOR_NEW_PASSWORD"  # noqa: S105 (a variable name)
EXPORT_PASSWORD_ENV = "AUTHENTICATOR_EXPORT_PASSWORD"  # noqa: S105 (a variable name)
IMPORT_PASSWORD_ENV = "AUTHENTICATOR_IMPORT_PASSWORD"  # noqa: S105 (a variable name)


class CliError(AuthenticatorError):
    """A command-line problem reported as ``error: ...`` with exit status 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"error: {message}\n")


# -- passwords ----------------------------------------------------------------------------
def _read_password_file(path: str) -> str:
    from pathlib import Path

    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot read the password file {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise CliError(f"the password file {path} is not UTF-8 text") from None
    return text.rstrip("\r\n")


def _is_tty() -> bool:
    return sys.stdin.isatty()


def _password(
    args: argparse.Namespace,
    *,
    file_attr: str = "password_file",
    env: str = PASSWORD_ENV,
    prompt: str = "Vault password: ",
    confirm: bool = False,
) -> str:
    path = getattr(args, file_attr, None)
    if path:
        return _read_password_file(path)
    if os.environ.get(env):
        return os.environ[env]
    import getpass

    if not _is_tty():
        option = "--" + file_attr.replace("_", "-")
        raise CliError(f"a password is needed: use {option} or set {env}")
    value = getpass.getpass(prompt)
    if confirm:
        again = getpass.getpass("Repeat the password: ")
        if again != value:
            raise CliError("the two passwords are different")
    if not value:
        raise CliError("the password is empty")
    return value


# -- helpers ------------------------------------------------------------------------------
def _now(args: argparse.Namespace) -> float:
    at = getattr(args, "at", None)
    return float(at) if at is not None else time.time()


def _vault_path(args: argparse.Namespace) -> Path:
    from authenticator.storage.paths import resolve_vault_path

    return resolve_vault_path(getattr(args, "vault", None))


def _open_vault(args: argparse.Namespace) -> Vault:
    from authenticator.storage.vault import Vault

    path = _vault_path(args)
    if not path.exists():
        raise CliError(f"no vault at {path}: create one with 'authenticator init'")
    return Vault.open(path, _password(args))


def _say(message: str) -> None:
    """Informational line for a person (stderr, so stdout stays machine-readable)."""
    print(message, file=sys.stderr)


def _select(vault: Vault, query: str | None) -> list[Account]:
    if not query:
        return list(vault.accounts)
    return vault.find(query)


def _one(vault: Vault, query: str) -> Account:
    matches = _select(vault, query)
    if not matches:
        raise CliError(f"no account matches {query!r}")
    exact = [a for a in matches if query.casefold() in (a.id, a.label.casefold())]
    if len(matches) > 1 and len(exact) == 1:
        return exact[0]
    if len(matches) > 1:
        names = ", ".join(a.label for a in matches[:5])
        raise CliError(f"{query!r} matches {len(matches)} accounts ({names}): be more specific")
    return matches[0]


def _weak_note(account: Account) -> None:
    if account.is_weak:
        article = "an" if str(account.key_bits).startswith(("8", "11", "18")) else "a"
        _say(f"note: {account.label} uses {article} {account.key_bits}-bit key; "
             "128 bits or more is recommended")


def _add_accounts(vault: Vault, accounts: Sequence[Account]) -> int:
    added = 0
    for account in accounts:
        duplicate = next((a for a in vault.accounts if a.same_key(account)), None)
        if duplicate is not None:
            _say(f"skipped {account.label}: the same key is already in the vault "
                 f"as {duplicate.label}")
            continue
        vault.add(account)
        _weak_note(account)
        _say(f"added {account.label}")
        added += 1
    return added


def _save(vault: Vault) -> None:
    report = vault.save()
    if report.message:
        _say(report.message)


# -- commands -----------------------------------------------------------------------------
def cmd_gui(args: argparse.Namespace) -> int:
    from authenticator.ui.app import run_gui

    return run_gui(vault_path=getattr(args, "vault", None), start_minimized=args.minimized)


def cmd_code(args: argparse.Namespace) -> int:
    from authenticator.core.account import OtpKind
    from authenticator.core.otp import code_at

    now = _now(args)
    if args.uri:
        if args.query:
            raise CliError("give either --uri or a search term, not both")
        from authenticator.core.uri import parse_uri

        accounts = [parse_uri(text) for text in args.uri]
        for account in accounts:
            print(code_at(account, now))
        return 0

    with _open_vault(args) as vault:
        matches = _select(vault, args.query)
        if not matches:
            raise CliError(f"no account matches {args.query!r}" if args.query
                           else "the vault has no accounts yet")
        changed = False
        lines = []
        for account in matches:
            lines.append((account, code_at(account, now)))
            if account.kind is OtpKind.HOTP:  # a shown HOTP code is used up: advance
                vault.update(account.evolve(counter=account.counter + 1))
                changed = True
        if changed:
            _save(vault)
        if len(lines) == 1:
            print(lines[0][1])
        else:
            width = max(len(a.label) for a, _ in lines)
            for account, code in lines:
                print(f"{account.label:<{width}}  {code}")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from authenticator.storage.vault import Vault

    path = _vault_path(args)
    if path.exists():
        raise CliError(f"a vault already exists at {path}")
    password = _password(args, prompt="New vault password: ", confirm=True)
    _say("Deriving the key (calibrating to this computer)...")
    vault = Vault.create(path, password)
    vault.close()
    _say(f"created {path}")
    _say("Keep this password safe: it cannot be recovered.")
    return 0


def _scan_accounts(image: str) -> list[Account]:
    from pathlib import Path

    from authenticator.scan.pipeline import scan_file

    result = scan_file(Path(image))
    accounts = list(result.accounts)
    for batch in result.migration_batches:
        accounts.extend(batch.accounts)
        for reason in batch.skipped:
            _say(f"skipped {reason}")
    if not accounts:
        raise CliError(f"{image}: {result.error or 'no authenticator key found'}")
    return accounts


def _accounts_from_link(text: str) -> list[Account]:
    from authenticator.core.migration import parse_migration_uri
    from authenticator.core.uri import parse_uri

    if text.strip().lower().startswith("otpauth-migration:"):
        batch = parse_migration_uri(text)
        for reason in batch.skipped:
            _say(f"skipped {reason}")
        if batch.batch_size > 1:
            _say(f"this is part {batch.batch_index + 1} of {batch.batch_size} of an export; "
                 "add the other parts too")
        return list(batch.accounts)
    return [parse_uri(text)]


def cmd_add(args: argparse.Namespace) -> int:
    if bool(args.uri) == bool(args.scan):
        raise CliError("give either a link or --scan IMAGE")
    accounts = _scan_accounts(args.scan) if args.scan else _accounts_from_link(args.uri)
    with _open_vault(args) as vault:
        if _add_accounts(vault, accounts):
            _save(vault)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    import json

    with _open_vault(args) as vault:
        accounts = list(vault.accounts)
    if args.json:
        print(json.dumps([a.to_listing_json() for a in accounts], ensure_ascii=False, indent=2))
        return 0
    if not accounts:
        _say("the vault has no accounts yet")
        return 0
    width = max(len(a.issuer) for a in accounts)
    for account in accounts:
        kind = account.kind.value
        print(f"{account.issuer:<{width}}  {account.name}  ({kind})".rstrip())
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with _open_vault(args) as vault:
        account = _one(vault, args.query)
        if _is_tty() and not args.yes:
            answer = input(f"Remove {account.label}? Its key will be gone. [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                _say("nothing removed")
                return 1
        vault.remove(account.id)
        _save(vault)
    _say(f"removed {account.label}")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    with _open_vault(args) as vault:
        new = _password(args, file_attr="new_password_file", env=NEW_PASSWORD_ENV,
                        prompt="New vault password: ", confirm=True)
        from authenticator.storage.kdf import calibrate_kdf

        _say("Deriving the key (calibrating to this computer)...")
        vault.change_password(new, kdf=calibrate_kdf())
    _say("password changed")
    return 0


def cmd_scan(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from authenticator.core.uri import format_uri
    from authenticator.scan.decoders import decoder_note
    from authenticator.scan.pipeline import scan_file

    note = decoder_note()
    if note:
        _say(f"note: {note}")
    report: list[dict[str, Any]] = []
    failed = False
    for image in args.images:
        try:
            result = scan_file(Path(image))
            accounts = list(result.accounts)
            for batch in result.migration_batches:
                accounts.extend(batch.accounts)
            error = None if accounts else (result.error or "no authenticator key found")
        except AuthenticatorError as exc:
            accounts, error = [], str(exc)
        failed |= error is not None
        report.append({"file": image, "accounts": accounts, "error": error})
        if not args.json:
            if error:
                print(f"error: {image}: {error}", file=sys.stderr)
            for account in accounts:
                print(format_uri(account))
    if args.json:
        for entry in report:
            entry["accounts"] = [a.to_public_json() for a in entry["accounts"]]
        print(json.dumps(report, ensure_ascii=False, indent=2))
    return 1 if failed else 0


def cmd_import(args: argparse.Namespace) -> int:
    import getpass
    from pathlib import Path

    from authenticator.portability.base import PasswordRequired
    from authenticator.portability.registry import import_file, plan_import

    path = Path(args.file)
    password = None
    if args.import_password_file:
        password = _read_password_file(args.import_password_file)
    elif os.environ.get(IMPORT_PASSWORD_ENV):
        password = os.environ[IMPORT_PASSWORD_ENV]
    try:
        result = import_file(path, format_name=args.format, password=password)
    except PasswordRequired:
        if password is not None or not _is_tty():
            raise
        password = getpass.getpass(f"Password of {path.name}: ")
        result = import_file(path, format_name=args.format, password=password)

    for problem in result.problems:
        _say(f"could not read {problem.description}")
    if args.dry_run:
        print(f"{len(result.accounts)} accounts in {path.name} ({result.format_name}):")
        for account in result.accounts:
            print(f"  {account.issuer or '-'}  {account.name or '-'}  ({account.kind.value})")
        return 0
    with _open_vault(args) as vault:
        plan = plan_import(vault.accounts, result)
        for incoming, existing in plan.duplicates:
            _say(f"skipped {incoming.label}: already in the vault as {existing.label}")
        for account in plan.new:
            vault.add(account)
        if plan.new:
            _save(vault)
    _say(f"imported {len(plan.new)} of {len(result.accounts)} accounts from {result.format_name}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from authenticator.portability import export

    with _open_vault(args) as vault:
        accounts = list(vault.accounts)
    if not accounts:
        raise CliError("the vault has no accounts to export")
    if args.format == "otpauth":
        text = export.export_otpauth(accounts)
        if args.output:
            _write_private(Path(args.output), text)
            _say(f"wrote {len(accounts)} links to {args.output}; this file holds your keys "
                 "unencrypted: delete it when done")
        else:
            if sys.stdout.isatty():
                _say("warning: the following links are your keys, unencrypted")
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    if args.format == "backup":
        if not args.output:
            raise CliError("--output PATH is required for a backup")
        password = _password(args, file_attr="export_password_file", env=EXPORT_PASSWORD_ENV,
                             prompt="Password for the backup file: ", confirm=True)
        export.export_backup(accounts, Path(args.output), password)
        _say(f"wrote an encrypted backup of {len(accounts)} accounts to {args.output}")
        return 0
    folder = Path(args.output or ".")
    paths = export.export_google_migration_pngs(accounts, folder)
    for path in paths:
        print(path)
    _say(f"scan these {len(paths)} QR codes with Google Authenticator, in any order")
    return 0


def _write_private(path: Path, text: str) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            os.fchmod(fd, 0o600)  # an existing file keeps its mode otherwise: make it private
            handle.truncate()  # ... before the keys are written into it
            handle.write(text)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror}") from None


def cmd_clock(args: argparse.Namespace) -> int:
    import json

    from authenticator.core.drift import describe_offset
    from authenticator.timesync.sntp import DEFAULT_SERVERS, measure_offset

    result = measure_offset(args.server or DEFAULT_SERVERS)
    if args.json:
        print(json.dumps({"offset": round(result.offset, 6), "delay": round(result.delay, 6),
                          "server": result.server}))
    else:
        print(f"offset {result.offset:+.3f} s, delay {result.delay * 1000:.0f} ms "
              f"({result.server})")
        print(describe_offset(result.offset))
    return 0


# -- parser -------------------------------------------------------------------------------
def _unix_time(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of Unix seconds: {text!r}") from None
    if not 0 <= value < 2**40:
        raise argparse.ArgumentTypeError("the time must be between 0 and 2^40 Unix seconds")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="authenticator",
        description="Desktop TOTP authenticator. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"authenticator {__version__}")
    vault_opts = _Parser(add_help=False)
    vault_opts.add_argument("--vault", metavar="PATH",
                            help="vault file (default: $AUTHENTICATOR_VAULT or the user "
                                 "data folder)")
    vault_opts.add_argument("--password-file", metavar="F",
                            help=f"read the vault password from F (or set {PASSWORD_ENV})")
    parser.add_argument("--vault", metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument("--minimized", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str,
            vault: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_,
                           parents=[vault_opts] if vault else [])
        p.set_defaults(func=func)
        return p

    p = add("gui", cmd_gui, "open the window (the default)")
    p.add_argument("--minimized", action="store_true", help="start hidden in the tray")

    p = add("code", cmd_code, "print codes: of --uri links (no vault), or of vault accounts "
            "matching QUERY (one match: the bare code)")
    p.add_argument("query", nargs="?", metavar="QUERY")
    p.add_argument("--uri", action="append", metavar="URI", help="an otpauth:// link (repeat)")
    p.add_argument("--at", type=_unix_time, metavar="UNIX_SECONDS",
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

    p = add("scan", cmd_scan, "decode the QR codes in image files", vault=False)
    p.add_argument("images", nargs="+", metavar="IMAGE")
    p.add_argument("--json", action="store_true", help="machine-readable output")

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

    p = add("clock", cmd_clock, "check this computer's clock against time servers (network)",
            vault=False)
    p.add_argument("--server", action="append", metavar="HOST[:PORT]")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        args.minimized = getattr(args, "minimized", False)
        func = cmd_gui
    try:
        return int(func(args))
    except AuthenticatorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `authenticator list | head -1`
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except EOFError:
        print("error: no input", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"error: {exc.strerror or 'input/output error'}{where}", file=sys.stderr)
        return 1
    except Exception as exc:  # last resort: never a traceback, never a message with data
        print(f"error: unexpected internal error ({type(exc).__name__})", file=sys.stderr)
        return 1
