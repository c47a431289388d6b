"""Assertions shared by the tests of other apps' formats."""

from __future__ import annotations

from typing import Any

from authenticator.core.account import Account, OtpKind
from authenticator.portability.base import ImportResult
from authenticator.portability.registry import IMPORTERS, detect_format, import_bytes


def fields(account: Account) -> tuple[Any, ...]:
    """What the user sees and what makes the codes, in one comparable tuple."""
    return (account.issuer, account.name, account.kind.value, account.algorithm.value,
            account.digits, account.period if account.is_time_based else None,
            account.counter if account.kind is OtpKind.HOTP else None, account.secret)


def only_detected_as(data: bytes, name: str) -> None:
    assert detect_format(data).name == name
    assert [i.name for i in IMPORTERS if i.detect(data)] == [name]


def imported(data: bytes, name: str, password: str | None = None, **kw: Any) -> ImportResult:
    """Detect, import, and check the format the registry reports."""
    result = import_bytes(data, password=password, **kw)
    assert result.format_name == name
    return result
