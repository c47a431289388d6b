"""Clock-drift maths: how wrong is this clock, did it jump, and what does another device say.

Pure: no I/O, no network. The network time check lives in :mod:`authenticator.timesync`;
this module only interprets offsets (seconds, *server or other device minus this
computer*: positive means this clock is behind) and compares typed codes.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from authenticator.core.account import STEAM_DIGITS, Account, OtpKind
from authenticator.core.errors import AuthenticatorError
from authenticator.core.otp import STEAM_ALPHABET, code_for_step, time_step

NOTICE_SECONDS = 5.0
"""From this offset on, codes typed near the end of a step start to fail."""
WARNING_SECONDS = 15.0
"""From this offset on, about half of all codes fail near step boundaries."""
JUMP_THRESHOLD = 2.0
"""Wall-clock vs monotonic disagreement (seconds) reported as a clock jump."""
DEFAULT_WINDOW = 10
"""Steps searched either side of now by :func:`compare_codes` (±5 minutes at 30 s)."""
TYPING_ALLOWANCE = 15.0
"""Seconds a person may take between reading a code on one device and typing it here."""
OTHER_DEVICE = "your phone"


class DriftError(AuthenticatorError, ValueError):
    """A code comparison cannot be made (HOTP account, malformed code...)."""


class DriftLevel(enum.StrEnum):
    OK = "ok"
    NOTICE = "notice"
    WARNING = "warning"


def classify_offset(offset: float) -> DriftLevel:
    """OK below 5 s, NOTICE from 5 s, WARNING from 15 s (either direction)."""
    size = abs(offset)
    if not math.isfinite(size) or size >= WARNING_SECONDS:
        return DriftLevel.WARNING
    if size >= NOTICE_SECONDS:
        return DriftLevel.NOTICE
    return DriftLevel.OK


def _unit(value: int, singular: str, plural: str | None = None) -> str:
    return f"{value} {singular if value == 1 else (plural or singular + 's')}"


def humanize_seconds(seconds: float) -> str:
    """A duration for people: ``47 s``, ``2 min 3 s``, ``3 h 5 min``, ``2 days 4 h``.

    Rounded to the second; the sign is ignored (callers say "slow" or "fast").
    """
    if not math.isfinite(seconds):
        return "an unknown time"
    total = round(abs(seconds))
    if total < 60:
        return f"{total} s"
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    hours, minutes = divmod(round(total / 60), 60)
    if hours < 24:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(round(total / 3600), 24)
    text = _unit(days, "day")
    return f"{text} {hours} h" if hours else text


def describe_offset(offset: float) -> str:
    """One sentence about this computer's clock, given server time minus local time."""
    if not math.isfinite(offset):
        return "This computer's clock could not be compared with the correct time."
    if round(abs(offset)) == 0:
        return "This computer's clock is correct to within a second."
    direction = "slow" if offset > 0 else "fast"
    head = f"This computer's clock is {humanize_seconds(offset)} {direction}"
    level = classify_offset(offset)
    if level is DriftLevel.WARNING:
        return f"{head}; sites may reject your codes."
    if level is DriftLevel.NOTICE:
        return f"{head}; codes typed near the end of their time step may be rejected."
    return f"{head}, which is close enough for codes."


class JumpDetector:
    """Notices when the wall clock jumps (manual change, NTP step, resume from sleep).

    Feed it ``(time.time(), time.monotonic())`` on every tick. Between two ticks the
    wall clock should advance as much as the monotonic clock; when the two disagree by
    more than ``threshold`` seconds, :meth:`feed` returns the jump in seconds (positive:
    the wall clock moved forward more than real time passed) so the UI can refresh every
    code and re-check the clock. A suspended machine also reports a forward jump on
    systems whose monotonic clock stops during sleep, which is what the codes need too.
    """

    def __init__(self, threshold: float = JUMP_THRESHOLD) -> None:
        self.threshold = threshold
        self._last: tuple[float, float] | None = None

    def feed(self, wall: float, monotonic: float) -> float | None:
        last, self._last = self._last, (wall, monotonic)
        if last is None:
            return None
        jump = (wall - last[0]) - (monotonic - last[1])
        return jump if abs(jump) > self.threshold else None

    def reset(self) -> None:
        """Forget the previous tick (e.g. after the timer was stopped for a while)."""
        self._last = None


# -- offline comparison with another device ---------------------------------------------
@dataclass(frozen=True, slots=True)
class DriftMatch:
    """Result of comparing a code typed from another device with this computer's codes.

    ``candidates`` are the step offsets (other device's step minus this computer's step
    at ``reference_time``) whose code matches; empty when none does, several when the
    code is ambiguous. ``offset_seconds`` (other device minus this computer, to the
    nearest step) is set only when exactly one candidate remains.
    """

    candidates: list[int]
    offset_seconds: float | None
    message: str
    period: int
    reference_time: float
    window: int

    @property
    def is_match(self) -> bool:
        return len(self.candidates) == 1

    @property
    def is_ambiguous(self) -> bool:
        return len(self.candidates) > 1


def _normalize_code(account: Account, typed: str) -> str:
    code = "".join(typed.split()).replace("-", "")
    if account.kind is OtpKind.STEAM:
        code = code.upper()
        if len(code) != STEAM_DIGITS or any(ch not in STEAM_ALPHABET for ch in code):
            raise DriftError("type the 5-character Steam code exactly as the other device shows it")
        return code
    if len(code) != account.digits or not code.isascii() or not code.isdigit():
        raise DriftError(
            f"type the {account.digits}-digit code exactly as the other device shows it"
        )
    return code


def _check_account(account: Account) -> None:
    if account.kind is OtpKind.HOTP:
        raise DriftError(
            "counter-based (HOTP) codes do not depend on the clock, so they cannot "
            "show a time difference"
        )


def _matching_offsets(account: Account, code: str, now: float, window: int) -> list[int]:
    step = time_step(now, account.period)
    return [
        k
        for k in range(-window, window + 1)
        if step + k >= 0 and code_for_step(account, step + k) == code
    ]


def _feasible(period: int, now: float, k: int) -> tuple[float, float]:
    """Offsets (seconds) for which the other device showed step ``step(now) + k``.

    The code may have been read up to :data:`TYPING_ALLOWANCE` seconds before ``now``.
    """
    start = (time_step(now, period) + k) * period - now
    return start, start + period + TYPING_ALLOWANCE


def _build(candidates: list[int], account: Account, now: float, window: int) -> DriftMatch:
    period = account.period
    offset: float | None = None
    if not candidates:
        reach = humanize_seconds(window * period)
        message = (
            f"That code doesn't match this account at any time within ±{reach}: "
            "check you picked the same account on both devices."
        )
    elif len(candidates) == 1:
        k = candidates[0]
        offset = float(k * period)
        if k == 0:
            message = (
                f"{OTHER_DEVICE.capitalize()} and this computer agree: same time, "
                f"within this {humanize_seconds(period)} step."
            )
        else:
            way = "ahead of" if k > 0 else "behind"
            message = (
                f"{OTHER_DEVICE.capitalize()} is about {humanize_seconds(offset)} {way} "
                "this computer."
            )
    else:
        message = (
            f"That code matches {len(candidates)} different times; wait for the next code "
            f"on {OTHER_DEVICE} and type it too."
        )
    return DriftMatch(candidates, offset, message, period, now, window)


def compare_codes(
    account: Account, typed_code: str, now: float, window: int = DEFAULT_WINDOW
) -> DriftMatch:
    """Find the time steps within ±``window`` of ``now`` whose code is ``typed_code``.

    Works for TOTP and Steam accounts; HOTP accounts and malformed codes raise
    :class:`DriftError`.
    """
    _check_account(account)
    if window < 0:
        raise DriftError("the search window must be zero or more time steps")
    code = _normalize_code(account, typed_code)
    return _build(_matching_offsets(account, code, now, window), account, now, window)


def refine_with_second_code(
    first: DriftMatch, account: Account, second_code: str, now: float
) -> DriftMatch:
    """Narrow ``first`` with a code typed later (at ``now``) from the same device.

    A candidate of the first code survives when some clock difference explains both
    codes (allowing for the time it takes to type each one). The result keeps step
    offsets relative to the first code's ``reference_time``. When the first code matched
    nothing, this is the same as comparing the second code alone.
    """
    _check_account(account)
    if account.period != first.period:
        raise DriftError("the second code must come from the same account as the first")
    code = _normalize_code(account, second_code)
    if not first.candidates:
        return _build(_matching_offsets(account, code, now, first.window), account, now,
                      first.window)
    second = [
        _feasible(account.period, now, k)
        for k in _matching_offsets(account, code, now, first.window)
    ]

    def fits_second(k: int) -> bool:
        lo, hi = _feasible(account.period, first.reference_time, k)
        return any(lo < s_hi and s_lo < hi for s_lo, s_hi in second)

    survivors = [k for k in first.candidates if fits_second(k)]
    result = _build(survivors, account, first.reference_time, first.window)
    if not survivors:
        return DriftMatch(
            [], None,
            "The two codes don't fit one clock difference: type two codes in a row from "
            "the same account on the other device.",
            result.period, result.reference_time, result.window,
        )
    return result


def suggested_correction(match: DriftMatch) -> float | None:
    """Seconds to add to this computer's time to agree with the other device, if known."""
    return match.offset_seconds if match.is_match else None
