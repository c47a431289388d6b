"""Bitwarden unencrypted exports, JSON and CSV.

The TOTP field (``login.totp`` in JSON, ``login_totp`` in CSV) holds an ``otpauth://`` link,
a bare base32 key, or ``steam://KEY``. Items without one are ordinary logins and are skipped
silently. Encrypted Bitwarden exports need the Bitwarden account and are refused clearly.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from authenticator.core.account import Account, OtpKind, decode_base32
from authenticator.core.uri import parse_uri
from authenticator.portability._json import decode_text, get_list, load_json_object, try_json
from authenticator.portability.base import BadEntry, EntryCollector, ImportFailed, ImportResult

STEAM_PREFIX = "steam://"
CSV_TOTP_COLUMN = "login_totp"
_ENCRYPTED = ("this Bitwarden export is encrypted, which this app cannot read: export "
              "again from Bitwarden as unencrypted JSON or CSV")


def totp_account(value: str, item_name: str, username: str, note: str = "",
                 favorite: bool = False, tags: tuple[str, ...] = ()) -> Account:
    """The account behind one Bitwarden TOTP field; the item fills in missing names."""
    text = value.strip()
    if text.lower().startswith("otpauth://"):
        account = parse_uri(text)
        account = account.evolve(issuer=account.issuer or item_name,
                                 name=account.name or username)
    elif text.lower().startswith(STEAM_PREFIX):
        account = Account(secret=decode_base32(text[len(STEAM_PREFIX):]), issuer=item_name,
                          name=username, kind=OtpKind.STEAM)
    elif "://" in text:
        raise BadEntry("the TOTP field holds a link this app does not understand")
    else:
        account = Account(secret=decode_base32(text), issuer=item_name, name=username)
    return account.evolve(note=note, favorite=favorite, tags=tags)


class BitwardenJsonImporter:
    name = "bitwarden"
    label = "Bitwarden"

    def detect(self, data: bytes) -> bool:
        doc = try_json(data)
        return isinstance(doc, dict) and "encrypted" in doc and (
            "items" in doc or "data" in doc or "encKeyValidation_DO_NOT_EDIT" in doc)

    def is_encrypted(self, data: bytes) -> bool:
        # Encrypted exports are refused by ``load``; asking for a password would not help.
        return False

    def load(self, data: bytes, password: str | None) -> ImportResult:
        doc = load_json_object(data, self.label)
        if doc.get("encrypted") is True:
            raise ImportFailed(_ENCRYPTED)
        folders = {
            f["id"]: f["name"] for f in get_list(doc, "folders", self.label)
            if isinstance(f, dict) and isinstance(f.get("id"), str)
            and isinstance(f.get("name"), str)
        }
        collector = EntryCollector(self.name)
        for index, item in enumerate(get_list(doc, "items", self.label), start=1):
            title = item.get("name") if isinstance(item, dict) else None
            collector.add(f"item {index}", title, _json_item, item, folders)
        return collector.result


def _json_item(item: Any, folders: dict[str, str]) -> Account | None:
    if not isinstance(item, dict):
        raise BadEntry("the item is not an object")
    login = item.get("login")
    if not isinstance(login, dict) or not login.get("totp"):
        return None  # a login without TOTP: nothing to import
    totp, name, username, notes = (login.get("totp"), item.get("name"), login.get("username"),
                                   item.get("notes"))
    if not isinstance(totp, str):
        raise BadEntry("the TOTP field is not text")
    folder = folders.get(item.get("folderId") or "")
    return totp_account(totp, name if isinstance(name, str) else "",
                        username if isinstance(username, str) else "",
                        note=notes if isinstance(notes, str) else "",
                        favorite=item.get("favorite") is True,
                        tags=(folder,) if folder else ())


class BitwardenCsvImporter:
    name = "bitwarden-csv"
    label = "Bitwarden CSV"

    def detect(self, data: bytes) -> bool:
        text = decode_text(data[:4096])
        if text is None:
            text = decode_text(data[:4096].rsplit(b"\n", 1)[0]) or ""
        header = text.partition("\n")[0].strip().lower()
        columns = [c.strip() for c in header.split(",")]
        return CSV_TOTP_COLUMN in columns and "name" in columns

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def load(self, data: bytes, password: str | None) -> ImportResult:
        text = decode_text(data)
        if text is None:
            raise ImportFailed("this Bitwarden CSV file is damaged: it is not text")
        try:
            rows = list(csv.DictReader(io.StringIO(text, newline="")))
        except csv.Error:
            raise ImportFailed("this Bitwarden CSV file is damaged (malformed CSV)") from None
        if not rows and CSV_TOTP_COLUMN not in text.partition("\n")[0]:
            raise ImportFailed("this Bitwarden CSV file has no login_totp column")
        collector = EntryCollector(self.name)
        for index, row in enumerate(rows, start=2):  # line 1 is the header
            collector.add(f"line {index}", row.get("name"), _csv_row, row)
        return collector.result


def _csv_row(row: dict[str | Any, str | Any]) -> Account | None:
    totp = row.get(CSV_TOTP_COLUMN)
    if not isinstance(totp, str) or not totp.strip():
        return None
    folder = row.get("folder") or ""
    return totp_account(totp, str(row.get("name") or ""), str(row.get("login_username") or ""),
                        note=str(row.get("notes") or ""),
                        favorite=str(row.get("favorite") or "").strip() == "1",
                        tags=(folder,) if isinstance(folder, str) and folder else ())
