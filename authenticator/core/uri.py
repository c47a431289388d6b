"""``otpauth://`` links (Google's "Key Uri Format") to and from :class:`Account`.

Parsing is forgiving about what real services and apps emit (lower-case, spaced,
dashed or padded keys, ``+`` for spaces, ``%3A`` or literal colons, ``Issuer: name``,
unknown parameters such as Ente's ``codeDisplay``) and strict about what would
produce wrong codes (unknown types or algorithms, digits outside 5-10, a missing
counter for HOTP).

Errors: every problem raises :class:`UriError` (one sentence, never the secret).
Field errors detected by :class:`Account` (:class:`AccountError`) are re-raised as
``UriError`` with the same message, so callers need to catch ``UriError`` only; both
are :class:`AuthenticatorError` and ``ValueError`` subclasses.

Steam is written as ``otpauth://totp/...&encoder=steam`` (the form KeePassXC writes):
every authenticator accepts a ``totp`` link, so the key survives a round trip through
apps that don't know Steam, whereas an unknown ``steam`` type is rejected outright by
apps such as Google Authenticator. Both spellings are read.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, quote, unquote

from authenticator.core.account import (
    COUNTER_RULE,
    DIGITS_RULE,
    PERIOD_RULE,
    Account,
    AccountError,
    Algorithm,
    OtpKind,
    decode_base32,
)
from authenticator.core.errors import AuthenticatorError

SCHEME = "otpauth://"
_LABEL_SAFE = "@"  # keep e-mail addresses readable; everything else is percent-encoded


class UriError(AuthenticatorError, ValueError):
    """A link could not be used. The message says what is wrong, never the secret."""


def _shown(text: str, limit: int = 20) -> str:
    """A short, printable excerpt of a user-supplied value for an error message."""
    cleaned = "".join(ch if ch.isprintable() else "?" for ch in text.strip())
    return cleaned[:limit] + ("…" if len(cleaned) > limit else "")


def _decode_label(raw: str) -> str:
    """Percent-decode a label; ``+`` means a space unless the label holds an e-mail.

    Generators that form-encode labels write spaces as ``+``; a literal ``+`` should be
    ``%2B``, but e-mail addresses such as ``alice+work@example.com`` are often left
    unencoded, so a label containing ``@`` keeps its plus signs.
    """
    if "@" not in unquote(raw):
        raw = raw.replace("+", " ")
    return unquote(raw, errors="replace")


def _split_label(label: str, issuer_param: str) -> tuple[str, str]:
    """``(issuer, name)`` from a decoded label and the ``issuer`` parameter."""
    if issuer_param and label.startswith(issuer_param + ":"):
        return issuer_param, label[len(issuer_param) + 1 :].strip()
    if ":" in label:
        prefix, name = label.split(":", 1)
        return issuer_param or prefix.strip(), name.strip()
    return issuer_param, label.strip()


def _int_param(params: dict[str, str], key: str, default: int, message: str) -> int:
    text = params.get(key, "").strip()
    if not text:
        return default
    if not text.isascii() or not text.isdigit():
        raise UriError(message)
    try:
        return int(text)
    except ValueError:  # absurdly long digit strings
        raise UriError(message) from None


def _algorithm(text: str) -> Algorithm:
    key = text.strip().upper()
    if key.startswith("HMAC"):  # a few apps write HmacSHA1 / HMAC-SHA256
        key = key[4:].lstrip("-_ ")
    try:
        return Algorithm.parse(key)
    except AccountError:
        raise UriError(f"unsupported algorithm {_shown(text)}") from None


def _kind(type_text: str, params: dict[str, str]) -> OtpKind:
    kind_text = type_text.lower()
    if not kind_text:
        raise UriError("the link does not say whether it is totp or hotp")
    if kind_text not in ("totp", "hotp", "steam"):
        raise UriError(f"unsupported type {_shown(unquote(type_text))}")
    kind = OtpKind(kind_text)
    if params.get("encoder", "").strip().lower() == "steam":
        if kind is OtpKind.HOTP:
            raise UriError("Steam codes are time-based but this link says HOTP")
        kind = OtpKind.STEAM
    return kind


def parse_uri(text: str) -> Account:
    """The account described by an ``otpauth://`` link.

    Raises :class:`UriError` (and nothing else) for any malformed input.
    """
    if not isinstance(text, str):
        raise UriError("this is not an otpauth:// link")
    link = text.strip()
    if link[: len(SCHEME)].lower() != SCHEME:
        raise UriError("this is not an otpauth:// link")
    rest = link[len(SCHEME) :]
    path, _, query = rest.partition("?")
    type_text, _, raw_label = path.partition("/")

    params: dict[str, str] = {}
    for key, value in parse_qsl(query, keep_blank_values=True, errors="replace"):
        params.setdefault(key.strip().lower(), value)

    kind = _kind(type_text, params)
    secret_text = params.get("secret", "")
    if not secret_text.strip():
        raise UriError("the link has no secret")
    issuer, name = _split_label(_decode_label(raw_label), params.get("issuer", "").strip())

    # Only the parameters that matter for the type are read (and can be wrong):
    # Steam is always SHA1/5/30 s, HOTP has no period, TOTP no counter.
    digits, period, counter, algorithm = 5, 30, 0, Algorithm.SHA1
    if kind is not OtpKind.STEAM:
        digits = _int_param(params, "digits", 6, DIGITS_RULE)
        if "algorithm" in params:
            algorithm = _algorithm(params["algorithm"])
    if kind is OtpKind.TOTP:
        period = _int_param(params, "period", 30, PERIOD_RULE)
    if kind is OtpKind.HOTP:
        if not params.get("counter", "").strip():
            raise UriError("an HOTP link needs a counter")
        counter = _int_param(params, "counter", 0, COUNTER_RULE)

    try:
        return Account(
            secret=decode_base32(secret_text),
            issuer=issuer,
            name=name,
            kind=kind,
            algorithm=algorithm,
            digits=digits,
            period=period,
            counter=counter,
        )
    except AccountError as err:
        raise UriError(str(err)) from None


def _label(account: Account) -> str:
    name = quote(account.name, safe=_LABEL_SAFE, errors="replace")
    if account.issuer:
        return quote(account.issuer, safe=_LABEL_SAFE, errors="replace") + ":" + name
    # An empty issuer prefix keeps a colon inside the name from being read as a separator.
    return ":" + name if ":" in account.name else name


def format_uri(account: Account) -> str:
    """The canonical ``otpauth://`` link for ``account`` (contains the secret)."""
    params: list[tuple[str, str]] = [("secret", account.secret_b32)]
    if account.issuer:
        params.append(("issuer", account.issuer))
    params.append(("algorithm", account.algorithm.value))
    params.append(("digits", str(account.digits)))
    if account.kind is OtpKind.HOTP:
        params.append(("counter", str(account.counter)))
    else:
        params.append(("period", str(account.period)))
    if account.kind is OtpKind.STEAM:
        params.append(("encoder", "steam"))
    query = "&".join(f"{key}={quote(value, safe='', errors='replace')}" for key, value in params)
    kind = "hotp" if account.kind is OtpKind.HOTP else "totp"
    return f"{SCHEME}{kind}/{_label(account)}?{query}"
