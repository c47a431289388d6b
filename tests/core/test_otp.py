"""OTP engine: RFC 4226/6238 vectors, Steam, key sizes, digit counts, injected time."""

from __future__ import annotations

import base64
import hashlib
import hmac
import math

import pyotp.contrib
import pytest

from authenticator.core.account import Account, Algorithm, OtpKind
from authenticator.core.clock import FixedClock
from authenticator.core.otp import (
    STEAM_ALPHABET,
    OtpError,
    code_at,
    code_for_step,
    group_code,
    hotp,
    seconds_left,
    state_at,
    steam,
    time_step,
    truncated_value,
)

RFC_SEED = b"12345678901234567890"
SEEDS = {
    Algorithm.SHA1: RFC_SEED,
    Algorithm.SHA256: (RFC_SEED * 2)[:32],
    Algorithm.SHA512: (RFC_SEED * 4)[:64],
}

RFC4226 = ["755224", "287082", "359152", "969429", "338314",
           "254676", "287922", "162583", "399871", "520489"]

RFC6238 = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]


@pytest.mark.parametrize(("counter", "expected"), list(enumerate(RFC4226)))
def test_rfc4226_hotp_vectors(counter: int, expected: str) -> None:
    assert hotp(RFC_SEED, counter) == expected
    account = Account(secret=RFC_SEED, kind=OtpKind.HOTP, counter=counter)
    assert code_at(account, now=123456.0) == expected  # HOTP ignores the time


@pytest.mark.parametrize(
    ("now", "algorithm", "expected"),
    [
        (row[0], algorithm, row[1 + i])
        for row in RFC6238
        for i, algorithm in enumerate((Algorithm.SHA1, Algorithm.SHA256, Algorithm.SHA512))
    ],
)
def test_rfc6238_totp_vectors(now: int, algorithm: Algorithm, expected: str) -> None:
    account = Account(secret=SEEDS[algorithm], algorithm=algorithm, digits=8, period=30)
    assert code_at(account, now) == expected
    assert state_at(account, now).code == expected


def _steam_reference(secret: bytes, now: int) -> str:
    """Steam Guard written out from its description, independently of the engine."""
    mac = hmac.new(secret, (now // 30).to_bytes(8, "big"), hashlib.sha1).digest()
    start = mac[19] & 15
    value = int.from_bytes(mac[start : start + 4], "big") & 0x7FFFFFFF
    out = ""
    for _ in range(5):
        out += "23456789BCDFGHJKMNPQRTVWXY"[value % 26]
        value //= 26
    return out


STEAM_KEY = base64.b64decode("cnOgv/KdpLoP6Nbh0GMkXkPXALQ=")  # example key of steam-totp docs


@pytest.mark.parametrize("now", [0, 59, 1111111109, 1700000000, 1700000029, 1700000030, 2**33])
def test_steam_matches_reference_and_pyotp(now: int) -> None:
    account = Account(secret=STEAM_KEY, kind=OtpKind.STEAM)
    code = code_at(account, now)
    assert code == _steam_reference(STEAM_KEY, now)
    assert code == pyotp.contrib.Steam(base64.b32encode(STEAM_KEY).decode()).at(now)
    assert len(code) == 5 and set(code) <= set(STEAM_ALPHABET)


def test_steam_pinned_value() -> None:
    # Pinned once, confirmed with pyotp.contrib.Steam and the reference above.
    account = Account(secret=STEAM_KEY, kind=OtpKind.STEAM)
    assert code_at(account, 1700000000) == "X45RP"
    assert steam(STEAM_KEY, 1700000000 // 30) == "X45RP"


def test_steam_account_is_five_characters_even_if_asked_for_more() -> None:
    account = Account(secret=STEAM_KEY, kind=OtpKind.STEAM, digits=8)
    assert account.digits == 5
    assert len(code_at(account, 1e9)) == 5


def test_80_bit_key_is_accepted_and_flagged_weak() -> None:
    secret = base64.b32decode("JBSWY3DPEHPK3PXP")  # 10 bytes, as many services issue
    account = Account(secret=secret)
    assert account.key_bits == 80
    assert account.is_weak
    # pyotp refuses such keys; compare with the raw RFC construction instead.
    mac = hmac.new(secret, (1700000000 // 30).to_bytes(8, "big"), hashlib.sha1).digest()
    start = mac[-1] & 15
    expected = (int.from_bytes(mac[start : start + 4], "big") & 0x7FFFFFFF) % 10**6
    assert code_at(account, 1700000000) == f"{expected:06d}"
    assert not Account(secret=bytes(16)).is_weak


@pytest.mark.parametrize("digits", [5, 6, 7, 8, 9, 10])
def test_code_length_and_zero_padding(digits: int) -> None:
    value = truncated_value(RFC_SEED, 0)
    code = hotp(RFC_SEED, 0, digits)
    assert len(code) == digits
    assert int(code) == value % 10**digits


def test_ten_digit_code_keeps_leading_zero() -> None:
    # Find a counter whose 31-bit value has fewer than 10 digits: its code must be padded.
    counter = next(c for c in range(1000) if truncated_value(RFC_SEED, c) < 10**9)
    code = hotp(RFC_SEED, counter, 10)
    assert len(code) == 10 and code.startswith("0")


def test_time_step_and_seconds_left_from_injected_clock() -> None:
    clock = FixedClock(1_700_000_000.25)  # 1700000000 = 56666666 * 30 + 20
    assert time_step(clock.now(), 30) == 56666666
    assert seconds_left(clock.now(), 30) == pytest.approx(9.75)
    clock.advance(9.75)
    assert time_step(clock.now(), 30) == 56666667
    assert seconds_left(clock.now(), 30) == pytest.approx(30.0)
    assert time_step(-5.0, 30) == 0


def test_state_at_gives_current_and_next_code() -> None:
    account = Account(secret=RFC_SEED, digits=8)
    clock = FixedClock(50)
    state = state_at(account, clock.now())
    assert state.step == 1
    assert state.code == code_for_step(account, 1)
    assert state.next_code == code_for_step(account, 2)
    assert state.seconds_left == pytest.approx(10)
    assert state.fraction_left == pytest.approx(1 / 3)
    clock.advance(10)  # the "next" code becomes the current one at the boundary
    assert state_at(account, clock.now()).code == state.next_code


def test_period_other_than_30_changes_the_step() -> None:
    account = Account(secret=RFC_SEED, period=60)
    assert code_at(account, 59) == hotp(RFC_SEED, 0)
    assert code_at(account, 60) == hotp(RFC_SEED, 1)


def test_hotp_state_has_no_countdown() -> None:
    account = Account(secret=RFC_SEED, kind=OtpKind.HOTP, counter=3)
    state = state_at(account, 1e9)
    assert (state.code, state.next_code, state.step) == (RFC4226[3], None, 3)


def test_out_of_range_counter_and_time_raise_user_errors() -> None:
    with pytest.raises(OtpError, match="counter"):
        hotp(RFC_SEED, 2**64)
    with pytest.raises(OtpError, match="time"):
        time_step(math.inf, 30)
    with pytest.raises(OtpError, match="time"):
        code_at(Account(secret=RFC_SEED), math.nan)


@pytest.mark.parametrize(
    ("code", "shown"),
    [("12345", "12345"), ("123456", "123 456"), ("1234567", "123 4567"),
     ("12345678", "1234 5678"), ("123456789", "123 456 789"), ("1234567890", "123 456 7890")],
)
def test_group_code(code: str, shown: str) -> None:
    assert group_code(code) == shown


def test_repr_and_str_never_show_the_secret() -> None:
    secret = bytes(range(1, 21))
    account = Account(secret=secret, issuer="GitHub", name="alice")
    b32 = base64.b32encode(secret).decode()
    for text in (repr(account), str(account), repr([account]), f"{account!r}"):
        assert b32 not in text and b32.rstrip("=") not in text
        assert repr(secret) not in text and secret.hex() not in text
        assert "GitHub" in text  # it is still a useful repr
