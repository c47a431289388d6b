"""What every command group shares: errors, the parser class, passwords, the vault, output."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn, Protocol

from authenticator.core.errors import AuthenticatorError

if TYPE_CHECKING:  # imported lazily at run time: `code --uri` must start fast
    from pathlib import Path

    from authenticator.core.account import Account
    from authenticator.core.clock import Clock
    from authenticator.storage.vault import Vault

PASSWORD_ENV = "AUTHENTICATOR_PASSWORD"  # noqa: S105 (a variable name)
NEW_PASSWORD_ENV = "AUTHENTICATOR_NEW_PASSWORD"  # noqa: S105 (a variable name)
EXPORT_PASSWORD_ENV = "AUTHENTICATOR_EXPORT_PASSWORD"  # noqa: S105 (a variable name)
IMPORT_PASSWORD_ENV = "AUTHENTICATOR_IMPORT_PASSWORD"  # noqa: S105 (a variable name)


class CliError(AuthenticatorError):
    """A command-line problem reported as ``error: ...`` with exit status 1."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"error: {message}\n")


# -- passwords ----------------------------------------------------------------------------
MAX_PASSWORD_BYTES = 4096


def password_from_bytes(raw: bytes, source: str) -> str:
    """The one rule for a password read from a file or a variable: UTF-8 text, one trailing
    line ending (``\n`` or ``\r\n``) removed, nothing else changed, never empty."""
    if len(raw) > MAX_PASSWORD_BYTES:
        raise CliError(f"the password in {source} is longer than {MAX_PASSWORD_BYTES} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CliError(f"the password in {source} is not UTF-8 text") from None
    text = text.removesuffix("\n").removesuffix("\r") if text.endswith("\n") else text
    if not text:
        raise CliError(f"the password in {source} is empty")
    return text


def read_password_file(path: str) -> str:
    """A password file (a pipe such as ``<(pass show vault)`` works too), read bounded."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_PASSWORD_BYTES + 1)
    except OSError as exc:
        raise CliError(f"cannot read the password file {path}: {exc.strerror}") from None
    return password_from_bytes(raw, f"the file {path}")


def env_password(name: str) -> str | None:
    """The password in the variable ``name`` (None when unset or empty), same rule as a
    file; its raw bytes are checked, so non-UTF-8 gets a clear error."""
    if os.name == "nt":
        value = os.environ.get(name)
        raw = value.encode("utf-8", "surrogatepass") if value else None
    else:
        raw = os.environb.get(name.encode())
    if not raw:
        return None
    return password_from_bytes(raw, f"${name}")


def is_tty() -> bool:
    return sys.stdin.isatty()


def given_password(args: argparse.Namespace, *, file_attr: str = "password_file",
                   env: str = PASSWORD_ENV) -> str | None:
    """The password given without a prompt: the file named by the option ``file_attr``,
    else the variable ``env``; None when neither is given."""
    path = getattr(args, file_attr, None)
    if path:
        return read_password_file(path)
    return env_password(env)


def prompt_password(prompt: str, *, confirm: bool = False) -> str:
    """Ask on the terminal without echo (``confirm``: twice, the same both times)."""
    import getpass

    value = getpass.getpass(prompt)
    if confirm:
        again = getpass.getpass("Repeat the password: ")
        if again != value:
            raise CliError("the two passwords are different")
    return value


def ask_password(
    args: argparse.Namespace,
    *,
    file_attr: str = "password_file",
    env: str = PASSWORD_ENV,
    prompt: str = "Vault password: ",
    confirm: bool = False,
) -> str:
    """The one way a command gets a password: option file, variable, else the terminal."""
    given = given_password(args, file_attr=file_attr, env=env)
    if given is not None:
        return given
    if not is_tty():
        option = "--" + file_attr.replace("_", "-")
        raise CliError(f"a password is needed: use {option} or set {env}")
    value = prompt_password(prompt, confirm=confirm)
    if not value:
        raise CliError("the password is empty")
    return value


# -- helpers ------------------------------------------------------------------------------
def clock_of(args: argparse.Namespace) -> Clock:
    """The clock a command computes with: ``--at`` when given, else this computer's."""
    from authenticator.core.clock import FixedClock, SystemClock

    at = getattr(args, "at", None)
    return FixedClock(float(at)) if at is not None else SystemClock()


def vault_path(args: argparse.Namespace) -> Path:
    from authenticator.storage.paths import resolve_vault_path

    return resolve_vault_path(getattr(args, "vault", None))


def open_vault(args: argparse.Namespace) -> Vault:
    from authenticator.storage.vault import Vault

    path = vault_path(args)
    if not path.exists():
        raise CliError(f"no vault at {path}: create one with 'authenticator init'")
    vault = Vault.open(path, ask_password(args))
    if vault.open_report.message:  # conflict copies merged, an older copy noticed...
        say(vault.open_report.message)
    if vault.invalid_entries:
        say(f"note: {vault.invalid_entries} account entries in the vault break the account "
            "rules (e.g. a counter beyond 2^64) and are kept but not shown")
    return vault


def all_accounts(args: argparse.Namespace) -> list[Account]:
    """Every account of the vault, which is closed again at once (read-only commands)."""
    with open_vault(args) as vault:
        return list(vault.accounts)


def add_vault_options(parser: argparse.ArgumentParser) -> None:
    """``--vault`` and ``--password-file``, which every command on the vault takes."""
    parser.add_argument("--vault", metavar="PATH",
                        help="vault file (default: $AUTHENTICATOR_VAULT or the user data "
                             "folder)")
    parser.add_argument("--password-file", metavar="F",
                        help=f"read the vault password from F (or set {PASSWORD_ENV})")


def print_json(value: object) -> None:
    """``--json`` output: indented, non-ASCII kept (escaped only where unprintable)."""
    import json

    print(json.dumps(value, ensure_ascii=False, indent=2))


def say(message: str) -> None:
    """Informational line for a person (stderr, so stdout stays machine-readable)."""
    print(message, file=sys.stderr)


def select(vault: Vault, query: str | None) -> list[Account]:
    if not query:
        return list(vault.accounts)
    return vault.find(query)


def one(vault: Vault, query: str) -> Account:
    matches = select(vault, query)
    if not matches:
        raise CliError(f"no account matches {query!r}")
    exact = [a for a in matches if query.casefold() in (a.id, a.label.casefold())]
    if len(matches) > 1 and len(exact) == 1:
        return exact[0]
    if len(matches) > 1:
        names = ", ".join(a.label for a in matches[:5])
        raise CliError(f"{query!r} matches {len(matches)} accounts ({names}): be more specific")
    return matches[0]


def weak_note(account: Account) -> None:
    if account.is_weak:
        article = "an" if str(account.key_bits).startswith(("8", "11", "18")) else "a"
        say(f"note: {account.label} uses {article} {account.key_bits}-bit key; "
             "128 bits or more is recommended")


def add_accounts(vault: Vault, accounts: Sequence[Account]) -> int:
    from authenticator.core.duplicates import duplicate_of

    added = 0
    for account in accounts:
        duplicate = duplicate_of(account, vault.accounts)
        if duplicate is not None:
            say(f"skipped {account.label}: the same key is already in the vault "
                 f"as {duplicate.label}")
            continue
        vault.add(account)
        weak_note(account)
        say(f"added {account.label}")
        added += 1
    return added


def update_and_save(vault: Vault, account: Account) -> None:
    vault.update(account)
    save(vault)


def save(vault: Vault) -> None:
    report = vault.save()
    if report.message:
        say(report.message)


def unix_time(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of Unix seconds: {text!r}") from None
    if not 0 <= value < 2**40:
        raise argparse.ArgumentTypeError("the time must be between 0 and 2^40 Unix seconds")
    return value


class AddCommand(Protocol):
    """Registers one subcommand (given to each command group's ``register``)."""

    def __call__(self, name: str, func: Callable[[argparse.Namespace], int], help_: str,
                 vault: bool = True) -> argparse.ArgumentParser: ...
