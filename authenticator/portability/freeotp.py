"""FreeOTP+ JSON export: ``tokens[]`` whose ``secret`` is a signed (Java) byte array.

The token fields (shared with FreeOTP 1.x ``tokens.xml`` and FreeOTP 2 backups, see
:func:`token_account`): ``type`` TOTP/HOTP, ``algo``, ``digits``, ``period``, ``counter``
(HOTP: the counter of the *next* code, used as is), ``issuerExt`` (label prefix),
``issuerInt`` (URI parameter), ``label``, and ``issuerAlt``/``labelAlt`` for what the user
renamed them to, which the app displays in preference. A TOTP token whose ``issuerExt`` is
exactly ``Steam`` is a Steam token. Missing fields (Gson drops nulls) take FreeOTP's own
defaults: SHA1, 30 s (0 or less also means 30), 6 digits (5 for Steam), counter 0.
"""

from __future__ import annotations

from typing import Any

from authenticator.core.account import Account, Algorithm, OtpKind
from authenticator.portability._json import get_int, get_list, get_str, load_json_object, try_json
from authenticator.portability.base import BadEntry, EntryCollector, ImportResult

STEAM_ISSUER = "Steam"
_KINDS = {"TOTP": OtpKind.TOTP, "HOTP": OtpKind.HOTP, "STEAM": OtpKind.STEAM}


class FreeOtpPlusImporter:
    name = "freeotp"
    label = "FreeOTP+"

    def detect(self, data: bytes) -> bool:
        doc = try_json(data)
        return isinstance(doc, dict) and isinstance(doc.get("tokens"), list) and (
            "tokenOrder" in doc or all(isinstance(t, dict) and isinstance(t.get("secret"), list)
                                       for t in doc["tokens"]))

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def load(self, data: bytes, password: str | None) -> ImportResult:
        doc = load_json_object(data, self.label)
        collector = EntryCollector(self.name)
        for index, token in enumerate(get_list(doc, "tokens", self.label), start=1):
            title = (token.get("issuerExt") or token.get("label")
                     if isinstance(token, dict) else None)
            collector.add(f"token {index}", title, _account, token)
        return collector.result


def _secret(value: object) -> bytes:
    if not isinstance(value, list) or not value:
        raise BadEntry("the key is missing")
    if not all(isinstance(b, int) and not isinstance(b, bool) and -128 <= b <= 255 for b in value):
        raise BadEntry("the key is not a list of bytes")
    return bytes(b & 0xFF for b in value)


def _account(token: object) -> Account:
    if not isinstance(token, dict):
        raise BadEntry("the token is not an object")
    return token_account(token, _secret(token.get("secret")))


def token_account(token: dict[str, Any], secret: bytes, default_algorithm: str = "SHA1"
                  ) -> Account:
    """A FreeOTP token object (any generation) with its decoded ``secret``."""
    type_name = get_str(token, "type", "TOTP").upper()
    kind = _KINDS.get(type_name)
    if kind is None:
        raise BadEntry(f"the type {type_name[:20]} is not supported")
    issuer_ext = get_str(token, "issuerExt")
    if kind is OtpKind.TOTP and issuer_ext == STEAM_ISSUER:
        kind = OtpKind.STEAM
    period = get_int(token, "period", 30)
    return Account(
        secret=secret,
        issuer=(get_str(token, "issuerAlt") or issuer_ext or get_str(token, "issuerInt")),
        name=get_str(token, "labelAlt") or get_str(token, "label"),
        kind=kind,
        algorithm=Algorithm.parse(get_str(token, "algo", default_algorithm)),
        digits=get_int(token, "digits", 5 if kind is OtpKind.STEAM else 6),
        period=period if period > 0 and kind is not OtpKind.HOTP else 30,
        counter=get_int(token, "counter", 0) if kind is OtpKind.HOTP else 0,
    )
