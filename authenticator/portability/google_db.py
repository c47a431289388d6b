"""Google Authenticator's internal database (``databases/databases``, app versions <= 5.10).

Table ``accounts``: ``email`` (the shown name, sometimes ``Issuer:account``), ``secret``
(base32, spaces tolerated), ``counter``, ``type`` (0 TOTP, 1 HOTP), ``issuer`` and, in newer
versions, ``isencrypted``. No algorithm, digits or period are stored: SHA1/6/30. The name is
the part after ``:`` when ``email`` splits into exactly two pieces (Java rules); the issuer is
the ``issuer`` column, or that prefix when the column is empty (as the app showed it).
HOTP quirk: the app increments ``counter`` *before* computing a code with it (its
OtpProvider), so the stored value is the last counter used and the next code is
``counter + 1``: that is the counter imported (ours is the next one to use). Rows of later
versions (``isencrypted`` > 0) hold secrets encrypted by the phone and are listed as
unreadable: use the app's transfer QR codes.
Opened from a private read-only copy together with ``-wal``/``-shm`` (:mod:`_sqlite`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from authenticator.core.account import Account, OtpKind, decode_base32
from authenticator.portability import _sqlite
from authenticator.portability._encodings import java_split
from authenticator.portability._json import get_int, get_str
from authenticator.portability.base import BadEntry, EntryCollector, ImportResult

TABLE = "accounts"
_KINDS = {0: OtpKind.TOTP, 1: OtpKind.HOTP}


def is_google_schema(data: bytes) -> bool:
    tables = _sqlite.schema(data)
    return (tables is not None and TABLE in tables
            and {"email", "secret", "type"} <= tables[TABLE]
            and not {"account_type", "category"} & tables[TABLE])  # Microsoft, Auth. Plus


class GoogleAuthenticatorDbImporter:
    name = "google-authenticator-db"
    label = "Google Authenticator database"
    uses_siblings = True

    def detect(self, data: bytes) -> bool:
        return _sqlite.is_sqlite(data) and is_google_schema(data)

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def load(self, data: bytes, password: str | None, *,
             siblings: Mapping[str, bytes] | None = None) -> ImportResult:
        rows = _sqlite.read_table(data, siblings, TABLE, self.label)
        return load_rows(rows, self.name)


def load_rows(rows: list[dict[str, Any]], format_name: str) -> ImportResult:
    collector = EntryCollector(format_name)
    for index, row in enumerate(rows, start=1):
        collector.add(f"row {index}", row.get("issuer") or row.get("email"), _account, row)
    return collector.result


def _account(row: dict[str, Any]) -> Account:
    if get_int(row, "isencrypted", 0) > 0:
        raise BadEntry("encrypted by a newer Google Authenticator: use its Transfer "
                       "accounts QR codes instead")
    kind = _KINDS.get(get_int(row, "type", 0))
    if kind is None:
        raise BadEntry("the type is not supported")
    email = get_str(row, "email")
    pieces = java_split(email, ":")
    name = pieces[1] if len(pieces) == 2 else email
    issuer = get_str(row, "issuer") or (pieces[0] if len(pieces) == 2 else "")
    return Account(secret=decode_base32(get_str(row, "secret")), issuer=issuer, name=name,
                   kind=kind, counter=next_counter(row) if kind is OtpKind.HOTP else 0)


def next_counter(row: dict[str, Any]) -> int:
    """The next HOTP counter of a Google Authenticator row (stored + 1, see above)."""
    stored = get_int(row, "counter", 0)
    if stored < 0:
        raise BadEntry("the counter is negative")
    return stored + 1
