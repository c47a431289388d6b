"""The code-change instant gives the offset to about a second (pure, injected times)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authenticator.core.account import Account
from authenticator.core.drift import DriftError, compare_codes
from authenticator.core.drift_precise import Verdict, offset_at_change, verdict
from authenticator.core.otp import code_at, code_for_step

ACCOUNT = Account(secret=b"12345678901234567890", issuer="Example", name="a")
NOW = 1_700_000_000.0


def measure(offset: float, start: float, typing: float, reaction: float) -> float:
    read_at = start
    typed_at = start + typing
    first = compare_codes(ACCOUNT, code_at(ACCOUNT, read_at + offset), typed_at)
    phone = typed_at + offset
    step = math.floor(phone / 30) + 1
    pressed = step * 30 - offset + reaction
    return offset_at_change(ACCOUNT, first, code_for_step(ACCOUNT, step), pressed).offset


@pytest.mark.parametrize("offset", [0, 8, 20, -25, 95])
@pytest.mark.parametrize("reaction", [0.2, 0.4, 0.6])
def test_listed_offsets_within_a_second_and_a_half(offset, reaction):
    assert abs(measure(offset, NOW + 3.3, 4.0, reaction) - offset) <= 1.5


@given(offset=st.floats(-280, 280), start=st.floats(0, 60), typing=st.floats(1, 14),
       reaction=st.floats(0.2, 0.6))
def test_any_offset_any_moment(offset, start, typing, reaction):
    assert abs(measure(offset, NOW + start, typing, reaction) - offset) <= 1.5


def test_a_code_that_does_not_fit_the_change_is_refused():
    first = compare_codes(ACCOUNT, code_at(ACCOUNT, NOW), NOW + 2)
    with pytest.raises(DriftError):
        offset_at_change(ACCOUNT, first, code_at(ACCOUNT, NOW - 300), NOW + 20)


def test_verdict():
    assert verdict(-20.0, -20.4) is Verdict.PHONE
    assert verdict(-20.0, 0.3) is Verdict.COMPUTER
    assert verdict(-20.0, 40.0) is Verdict.NEITHER
