"""Compare with a phone to about a second: the moment the phone's code changes.

A typed code only tells which 30 s step the phone is in (:func:`~authenticator.core.drift.
compare_codes`): a clock 20 s fast still "matches". Once that step is known, the person
presses a button (or starts typing) at the instant the phone shows a new code. That
instant, minus a human reaction time, is a step boundary on the phone's clock, so

    offset = boundary on the phone - (press time - reaction)

where ``offset`` is the phone's time minus this computer's (positive: this computer is
behind), the convention of :mod:`authenticator.core.drift`. The new code the person then
types says *which* boundary it was. Pure: no Qt, no clock of its own (times are passed in).
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from authenticator.core.account import Account
from authenticator.core.drift import (
    TYPING_ALLOWANCE,
    DriftError,
    DriftMatch,
    _check_account,
    _normalize_code,
)
from authenticator.core.otp import code_for_step

REACTION_SECONDS = 0.4
"""Typical delay between seeing a code change and pressing a key (0.2-0.6 s)."""
AGREEMENT_SECONDS = 2.0
"""Two clocks closer than this count as agreeing (a correction smaller than this is noise)."""
REPEAT_LIMIT = 3
"""Steps after the first code in which the change may have been seen."""


class Verdict(enum.StrEnum):
    """Which clock an internet time check says is right."""

    COMPUTER = "computer"  # this computer agrees with internet time: the phone is off
    PHONE = "phone"  # the phone agrees with internet time: this computer is off
    NEITHER = "neither"


@dataclass(frozen=True, slots=True)
class PreciseOffset:
    """``offset`` in seconds (phone minus this computer) measured at a code change."""

    offset: float
    step: int  # the phone's step that began at the press

    @property
    def agrees(self) -> bool:
        return abs(self.offset) < AGREEMENT_SECONDS


def coarse_range(first: DriftMatch) -> tuple[float, float]:
    """The offsets the first typed code allows (it may have been read a little earlier)."""
    if not first.is_match:
        raise DriftError("first find the step: type the code the other device shows now")
    period = first.period
    step = math.floor(first.reference_time / period) + first.candidates[0]
    low = step * period - first.reference_time
    return low, low + period + TYPING_ALLOWANCE


def offset_at_change(account: Account, first: DriftMatch, new_code: str, changed_at: float,
                     reaction: float = REACTION_SECONDS) -> PreciseOffset:
    """The offset from the instant ``changed_at`` (this computer's clock) at which the
    phone's code changed to ``new_code``.

    ``new_code`` identifies the step the phone entered; among the steps just after the
    first code, the one whose code matches and whose boundary fits the first code's range
    is used. Raises :class:`DriftError` when the code fits none (or, very rarely, two).
    """
    _check_account(account)
    if account.period != first.period:
        raise DriftError("the new code must come from the same account as the first")
    code = _normalize_code(account, new_code)
    low, high = coarse_range(first)
    period = account.period
    seen = changed_at - reaction
    first_step = math.floor(first.reference_time / period) + first.candidates[0]
    fits = []
    for step in range(first_step + 1, first_step + 1 + REPEAT_LIMIT):
        offset = step * period - seen
        if low - 1.0 <= offset <= high + 1.0 and code_for_step(account, step) == code:
            fits.append(PreciseOffset(offset, step))
    if len(fits) != 1:
        raise DriftError(
            "that code doesn't fit the moment it changed: press when the code on the other "
            "device changes, then type the new code it shows")
    return fits[0]


def verdict(phone_offset: float, internet_offset: float) -> Verdict:
    """Which device an internet check (server minus this computer) says is right."""
    if abs(internet_offset) < AGREEMENT_SECONDS + 1.0:
        return Verdict.COMPUTER
    if abs(internet_offset - phone_offset) < AGREEMENT_SECONDS + 1.0:
        return Verdict.PHONE
    return Verdict.NEITHER
