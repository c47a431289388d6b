"""Steam Guard secrets: the old Steam app's ``Steamguard-<steamid>`` file, Steam Desktop
Authenticator ``.maFile`` and WinAuth's Steam export (one account object), or the current
app's decrypted blob ``{"accounts": {"<steamid>": {...}}}``.

``shared_secret`` is base64 of the 20-byte key (the ``uri`` field carries the same bytes in
base32; when both exist they must agree). ``account_name`` is the name; issuer "Steam";
Steam codes (5 characters, SHA1, 30 s). ``identity_secret`` (trade confirmations),
``revocation_code`` and the session are not needed for codes and are not imported.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from authenticator.core.account import Account, OtpKind, decode_base32
from authenticator.portability._encodings import from_b64
from authenticator.portability._json import get_str, load_json_object, try_json
from authenticator.portability.base import BadEntry, EntryCollector, ImportFailed, ImportResult

ISSUER = "Steam"


def _accounts(doc: object) -> list[Any] | None:
    if not isinstance(doc, dict):
        return None
    if "shared_secret" in doc:
        return [doc]
    accounts = doc.get("accounts")
    if isinstance(accounts, dict) and accounts and all(
            isinstance(a, dict) and "shared_secret" in a for a in accounts.values()):
        return list(accounts.values())
    return None


class SteamImporter:
    name = "steam"
    label = "Steam"

    def detect(self, data: bytes) -> bool:
        return _accounts(try_json(data)) is not None

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def load(self, data: bytes, password: str | None) -> ImportResult:
        accounts = _accounts(load_json_object(data, self.label))
        if accounts is None:
            raise ImportFailed("this Steam file has no shared_secret (a Steam Desktop "
                               "Authenticator file must be saved unencrypted)")
        collector = EntryCollector(self.name)
        for index, account in enumerate(accounts, start=1):
            collector.add(f"account {index}", account.get("account_name"), _account, account)
        return collector.result


def _account(account: dict[str, Any]) -> Account:
    secret = from_b64(account.get("shared_secret"), "the shared secret")
    uri = account.get("uri")
    if isinstance(uri, str) and uri.strip():
        in_uri = parse_qs(urlsplit(uri.strip()).query).get("secret")
        if in_uri and decode_base32(in_uri[0]) != secret:
            raise BadEntry("the shared secret and the secret in its uri disagree")
    return Account(secret=secret, issuer=ISSUER, name=get_str(account, "account_name"),
                   kind=OtpKind.STEAM)
