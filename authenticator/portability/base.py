"""Shared types of every importer: results, per-entry problems, errors, the protocol."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from authenticator.core.account import Account
from authenticator.core.errors import AuthenticatorError

#: Longest entry title quoted in a problem description.
_TITLE_MAX = 40

#: Exceptions a malformed entry may raise while being read; none of their messages is shown
#: (Python's own messages may quote the offending value, which could be a key).
_MALFORMED = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError)


class ImportFailed(AuthenticatorError):
    """The whole file could not be imported (wrong password, damaged, unknown format...)."""


class PasswordRequired(ImportFailed):
    """The file is encrypted and no password was given: the caller should ask for one."""


class BadEntry(Exception):
    """Raised by format modules for one unreadable entry; the message is safe to show."""


@dataclass
class ImportEntryProblem:
    """One entry that could not be imported, e.g. ``entry 3 (GitHub): the key is empty``."""

    description: str

    def __str__(self) -> str:
        return self.description


@dataclass
class ImportResult:
    format_name: str
    accounts: list[Account] = field(default_factory=list)
    problems: list[ImportEntryProblem] = field(default_factory=list)


@runtime_checkable
class Importer(Protocol):
    """One foreign format. ``detect`` looks at the content only, never at a file name."""

    name: str
    label: str

    def detect(self, data: bytes) -> bool: ...

    def is_encrypted(self, data: bytes) -> bool: ...

    def load(self, data: bytes, password: str | None) -> ImportResult: ...


def short_title(value: object) -> str:
    """A printable, shortened title for problem messages ('' when there is none)."""
    if not isinstance(value, str):
        return ""
    text = " ".join(value.split())
    return text if len(text) <= _TITLE_MAX else text[: _TITLE_MAX - 1] + "…"


class EntryCollector:
    """Builds accounts one entry at a time, recording unreadable entries as problems."""

    def __init__(self, format_name: str) -> None:
        self.result = ImportResult(format_name=format_name)

    def add(self, where: str, title: object, build: Callable[..., Account | None],
            *args: Any) -> None:
        """Run ``build(*args)``; on failure note ``where (title): reason``. None: skip."""
        try:
            account = build(*args)
        except (AuthenticatorError, BadEntry) as exc:
            reason = str(exc)
        except _MALFORMED:
            reason = "the entry is incomplete or malformed"
        else:
            if account is not None:
                self.result.accounts.append(account)
            return
        self.problem(where, title, reason)

    def problem(self, where: str, title: object, reason: str) -> None:
        shown = short_title(title)
        prefix = f"{where} ({shown})" if shown else where
        self.result.problems.append(ImportEntryProblem(f"{prefix}: {reason}"))


def require_password(password: str | None, label: str) -> str:
    if password is None:
        raise PasswordRequired(f"this {label} file is encrypted: its password is needed")
    return password
