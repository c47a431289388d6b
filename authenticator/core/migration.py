"""Google Authenticator export links: ``otpauth-migration://offline?data=...``.

``data`` is base64 of a protobuf ``MigrationPayload`` (field numbers in docs/architecture.md). The
format is tiny, so a minimal protobuf reader/writer lives here instead of a dependency.

Import: entries that cannot be used (MD5, unknown algorithm/type/digits, empty key)
are listed in :attr:`MigrationBatch.skipped` with a reason while the rest import.
Unknown protobuf fields are ignored. Anything structurally broken raises
:class:`~authenticator.core.uri.UriError`.

Export: Google's format has no period field (always 30 s), no Steam type and only 6 or
8 digits. :func:`encode_migration_uris` *refuses* such accounts with a ``UriError``
naming them rather than silently dropping or altering them (an export that quietly
loses or corrupts a key would be discovered only when it is too late). Callers filter
with :func:`google_export_problem` first and tell the user what stays behind.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import quote, unquote

from authenticator.core.account import Account, AccountError, Algorithm, OtpKind
from authenticator.core.uri import UriError

SCHEME = "otpauth-migration://"
PREFIX = SCHEME + "offline?data="
VERSION = 1
# Whole link length in characters. 900 bytes fit a version-24 QR code at error
# correction level M (911 bytes), which phones still scan from a monitor; Google
# Authenticator itself puts about ten accounts in one code.
DEFAULT_MAX_BYTES = 900
# Parts one export may claim. Google Authenticator puts about ten accounts in each code, so
# 100 parts hold ~1,000 accounts; a link claiming more is refused before anything is kept.
MAX_BATCH_SIZE = 100

# protobuf wire types
_VARINT, _I64, _LEN, _I32 = 0, 1, 2, 5
_U64 = 2**64

_ALGORITHMS = {0: Algorithm.SHA1, 1: Algorithm.SHA1, 2: Algorithm.SHA256, 3: Algorithm.SHA512}
_ALGORITHM_CODES = {Algorithm.SHA1: 1, Algorithm.SHA256: 2, Algorithm.SHA512: 3}
_DIGITS = {0: 6, 1: 6, 2: 8}
_DIGIT_CODES = {6: 1, 8: 2}
_TYPES = {0: OtpKind.TOTP, 1: OtpKind.HOTP, 2: OtpKind.TOTP}
_TYPE_CODES = {OtpKind.HOTP: 1, OtpKind.TOTP: 2}


class _Truncated(Exception):
    """Internal: the protobuf data ends in the middle of a field."""


# -- protobuf reader ----------------------------------------------------------------------
def _read_varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if pos >= len(data) or shift > 63:
            raise _Truncated
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value % _U64, pos


def _fields(data: bytes) -> Iterator[tuple[int, int | bytes]]:
    """``(field_number, value)`` pairs; varints as ints, length-delimited as bytes."""
    pos = 0
    while pos < len(data):
        key, pos = _read_varint(data, pos)
        number, wire = key >> 3, key & 7
        if number == 0:
            raise _Truncated
        if wire == _VARINT:
            value, pos = _read_varint(data, pos)
            yield number, value
        elif wire == _LEN:
            length, pos = _read_varint(data, pos)
            if pos + length > len(data):
                raise _Truncated
            yield number, data[pos : pos + length]
            pos += length
        elif wire in (_I64, _I32):
            pos += 8 if wire == _I64 else 4  # never used by this format: skip
            if pos > len(data):
                raise _Truncated
        else:  # groups (3, 4) and undefined wire types
            raise _Truncated


def _signed(value: int) -> int:
    """A varint read as int32/int64 (negative numbers use ten-byte two's complement)."""
    return value - _U64 if value >= 2**63 else value


# -- protobuf writer ----------------------------------------------------------------------
def _varint(value: int) -> bytes:
    value %= _U64  # negative int32/int64 -> two's complement, as protobuf does
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field_varint(number: int, value: int) -> bytes:
    return _varint(number << 3 | _VARINT) + _varint(value)


def _field_bytes(number: int, value: bytes) -> bytes:
    return _varint(number << 3 | _LEN) + _varint(len(value)) + value


# -- model --------------------------------------------------------------------------------
@dataclass(frozen=True)
class MigrationBatch:
    """One export link (one QR code) of a possibly multi-part export."""

    accounts: tuple[Account, ...]
    version: int
    batch_size: int
    batch_index: int  # 0-based, as in the payload
    batch_id: int
    skipped: tuple[str, ...] = ()

    @property
    def part(self) -> int:
        """1-based part number, as shown to people ("part 2 of 3")."""
        return self.batch_index + 1


@dataclass
class _Entry:
    secret: bytes = b""
    name: str = ""
    issuer: str = ""
    algorithm: int = 0
    digits: int = 0
    type: int = 0
    counter: int = 0

    def label(self) -> str:
        if self.issuer and self.name:
            return f"{self.issuer} ({self.name})"
        return self.issuer or self.name or "an unnamed account"


def _text(value: int | bytes) -> str:
    if not isinstance(value, bytes):
        raise _Truncated
    return value.decode("utf-8", errors="replace")


def _read_entry(data: bytes) -> _Entry:
    entry = _Entry()
    for number, value in _fields(data):
        if number == 1:
            if not isinstance(value, bytes):
                raise _Truncated
            entry.secret = value
        elif number == 2:
            entry.name = _text(value)
        elif number == 3:
            entry.issuer = _text(value)
        elif number in (4, 5, 6, 7):
            if not isinstance(value, int):
                raise _Truncated
            if number == 4:
                entry.algorithm = value
            elif number == 5:
                entry.digits = value
            elif number == 6:
                entry.type = value
            else:
                entry.counter = _signed(value)
    return entry


def _split_name(name: str, issuer: str) -> tuple[str, str]:
    """Google stores the link's label in ``name``: drop an ``issuer:`` prefix."""
    if issuer:
        if name.startswith(issuer + ":"):
            return issuer, name[len(issuer) + 1 :].lstrip(" ")
        return issuer, name
    if ":" in name:
        prefix, rest = name.split(":", 1)
        return prefix.strip(), rest.lstrip(" ")
    return issuer, name


def _account(entry: _Entry) -> Account:
    """The account for one entry; raises AccountError with the reason to skip it."""
    if entry.algorithm == 4:
        raise AccountError("MD5 is not supported")
    if entry.algorithm not in _ALGORITHMS:
        raise AccountError(f"unknown algorithm number {entry.algorithm}")
    if entry.digits not in _DIGITS:
        raise AccountError(f"unknown digits number {entry.digits}")
    if entry.type not in _TYPES:
        raise AccountError(f"unknown type number {entry.type}")
    if not entry.secret:
        raise AccountError("the key is empty")
    kind = _TYPES[entry.type]
    if kind is OtpKind.HOTP and entry.counter < 0:
        raise AccountError("the counter is negative")
    issuer, name = _split_name(entry.name, entry.issuer)
    return Account(
        secret=entry.secret,
        issuer=issuer,
        name=name,
        kind=kind,
        algorithm=_ALGORITHMS[entry.algorithm],
        digits=_DIGITS[entry.digits],
        period=30,
        counter=entry.counter if kind is OtpKind.HOTP else 0,
    )


def _payload_data(text: str) -> bytes:
    link = text.strip()
    if link[: len(SCHEME)].lower() != SCHEME:
        raise UriError("this is not a Google Authenticator export link")
    rest = link[len(SCHEME) :]
    host, _, query = rest.partition("?")
    if host.strip("/").lower() != "offline":
        raise UriError("this is not a Google Authenticator export link")
    raw = None
    for pair in query.split("&"):
        key, _, value = pair.partition("=")
        if key.strip().lower() == "data":
            raw = value
            break
    if raw is None or not raw.strip():
        raise UriError("the export link has no data")
    # unquote, not unquote_plus: an unencoded '+' is a base64 character here.
    b64 = "".join(unquote(raw).split()).replace("-", "+").replace("_", "/").rstrip("=")
    try:
        return base64.b64decode(b64 + "=" * (-len(b64) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise UriError("the export data is not valid base64") from None


def parse_migration_uri(text: str) -> MigrationBatch:
    """One batch of a Google Authenticator export. Raises only :class:`UriError`."""
    if not isinstance(text, str):
        raise UriError("this is not a Google Authenticator export link")
    data = _payload_data(text)
    entries: list[_Entry] = []
    version = batch_size = batch_index = batch_id = 0
    try:
        for number, value in _fields(data):
            if number == 1:
                if not isinstance(value, bytes):
                    raise _Truncated
                entries.append(_read_entry(value))
            elif number in (2, 3, 4, 5):
                if not isinstance(value, int):
                    raise _Truncated
                if number == 2:
                    version = _signed(value)
                elif number == 3:
                    batch_size = _signed(value)
                elif number == 4:
                    batch_index = _signed(value)
                else:
                    batch_id = _signed(value)
    except _Truncated:
        raise UriError("the export data is damaged or incomplete") from None
    batch_size = max(batch_size, 1)
    if batch_size > MAX_BATCH_SIZE:
        raise UriError(f"the export says it has {batch_size} parts; Google Authenticator "
                       f"exports have at most {MAX_BATCH_SIZE}")
    if not 0 <= batch_index < batch_size:
        raise UriError(f"the export says it is part {batch_index + 1} of {batch_size}")
    accounts: list[Account] = []
    skipped: list[str] = []
    for entry in entries:
        try:
            accounts.append(_account(entry))
        except AccountError as err:
            skipped.append(f"{entry.label()}: {err}")
    return MigrationBatch(
        accounts=tuple(accounts),
        version=version,
        batch_size=batch_size,
        batch_index=batch_index,
        batch_id=batch_id,
        skipped=tuple(skipped),
    )


# -- export -------------------------------------------------------------------------------
def google_export_problem(account: Account) -> str | None:
    """Why ``account`` cannot go into a Google export, or ``None`` when it can."""
    if account.kind is OtpKind.STEAM:
        return "Steam accounts cannot be exported in Google's format"
    if account.is_time_based and account.period != 30:
        return "Google's format only has 30-second codes"
    if account.digits not in _DIGIT_CODES:
        return "Google's format only has 6- or 8-digit codes"
    if account.kind is OtpKind.HOTP and account.counter >= 2**63:
        return "Google's format only has counters below 2^63"
    return None


def _export_name(account: Account) -> str:
    """The ``name`` field as Google writes it (``Issuer:name``, the link's label).

    :func:`_split_name` removes exactly one ``Issuer:`` prefix, so every name comes back
    unchanged; without an issuer, an empty prefix protects a colon inside the name.
    """
    if account.issuer:
        return f"{account.issuer}:{account.name}"
    return ":" + account.name if ":" in account.name else account.name


def _entry_bytes(account: Account) -> bytes:
    out = _field_bytes(1, account.secret)
    out += _field_bytes(2, _export_name(account).encode("utf-8", errors="replace"))
    if account.issuer:
        out += _field_bytes(3, account.issuer.encode("utf-8", errors="replace"))
    out += _field_varint(4, _ALGORITHM_CODES[account.algorithm])
    out += _field_varint(5, _DIGIT_CODES[account.digits])
    out += _field_varint(6, _TYPE_CODES[account.kind])
    if account.kind is OtpKind.HOTP:
        out += _field_varint(7, account.counter)
    return _field_bytes(1, out)


def _link(entries: Sequence[bytes], size: int, index: int, batch_id: int) -> str:
    payload = b"".join(entries) + b"".join(
        (
            _field_varint(2, VERSION),
            _field_varint(3, size),
            _field_varint(4, index),
            _field_varint(5, batch_id),
        )
    )
    return PREFIX + quote(base64.b64encode(payload).decode("ascii"), safe="")


def encode_migration_uris(
    accounts: Sequence[Account],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_id: int | None = None,
) -> list[str]:
    """Google Authenticator export links, each at most ``max_bytes`` characters.

    Raises :class:`UriError` when an account cannot be represented (see
    :func:`google_export_problem`) or is too big for one link on its own.
    """
    problems = [
        f"{account.label} ({problem})"
        for account in accounts
        if (problem := google_export_problem(account)) is not None
    ]
    if problems:
        raise UriError(
            f"{len(problems)} account(s) cannot be exported in Google's format: "
            + "; ".join(problems)
        )
    if batch_id is None:
        batch_id = secrets.randbelow(2**31)
    elif not -(2**31) <= batch_id < 2**31:
        raise UriError("the batch id must fit in 32 bits")
    entries = [_entry_bytes(account) for account in accounts]
    if not entries:
        return [_link([], 1, 0, batch_id)]
    # Pack greedily with the largest possible size/index numbers: varints only grow
    # with their value, so every real link is at most as long as the one measured.
    worst = len(entries)
    batches: list[list[bytes]] = [[]]
    for account, entry in zip(accounts, entries, strict=True):
        if len(_link([entry], worst, worst, batch_id)) > max_bytes:
            raise UriError(f"{account.label} is too big for one export code")
        if batches[-1] and len(_link([*batches[-1], entry], worst, worst, batch_id)) > max_bytes:
            batches.append([])
        batches[-1].append(entry)
    size = len(batches)
    return [_link(batch, size, index, batch_id) for index, batch in enumerate(batches)]
