"""The one account type that flows through scanner, importers, vault, model and CLI."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import enum
from dataclasses import dataclass, field
from typing import Any

from authenticator.core.errors import AuthenticatorError

# The one set of limits every way in checks (links, importers, GUI forms, backups, the
# vault file): an account outside them could not produce codes or be exported again.
MIN_DIGITS = 5
MAX_DIGITS = 10
MAX_PERIOD = 86_400  # one day; real services use 30 or 60 seconds
MAX_COUNTER = 2**64 - 1  # HOTP counters are unsigned 64-bit (RFC 4226)
DIGITS_RULE = f"digits must be between {MIN_DIGITS} and {MAX_DIGITS}"
PERIOD_RULE = f"the period must be between 1 and {MAX_PERIOD} seconds"
COUNTER_RULE = "the counter must be a whole number between 0 and 2^64 - 1"
STEAM_DIGITS = 5
WEAK_KEY_BITS = 128
BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


class AccountError(AuthenticatorError, ValueError):
    """An account field is invalid (message names the field, never the secret)."""


class OtpKind(enum.StrEnum):
    TOTP = "totp"
    HOTP = "hotp"
    STEAM = "steam"


class Algorithm(enum.StrEnum):
    SHA1 = "SHA1"
    SHA256 = "SHA256"
    SHA512 = "SHA512"

    @classmethod
    def parse(cls, text: str) -> Algorithm:
        key = text.strip().upper().replace("-", "")
        try:
            return cls(key)
        except ValueError:
            raise AccountError(f"unsupported algorithm {text.strip()[:20]}") from None


# Digits people type for the base32 letter they misread (base32 has no 0, 1, 8 or 9).
LIKELY_LETTERS = {"0": "O", "1": "I or L", "8": "B"}


def invalid_base32_characters(text: str) -> list[str]:
    """The distinct characters of a key (spaces, dashes, padding ignored) base32 lacks."""
    cleaned = "".join(ch for ch in text if ch not in " \t\r\n-_").upper().rstrip("=")
    return sorted({ch for ch in cleaned if ch not in BASE32_ALPHABET})


def shown_character(ch: str) -> str:
    return repr(ch)[1:-1] if not ch.isprintable() or ch == " " else ch


def likely_letter(ch: str) -> str:
    """The letter a misread character probably stands for ("" when there is no guess)."""
    return LIKELY_LETTERS.get(ch, "")


def describe_invalid_characters(bad: list[str]) -> str:
    """Plain words: what base32 allows, what the key has, and the likely intended letters."""
    parts = []
    for ch in bad[:8]:
        guess = likely_letter(ch)
        parts.append(f"{shown_character(ch)} (perhaps {guess})" if guess
                     else shown_character(ch))
    return ("a key uses only the letters A-Z and the digits 2-7; this one also has "
            + ", ".join(parts))


def normalize_base32(text: str) -> str:
    """Upper-case base32 without spaces, dashes, underscores or padding.

    Raises AccountError naming the offending characters (safe: characters that are
    not base32 are not part of a valid key, and at most a few are shown).
    """
    cleaned = "".join(ch for ch in text if ch not in " \t\r\n-_").upper().rstrip("=")
    if not cleaned:
        raise AccountError("the key is empty")
    bad = invalid_base32_characters(cleaned)
    if bad:
        raise AccountError(describe_invalid_characters(bad))
    if len(cleaned) % 8 in (1, 3, 6):
        raise AccountError(f"the key has an impossible length ({len(cleaned)} base32 characters)")
    return cleaned


def decode_base32(text: str) -> bytes:
    """Decode a real-world base32 key (lowercase, spaced, dashed, padded or not)."""
    cleaned = normalize_base32(text)
    padded = cleaned + "=" * (-len(cleaned) % 8)
    try:
        raw = base64.b32decode(padded)
    except (binascii.Error, ValueError):
        raise AccountError("the key is not valid base32") from None
    if not raw:
        raise AccountError("the key is empty")
    return raw


def encode_base32(secret: bytes) -> str:
    """Upper-case base32 without padding."""
    return base64.b32encode(secret).decode("ascii").rstrip("=")


MAX_ICON_CHARS = 512 * 1024  # a data URI of a small PNG (the app stores 128 x 128)


def _stored_icon(value: Any) -> str:
    """A stored custom icon, or "" when absent, not a data URI or too large."""
    if not isinstance(value, str) or len(value) > MAX_ICON_CHARS:
        return ""
    return value if value.startswith("data:image/") else ""


def new_id() -> str:
    import uuid  # lazily: uuid pulls in platform, which slows CLI start-up

    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class Account:
    """One OTP key with its metadata. Immutable: use :meth:`evolve` to change fields.

    ``repr``/``str`` never include the secret (it is excluded from the dataclass repr).
    """

    secret: bytes = field(repr=False)
    issuer: str = ""
    name: str = ""
    kind: OtpKind = OtpKind.TOTP
    algorithm: Algorithm = Algorithm.SHA1
    digits: int = 6
    period: int = 30
    counter: int = 0
    note: str = ""
    favorite: bool = False
    tags: tuple[str, ...] = ()
    id: str = field(default_factory=new_id)
    #: Unix seconds; 0.0 until the vault stamps the account with its clock when it is
    #: added (the core never reads the computer's clock: times are passed in).
    created: float = 0.0
    modified: float = 0.0
    last_used: float | None = None
    # Bumped on every edit: merges keep the higher revision (then the later ``modified``).
    revision: int = 0
    #: The user's own icon for this account: a ``data:image/png;base64,...`` URI, or "".
    icon: str = field(default="", repr=False)
    #: Websites (ASCII host names) whose login pages may receive this account's codes from
    #: the browser extension; matched by registrable domain (authenticator.browser.sites).
    websites: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Coerce loose inputs (strings from parsers/JSON) into the enum types.
        if not isinstance(self.kind, OtpKind):
            try:
                object.__setattr__(self, "kind", OtpKind(str(self.kind).lower()))
            except ValueError:
                raise AccountError(f"unsupported type {str(self.kind)[:20]}") from None
        if not isinstance(self.algorithm, Algorithm):
            object.__setattr__(self, "algorithm", Algorithm.parse(str(self.algorithm)))
        if not isinstance(self.tags, tuple):
            object.__setattr__(self, "tags", tuple(self.tags))
        if not isinstance(self.websites, tuple):
            object.__setattr__(self, "websites", tuple(self.websites))
        if not isinstance(self.secret, bytes):
            raise AccountError("the key must be bytes")
        if len(self.secret) < 1:
            raise AccountError("the key is empty")
        if self.kind is OtpKind.STEAM:
            object.__setattr__(self, "digits", STEAM_DIGITS)
        if isinstance(self.digits, bool) or not isinstance(self.digits, int) or not (
            MIN_DIGITS <= self.digits <= MAX_DIGITS
        ):
            raise AccountError(DIGITS_RULE)
        if isinstance(self.period, bool) or not isinstance(self.period, int) or not (
            1 <= self.period <= MAX_PERIOD
        ):
            raise AccountError(PERIOD_RULE)
        if isinstance(self.counter, bool) or not isinstance(self.counter, int) or not (
            0 <= self.counter <= MAX_COUNTER
        ):
            raise AccountError(COUNTER_RULE)
        if isinstance(self.revision, bool) or not isinstance(self.revision, int) or not (
            0 <= self.revision < 2**63
        ):
            raise AccountError("the revision must be a whole number of at least 0")

    # -- derived -------------------------------------------------------------------------
    @property
    def secret_b32(self) -> str:
        return encode_base32(self.secret)

    @property
    def key_bits(self) -> int:
        return len(self.secret) * 8

    @property
    def is_weak(self) -> bool:
        """Keys under 128 bits are accepted (many services issue 80-bit keys) but flagged."""
        return self.key_bits < WEAK_KEY_BITS

    @property
    def is_time_based(self) -> bool:
        return self.kind is not OtpKind.HOTP

    @property
    def label(self) -> str:
        """Human label: ``issuer (name)``, or whichever exists."""
        if self.issuer and self.name:
            return f"{self.issuer} ({self.name})"
        return self.issuer or self.name or "(unnamed)"

    @property
    def safe_label(self) -> str:
        """:attr:`label` with control and format characters shown as ``\\uXXXX`` escapes:
        what a window shows (a name from a file could hide bidi overrides or escapes)."""
        from authenticator.core.text import printable

        return printable(self.label)

    def same_key(self, other: Account) -> bool:
        """True when both accounts would generate the same codes (duplicate detection)."""
        return (
            self.secret == other.secret
            and self.kind == other.kind
            and self.algorithm == other.algorithm
            and self.digits == other.digits
            and (self.period == other.period or not self.is_time_based)
        )

    def evolve(self, *, at: float | None = None, **changes: Any) -> Account:
        """A copy with ``changes`` applied. ``at`` (Unix seconds, from the caller's clock)
        stamps the copy as modified then; without it ``modified`` is kept unless given, and
        the vault's :meth:`update` stamps the edit with its own clock (and bumps
        ``revision``)."""
        if at is not None:
            changes.setdefault("modified", at)
        return dataclasses.replace(self, **changes)

    # -- JSON (the CLI contract in docs/architecture.md, plus what the vault keeps) -----------
    def to_public_json(self) -> dict[str, Any]:
        """The CLI's ACCOUNT object: includes the secret (used by ``scan --json``)."""
        return {
            "type": self.kind.value,
            "issuer": self.issuer,
            "name": self.name,
            "secret": self.secret_b32,
            "algorithm": self.algorithm.value,
            "digits": self.digits,
            "period": self.period if self.is_time_based else None,
            "counter": self.counter if self.kind is OtpKind.HOTP else None,
        }

    def to_listing_json(self) -> dict[str, Any]:
        """Like :meth:`to_public_json` without the secret (``list --json``)."""
        data = self.to_public_json()
        del data["secret"]
        data.update(id=self.id, note=self.note, favorite=self.favorite, tags=list(self.tags))
        return data

    def to_storage_json(self) -> dict[str, Any]:
        """Every field, for the encrypted vault content and backups."""
        data = self.to_public_json()
        data.update(
            id=self.id,
            note=self.note,
            favorite=self.favorite,
            tags=list(self.tags),
            created=self.created,
            modified=self.modified,
            last_used=self.last_used,
            counter=self.counter,
            period=self.period,
            revision=self.revision,
        )
        if self.icon:
            data["icon"] = self.icon
        if self.websites:  # only when set: vaults without bindings stay byte-for-byte alike
            data["websites"] = list(self.websites)
        return data

    @classmethod
    def from_storage_json(cls, data: dict[str, Any]) -> Account:
        """Inverse of :meth:`to_storage_json`; tolerant of missing optional fields."""
        try:
            secret = decode_base32(str(data["secret"]))
            return cls(
                secret=secret,
                issuer=str(data.get("issuer") or ""),
                name=str(data.get("name") or ""),
                kind=OtpKind(str(data.get("type") or "totp").lower()),
                algorithm=Algorithm.parse(str(data.get("algorithm") or "SHA1")),
                digits=int(data.get("digits") or 6),
                period=int(data.get("period") or 30),
                counter=int(data.get("counter") or 0),
                note=str(data.get("note") or ""),
                favorite=bool(data.get("favorite", False)),
                tags=tuple(str(t) for t in data.get("tags") or ()),
                id=str(data.get("id") or new_id()),
                created=float(data.get("created") or 0.0),  # missing: unknown, 0.0
                modified=float(data.get("modified") or 0.0),
                last_used=(float(data["last_used"]) if data.get("last_used") is not None
                           else None),
                revision=int(data.get("revision") or 0),
                icon=_stored_icon(data.get("icon")),
                websites=_strings(data.get("websites")),
            )
        except AccountError:
            raise
        except (KeyError, TypeError, ValueError):
            raise AccountError("an account entry is incomplete or malformed") from None


def _strings(value: Any) -> tuple[str, ...]:
    """A tolerant reader for a list of short strings (unknown shapes are dropped)."""
    if not isinstance(value, list):
        return ()
    return tuple(dict.fromkeys(v for v in value if isinstance(v, str) and 0 < len(v) <= 253))
