"""WinAuth's text export: one otpauth link per line, with WinAuth's own conventions.

WinAuth writes ``otpauth://totp/<label>?secret=<B32>&digits=<n>[&issuer=...]`` plus
``serial=`` (Battle.net), ``deviceid=``/``data=`` (Steam), ``icon=`` and ``counter=`` (HOTP);
never ``period`` or ``algorithm`` (always 30 s, SHA1). The label is WinAuth's display
name, usually a bare service name ("Google"), form-encoded (``+`` for spaces).

Names, done better than Aegis (which makes the whole label the issuer and the name the
constant "WinAuth"): a label with an issuer (``Issuer:account`` or an ``issuer``
parameter) keeps issuer and account; a bare label (or one equal to the issuer) becomes the
issuer with no name. Issuer
``Steam`` becomes a Steam account; issuer ``BattleNet``/``Battle.net`` or a ``serial``
parameter a Battle.net account (8 digits, the serial as the name). Detected when the links
carry WinAuth's distinctive parameters; otherwise choose ``--format winauth``.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from authenticator.core.account import Account, OtpKind
from authenticator.core.uri import SCHEME as OTPAUTH_SCHEME
from authenticator.core.uri import parse_uri
from authenticator.portability._json import decode_text
from authenticator.portability.base import EntryCollector, ImportFailed, ImportResult

_WINAUTH_PARAMS = ("serial", "deviceid", "icon")
_BATTLENET = ("battlenet", "battle.net")
BATTLENET_DIGITS = 8


def _lines(data: bytes) -> list[tuple[int, str]] | None:
    text = decode_text(data)
    if text is None:
        return None
    return [(n, line.strip()) for n, line in enumerate(text.splitlines(), start=1)
            if line.strip()]


class WinAuthImporter:
    name = "winauth"
    label = "WinAuth"

    def detect(self, data: bytes) -> bool:
        lines = _lines(data[: 256 * 1024])
        if not lines or not all(t.lower().startswith(OTPAUTH_SCHEME) for _, t in lines[:20]):
            return False
        params = [parse_qs(urlsplit(line).query) for _, line in lines[:20]]
        return (not any("period" in p or "algorithm" in p for p in params)
                and any(k in p for p in params for k in _WINAUTH_PARAMS))

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def load(self, data: bytes, password: str | None) -> ImportResult:
        lines = _lines(data)
        if lines is None:
            raise ImportFailed("this WinAuth file is damaged: it is not text")
        collector = EntryCollector(self.name)
        for number, line in lines:
            collector.add(f"line {number}", None, _account, line)
        if not collector.result.accounts and not collector.result.problems:
            raise ImportFailed("this WinAuth file contains no links")
        return collector.result


def _account(line: str) -> Account:
    account = parse_uri(line)
    query = parse_qs(urlsplit(line).query)
    if not account.issuer or account.name == account.issuer:
        # The label is WinAuth's display name: a bare service name is the issuer.
        account = account.evolve(issuer=account.issuer or account.name, name="")
    if account.issuer.lower() == "steam" and account.kind is OtpKind.TOTP:
        account = account.evolve(kind=OtpKind.STEAM)
    serial = (query.get("serial") or [""])[0]
    if account.issuer.lower() in _BATTLENET or serial:
        account = account.evolve(issuer="Battle.net", name=account.name or serial,
                                 digits=BATTLENET_DIGITS)
    return account
