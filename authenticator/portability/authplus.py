"""Authenticator Plus (``com.mufri.authenticatorplus``).

Two different files come out of the app, and both are read:

- "Export as Text and HTML": a password-protected ZIP (WinZip AES or ZipCrypto, opened with
  ``pyzipper``; the password is tried as UTF-8, then Latin-1) holding ``Accounts.txt``, a
  plain otpauth link list, and an HTML copy that is ignored. The entry is found by its base
  name, wherever it sits in the archive.
- ``authplus.db`` backup: a SQLCipher 3 database under the master password (needs the
  optional ``sqlcipher`` extra, see :mod:`_sqlcipher`), bare or inside a ZIP. Table
  ``accounts(email, secret, counter, type, issuer, category, ...)``: type 0 TOTP, 1 HOTP,
  SHA1/6/30 (the app is built on Google Authenticator's code and schema, so its stored HOTP
  counter is the last one used: ``counter + 1`` is imported, as for Google's database);
  whitespace is removed from the base32 secret; the name is the part of
  ``email`` after ``:`` when it splits into exactly two pieces; category ``All Accounts``
  means no group, any other becomes a tag. An already decrypted copy (plain SQLite with
  that ``category`` column) is read the same way.

Archives are bounded against zip bombs: at most :data:`MAX_MEMBERS` entries, and the entry
read may not claim or inflate past :data:`MAX_MEMBER_BYTES`.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Mapping
from typing import Any

from authenticator.core.account import Account, OtpKind, decode_base32
from authenticator.portability import _sqlcipher, _sqlite
from authenticator.portability._encodings import java_split
from authenticator.portability._json import get_int, get_str
from authenticator.portability.andotp import AndOtpImporter
from authenticator.portability.andotp import looks_encrypted as looks_like_andotp
from authenticator.portability.base import (
    BadEntry,
    EntryCollector,
    ImportFailed,
    ImportResult,
    require_password,
)
from authenticator.portability.google_db import next_counter
from authenticator.portability.links import load_links

ZIP_MAGIC = b"PK\x03\x04"
TEXT_ENTRY = "Accounts.txt"
TABLE = "accounts"
NO_GROUP = "All Accounts"
MAX_MEMBERS = 100
MAX_MEMBER_BYTES = 8 * 1024 * 1024
_KINDS = {0: OtpKind.TOTP, 1: OtpKind.HOTP}
LABEL = "Authenticator Plus"


def _is_authplus_db(data: bytes) -> bool:
    tables = _sqlite.schema(data)
    return (tables is not None and TABLE in tables
            and {"email", "secret", "type", "category"} <= tables[TABLE])


def _zip_members(data: bytes) -> list[zipfile.ZipInfo] | None:
    if not data.startswith(ZIP_MAGIC):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception:  # any failure to parse a hostile archive: not a zip
        return None
    return members


def _wanted(members: list[zipfile.ZipInfo]) -> zipfile.ZipInfo | None:
    by_name = {posixpath.basename(m.filename): m for m in members if not m.is_dir()}
    if TEXT_ENTRY in by_name:
        return by_name[TEXT_ENTRY]
    return next((m for name, m in by_name.items() if name.lower().endswith(".db")), None)


class AuthenticatorPlusImporter:
    name = "authenticator-plus"
    label = LABEL
    uses_siblings = True

    def detect(self, data: bytes) -> bool:
        members = _zip_members(data)
        if members is not None:
            return _wanted(members) is not None
        if _sqlite.is_sqlite(data):
            return _is_authplus_db(data)
        # Whole pages of ciphertext: a SQLCipher database, unless it is rather an encrypted
        # andOTP file (whose first bytes hold a plausible iteration count).
        return _sqlcipher.looks_encrypted_db(data) and not looks_like_andotp(data)

    def is_encrypted(self, data: bytes) -> bool:
        members = _zip_members(data)
        if members is not None:
            return any(m.flag_bits & 0x1 for m in members)
        return _sqlcipher.looks_encrypted_db(data)

    def load(self, data: bytes, password: str | None, *,
             siblings: Mapping[str, bytes] | None = None) -> ImportResult:
        members = _zip_members(data)
        if members is not None:
            return self._load_zip(data, members, password)
        if _sqlite.is_sqlite(data):
            return _load_rows(_sqlite.read_table(data, siblings, TABLE, LABEL), self.name)
        if not _sqlcipher.looks_encrypted_db(data):
            raise ImportFailed("this is not an Authenticator Plus export: choose the ZIP of "
                               "'Export as Text and HTML' or the authplus.db backup")
        password = require_password(password, LABEL)
        try:
            return self._load_encrypted_db(data, password)
        except ImportFailed as failure:
            # An old-format andOTP file is random from byte 0 too, and its size may happen
            # to be whole pages: it gets its chance before the database's error is shown.
            try:
                return AndOtpImporter().load(data, password)
            except ImportFailed:
                raise failure from None

    def _load_encrypted_db(self, data: bytes, password: str) -> ImportResult:
        tables = _sqlcipher.read_tables(data, password, LABEL, (TABLE, "authenticator"))
        if TABLE in tables:
            return _load_rows(tables[TABLE], self.name)
        if "authenticator" in tables:  # a password-protected Stratum database
            from authenticator.portability.stratum import load_rows as stratum_rows

            return stratum_rows(tables["authenticator"], "stratum")
        raise ImportFailed("this encrypted database holds no accounts table")

    def _load_zip(self, data: bytes, members: list[zipfile.ZipInfo],
                  password: str | None) -> ImportResult:
        if len(members) > MAX_MEMBERS:
            raise ImportFailed("this ZIP has too many entries to be an Authenticator Plus export")
        member = _wanted(members)
        if member is None:
            raise ImportFailed("this ZIP holds no Accounts.txt: choose the ZIP made by "
                               "Authenticator Plus's 'Export as Text and HTML'")
        if member.file_size > MAX_MEMBER_BYTES:
            raise ImportFailed("the file inside this ZIP is too large to be an export")
        content = _read_member(data, member, password)
        if member.filename.lower().endswith(".db"):
            if _sqlite.is_sqlite(content):
                return _load_rows(_sqlite.read_table(content, None, TABLE, LABEL), self.name)
            return self._load_encrypted_db(content, require_password(password, LABEL))
        return load_links(content, self.name, LABEL)


def _read_member(data: bytes, member: zipfile.ZipInfo, password: str | None) -> bytes:
    import pyzipper

    encrypted = bool(member.flag_bits & 0x1)
    candidates: list[bytes | None] = [None]
    if encrypted:
        pw = require_password(password, LABEL)
        candidates = list(dict.fromkeys([pw.encode("utf-8"), _latin1(pw)]))
    for secret in candidates:
        if secret is None and encrypted:
            continue
        try:
            with pyzipper.AESZipFile(io.BytesIO(data)) as archive:
                if secret is not None:
                    archive.setpassword(secret)
                with archive.open(member.filename) as stream:
                    content = bytes(stream.read(MAX_MEMBER_BYTES + 1))
        except RuntimeError:
            continue  # bad password
        except Exception:  # a third-party parser fed a hostile archive
            # (struct.error, zlib.error, BadZipFile, EOFError... are all "damaged" here)
            if encrypted:
                continue  # a wrong password that passed the one-byte check
            raise ImportFailed("this Authenticator Plus ZIP is damaged") from None
        if len(content) > MAX_MEMBER_BYTES:
            raise ImportFailed("the file inside this ZIP is too large to be an export")
        return content
    raise ImportFailed("wrong password for this Authenticator Plus file (or it is damaged)")


def _latin1(password: str) -> bytes | None:
    try:
        return password.encode("latin-1")
    except UnicodeEncodeError:
        return None


def _load_rows(rows: list[dict[str, Any]], format_name: str) -> ImportResult:
    collector = EntryCollector(format_name)
    for index, row in enumerate(rows, start=1):
        collector.add(f"row {index}", row.get("issuer") or row.get("email"), _account, row)
    return collector.result


def _account(row: dict[str, Any]) -> Account:
    kind = _KINDS.get(get_int(row, "type", 0))
    if kind is None:
        raise BadEntry("the type is not supported")
    email = get_str(row, "email")
    pieces = java_split(email, ":")
    category = get_str(row, "category")
    secret = "".join(get_str(row, "secret").split())
    return Account(secret=decode_base32(secret), issuer=get_str(row, "issuer"),
                   name=pieces[1] if len(pieces) == 2 else email, kind=kind,
                   counter=next_counter(row) if kind is OtpKind.HOTP else 0,
                   tags=(category,) if category and category != NO_GROUP else ())
