"""Duo Mobile: ``files/duokit/accounts.json``, a JSON array of accounts.

Each account's ``otpGenerator.otpSecret`` is base32 (Duo writes it strictly; spaces or
lower case are tolerated anyway, unlike Aegis); a ``counter`` present there makes
the account HOTP (used as stored), otherwise TOTP. Always SHA1, 6 digits, 30 s; ``name`` is
the label, and Duo stores no issuer. Accounts without ``otpGenerator`` (push-only Duo
accounts) have no key and are listed as skipped.
"""

from __future__ import annotations

from authenticator.core.account import Account, OtpKind, decode_base32
from authenticator.portability._json import get_int, get_str, load_json, try_json
from authenticator.portability.base import BadEntry, EntryCollector, ImportFailed, ImportResult


def _is_duo(doc: object) -> bool:
    return isinstance(doc, list) and bool(doc) and any(
        isinstance(a, dict) and isinstance(a.get("otpGenerator"), dict)
        and "otpSecret" in a["otpGenerator"] for a in doc)


class DuoImporter:
    name = "duo"
    label = "Duo Mobile"

    def detect(self, data: bytes) -> bool:
        return _is_duo(try_json(data))

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def load(self, data: bytes, password: str | None) -> ImportResult:
        doc = load_json(data, self.label)
        if not isinstance(doc, list):
            raise ImportFailed("this Duo Mobile file is damaged: unexpected content")
        collector = EntryCollector(self.name)
        for index, account in enumerate(doc, start=1):
            title = account.get("name") if isinstance(account, dict) else None
            collector.add(f"account {index}", title, _account, account)
        return collector.result


def _account(account: object) -> Account:
    if not isinstance(account, dict):
        raise BadEntry("the account is not an object")
    generator = account.get("otpGenerator")
    if not isinstance(generator, dict):
        raise BadEntry("skipped: this Duo account has no code key (push only)")
    secret = get_str(generator, "otpSecret")
    counter = generator.get("counter")
    kind = OtpKind.HOTP if counter is not None else OtpKind.TOTP
    return Account(secret=decode_base32(secret), issuer="", name=get_str(account, "name"),
                   kind=kind, counter=get_int(generator, "counter", 0))
