"""OTP maths (RFC 4226 HOTP, RFC 6238 TOTP, Steam Guard) from an injected time.

Written on ``hmac`` directly rather than pyotp: pyotp refuses keys under 112 bits and
fewer than 6 digits, yet real services issue 80-bit keys. Tests cross-check pyotp and
``oathtool`` on thousands of random cases.
"""

from __future__ import annotations

import hmac
import math
import struct
from dataclasses import dataclass

from authenticator.core.account import Account, Algorithm, OtpKind
from authenticator.core.errors import AuthenticatorError

STEAM_ALPHABET = "23456789BCDFGHJKMNPQRTVWXY"

# Names, not constructors: hmac.digest() takes OpenSSL's one-shot fast path only for names.
_DIGEST_NAMES = {algorithm: algorithm.value.lower() for algorithm in Algorithm}
_POW10 = [10**i for i in range(11)]
_PACK = struct.Struct(">Q").pack
_HMAC_DIGEST = hmac.digest  # one-shot C implementation: no HMAC object per code


class OtpError(AuthenticatorError, ValueError):
    """A counter or time outside what OTP can represent (never involves the secret)."""


def truncated_value(secret: bytes, counter: int, algorithm: Algorithm = Algorithm.SHA1) -> int:
    """RFC 4226 dynamic truncation: the 31-bit value behind every code."""
    try:
        message = _PACK(counter)
    except struct.error:
        raise OtpError("the counter must be between 0 and 2^64 - 1") from None
    mac = _HMAC_DIGEST(secret, message, _DIGEST_NAMES[algorithm])
    offset = mac[-1] & 0x0F
    return int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFFFFFF


def hotp(
    secret: bytes, counter: int, digits: int = 6, algorithm: Algorithm = Algorithm.SHA1
) -> str:
    """Numeric HOTP code, zero-padded to ``digits``."""
    value = truncated_value(secret, counter, algorithm) % _POW10[digits]
    return str(value).zfill(digits)


def steam(secret: bytes, counter: int) -> str:
    """Steam Guard: five characters from a 26-letter alphabet (SHA1, 30 s steps)."""
    value = truncated_value(secret, counter, Algorithm.SHA1)
    chars = []
    for _ in range(5):
        value, index = divmod(value, len(STEAM_ALPHABET))
        chars.append(STEAM_ALPHABET[index])
    return "".join(chars)


def time_step(now: float, period: int) -> int:
    """The TOTP counter for ``now`` (Unix seconds). Negative times clamp to step 0."""
    if not math.isfinite(now):
        raise OtpError("the time must be a finite number of seconds")
    return max(0, math.floor(now)) // period


def seconds_left(now: float, period: int) -> float:
    """Seconds until the current step ends (in ``(0, period]``)."""
    return period - (now % period) if now >= 0 else float(period)


def code_for_step(account: Account, step: int) -> str:
    if account.kind is OtpKind.STEAM:
        return steam(account.secret, step)
    return hotp(account.secret, step, account.digits, account.algorithm)


def code_at(account: Account, now: float) -> str:
    """The code the account shows at ``now``; HOTP accounts use their stored counter."""
    if account.kind is OtpKind.HOTP:
        return hotp(account.secret, account.counter, account.digits, account.algorithm)
    return code_for_step(account, time_step(now, account.period))


@dataclass(frozen=True, slots=True)
class CodeState:
    """Everything a view needs for one account at one instant."""

    code: str
    next_code: str | None
    seconds_left: float
    period: int
    step: int

    @property
    def fraction_left(self) -> float:
        return self.seconds_left / self.period if self.period else 0.0


def state_at(account: Account, now: float) -> CodeState:
    if account.kind is OtpKind.HOTP:
        return CodeState(code_at(account, now), None, 0.0, 0, account.counter)
    step = time_step(now, account.period)
    return CodeState(
        code=code_for_step(account, step),
        next_code=code_for_step(account, step + 1),
        seconds_left=seconds_left(now, account.period),
        period=account.period,
        step=step,
    )


def group_code(code: str) -> str:
    """Split a code for reading: ``123 456``, ``1234 5678``, ``12345`` (5 stays whole)."""
    n = len(code)
    if n <= 5:
        return code
    if n == 6:
        return f"{code[:3]} {code[3:]}"
    if n == 7:
        return f"{code[:3]} {code[3:]}"  # 3+4 reads better than 4+3
    if n == 8:
        return f"{code[:4]} {code[4:]}"
    if n == 9:
        return f"{code[:3]} {code[3:6]} {code[6:]}"
    return f"{code[:3]} {code[3:6]} {code[6:]}" if n == 10 else code
