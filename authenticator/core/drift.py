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


class ClockState(enum.StrEnum):
    """What an offset says about this computer's clock (the words are the callers':
    the window's are translated, the command line's English)."""

    UNKNOWN = "unknown"  # no finite offset: the clock could not be compared
    RIGHT = "right"  # within a second
    SLOW = "slow"  # behind the correct time (positive offset)
    FAST = "fast"  # ahead of it (negative offset)


@dataclass(frozen=True, slots=True)
class OffsetReading:
    """An offset (server or other device minus this computer) as numbers and enums."""

    state: ClockState
    seconds: float  # how far off, never negative (inf when unknown)
    level: DriftLevel


def read_offset(offset: float) -> OffsetReading:
    if not math.isfinite(offset):
        return OffsetReading(ClockState.UNKNOWN, math.inf, DriftLevel.WARNING)
    if round(abs(offset)) == 0:
        return OffsetReading(ClockState.RIGHT, abs(offset), DriftLevel.OK)
    state = ClockState.SLOW if offset > 0 else ClockState.FAST
    return OffsetReading(state, abs(offset), classify_offset(offset))


@dataclass(frozen=True, slots=True)
class Duration:
    """A duration as people read it, rounded to its two largest units: seconds under a
    minute, minutes and seconds under an hour, hours and minutes under a day, else days
    and hours (the units not shown are 0)."""

    days: int = 0
    hours: int = 0
    minutes: int = 0
    seconds: int = 0


def split_duration(seconds: float) -> Duration | None:
    """``seconds`` (the sign is ignored) as a :class:`Duration`; None when not finite."""
    if not math.isfinite(seconds):
        return None
    total = round(abs(seconds))
    if total < 60:
        return Duration(seconds=total)
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return Duration(minutes=minutes, seconds=secs)
    hours, minutes = divmod(round(total / 60), 60)
    if hours < 24:
        return Duration(hours=hours, minutes=minutes)
    days, hours = divmod(round(total / 3600), 24)
    return Duration(days=days, hours=hours)


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
class MatchOutcome(enum.StrEnum):
    """What a typed code says (the words are the callers')."""

    NO_MATCH = "no-match"  # no time within the window gives that code
    SAME = "same"  # the other device is in this computer's time step
    AHEAD = "ahead"  # the other device is ahead of this computer (by offset_seconds)
    BEHIND = "behind"  # ... behind it
    AMBIGUOUS = "ambiguous"  # several times fit: a second code is needed
    INCONSISTENT = "inconsistent"  # two codes that no single clock difference explains


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
    outcome: MatchOutcome
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
    offset: float | None = None
    if not candidates:
        outcome = MatchOutcome.NO_MATCH
    elif len(candidates) == 1:
        k = candidates[0]
        offset = float(k * account.period)
        outcome = (MatchOutcome.SAME if k == 0 else
                   MatchOutcome.AHEAD if k > 0 else MatchOutcome.BEHIND)
    else:
        outcome = MatchOutcome.AMBIGUOUS
    return DriftMatch(candidates, offset, outcome, account.period, now, window)


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
        return DriftMatch([], None, MatchOutcome.INCONSISTENT, result.period,
                          result.reference_time, result.window)
    return result


def suggested_correction(match: DriftMatch) -> float | None:
    """Seconds to add to this computer's time to agree with the other device, if known."""
    return match.offset_seconds if match.is_match else None
