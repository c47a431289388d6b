"""FreeOTP 1.x and legacy FreeOTP+ internal ``shared_prefs/tokens.xml``.

A ``<map>`` of strings: ``tokenOrder`` is the JSON array of token ids, every *other* string
is one token as JSON (id ``issuer:label`` or ``label``), with the fields of
:func:`freeotp.token_account` and ``secret`` as a signed byte array. Tokens are imported in
``tokenOrder`` order, then any not listed there. Strings that are not token JSON (the app
may keep other settings here) are skipped rather than failing the file.
"""

from __future__ import annotations

import json
from typing import Any

from authenticator.core.account import Account
from authenticator.portability._prefs import prefs_strings
from authenticator.portability.base import BadEntry, EntryCollector, ImportFailed, ImportResult
from authenticator.portability.freeotp import _secret, token_account

ORDER_KEY = "tokenOrder"


def _tokens(data: bytes) -> dict[str, Any] | None:
    strings = prefs_strings(data)
    if strings is None or ORDER_KEY not in strings:
        return None
    tokens: dict[str, Any] = {}
    for key, value in strings.items():
        if key == ORDER_KEY:
            continue
        try:
            token = json.loads(value)
        except (ValueError, RecursionError):
            continue
        if isinstance(token, dict) and "secret" in token:
            tokens[key] = token
    return tokens


class FreeOtpXmlImporter:
    name = "freeotp-xml"
    label = "FreeOTP tokens.xml"

    def detect(self, data: bytes) -> bool:
        return _tokens(data) is not None

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def load(self, data: bytes, password: str | None) -> ImportResult:
        tokens = _tokens(data)
        if tokens is None:
            raise ImportFailed("this is not a FreeOTP tokens.xml file (tokenOrder is missing)")
        strings = prefs_strings(data) or {}
        try:
            order = json.loads(strings.get(ORDER_KEY) or "[]")
        except (ValueError, RecursionError):
            order = []
        ids = [i for i in order if isinstance(i, str) and i in tokens] if isinstance(
            order, list) else []
        ids += [i for i in tokens if i not in ids]
        collector = EntryCollector(self.name)
        for index, token_id in enumerate(ids, start=1):
            collector.add(f"token {index}", token_id, _account, tokens[token_id])
        return collector.result


def _account(token: dict[str, Any]) -> Account:
    if not isinstance(token, dict):
        raise BadEntry("the token is not an object")
    return token_account(token, _secret(token.get("secret")))
