"""Battle.net Authenticator (Blizzard), the app's ``shared_prefs`` file.

Current app (``com.blizzard.messenger``): ``AUTHENTICATOR_DEVICE_SECRET`` is hex of the
secret's *hex text* XOR-ed with Blizzard's 57-byte mask (two hex layers: hex -> unmask ->
hex again), ``AUTHENTICATOR_SERIAL`` (optional) is masked the same way. Legacy app
(``com.blizzard.bma``): ``AUTH_STORE.HASH`` is hex of exactly 57 masked bytes, the first 40
characters of which are the hex secret and the rest the serial. Codes: TOTP, SHA1,
8 digits, 30 s; issuer "Battle.net", name = serial.
"""

from __future__ import annotations

from authenticator.core.account import Account
from authenticator.portability._encodings import from_hex
from authenticator.portability._prefs import prefs_strings
from authenticator.portability.base import (
    BadEntry,
    EntryCollector,
    ImportFailed,
    ImportResult,
)

MASK = bytes.fromhex(
    "398e27fc50276a656065b0e525f4c06c04c61075286b8e7aeda59da9813b5dd6c80d2fb38068773fa59b"
    "a47c17ca6c6479015c1d5b8b8f6b9a")
CURRENT_SECRET = "com.blizzard.messenger.AUTHENTICATOR_DEVICE_SECRET"  # noqa: S105 (a key name)
CURRENT_SERIAL = "com.blizzard.messenger.AUTHENTICATOR_SERIAL"
LEGACY_HASH = "com.blizzard.bma.AUTH_STORE.HASH"
LEGACY_SECRET_CHARS = 40
ISSUER = "Battle.net"
DIGITS = 8


def unmask(text: str, what: str) -> str:
    raw = from_hex(text, what)
    if len(raw) > len(MASK):
        raise BadEntry(f"{what} is longer than Blizzard's mask")
    try:
        return bytes(b ^ m for b, m in zip(raw, MASK, strict=False)).decode("ascii")
    except UnicodeDecodeError:
        raise BadEntry(f"{what} does not unmask to text") from None


class BattleNetImporter:
    name = "battlenet"
    label = "Battle.net Authenticator"

    def detect(self, data: bytes) -> bool:
        strings = prefs_strings(data)
        return strings is not None and (CURRENT_SECRET in strings or LEGACY_HASH in strings)

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def load(self, data: bytes, password: str | None) -> ImportResult:
        strings = prefs_strings(data)
        if strings is None or not (CURRENT_SECRET in strings or LEGACY_HASH in strings):
            raise ImportFailed("this is not a Battle.net Authenticator preferences file "
                               "(its device secret is missing)")
        collector = EntryCollector(self.name)
        if CURRENT_SECRET in strings:
            collector.add("authenticator", ISSUER, _current, strings)
        else:
            collector.add("authenticator", ISSUER, _legacy, strings[LEGACY_HASH])
        return collector.result


def _current(strings: dict[str, str]) -> Account:
    secret = from_hex(unmask(strings[CURRENT_SECRET], "the device secret"), "the device secret")
    serial = strings.get(CURRENT_SERIAL, "")
    serial = unmask(serial, "the serial") if serial.strip() else ""
    return Account(secret=secret, issuer=ISSUER, name=serial, digits=DIGITS)


def _legacy(value: str) -> Account:
    if len(from_hex(value, "the stored hash")) != len(MASK):
        raise BadEntry(f"the stored hash is not {len(MASK)} bytes long")
    text = unmask(value, "the stored hash")
    secret = from_hex(text[:LEGACY_SECRET_CHARS], "the secret")
    return Account(secret=secret, issuer=ISSUER, name=text[LEGACY_SECRET_CHARS:], digits=DIGITS)
