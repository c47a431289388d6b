"""Clock-drift maths: thresholds, offsets and durations as numbers, jump detection,
cross-device comparison."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authenticator.core.account import Account, OtpKind
from authenticator.core.drift import (
    ClockState,
    DriftError,
    DriftLevel,
    Duration,
    JumpDetector,
    MatchOutcome,
    OffsetReading,
    classify_offset,
    compare_codes,
    read_offset,
    refine_with_second_code,
    split_duration,
    suggested_correction,
)
from authenticator.core.errors import AuthenticatorError
from authenticator.core.otp import code_at, code_for_step, time_step

NOW = 1_700_000_005.0  # 25 s into a 30 s step
ACCOUNT = Account(secret=bytes(range(1, 21)), issuer="Example", name="alice")


def phone_code(account: Account, local_now: float, phone_ahead: float) -> str:
    """The code a phone whose clock is ``phone_ahead`` seconds ahead shows at ``local_now``."""
    return code_at(account, local_now + phone_ahead)


# -- classification, offsets, durations ----------------------------------------------------------
@pytest.mark.parametrize(
    ("offset", "level"),
    [
        (0.0, DriftLevel.OK),
        (4.99, DriftLevel.OK),
        (-4.99, DriftLevel.OK),
        (5.0, DriftLevel.NOTICE),
        (-5.0, DriftLevel.NOTICE),
        (14.99, DriftLevel.NOTICE),
        (15.0, DriftLevel.WARNING),
        (-15.0, DriftLevel.WARNING),
        (86_400.0, DriftLevel.WARNING),
        (math.nan, DriftLevel.WARNING),
        (-math.inf, DriftLevel.WARNING),
    ],
)
def test_classify_offset_thresholds(offset: float, level: DriftLevel) -> None:
    assert classify_offset(offset) is level


@pytest.mark.parametrize(
    ("offset", "reading"),
    [
        (47.0, OffsetReading(ClockState.SLOW, 47.0, DriftLevel.WARNING)),
        (-123.0, OffsetReading(ClockState.FAST, 123.0, DriftLevel.WARNING)),
        (-7.4, OffsetReading(ClockState.FAST, 7.4, DriftLevel.NOTICE)),
        (2.6, OffsetReading(ClockState.SLOW, 2.6, DriftLevel.OK)),
        (0.3, OffsetReading(ClockState.RIGHT, 0.3, DriftLevel.OK)),
        (-0.4, OffsetReading(ClockState.RIGHT, 0.4, DriftLevel.OK)),
        (math.nan, OffsetReading(ClockState.UNKNOWN, math.inf, DriftLevel.WARNING)),
    ],
)
def test_read_offset(offset: float, reading: OffsetReading) -> None:
    assert read_offset(offset) == reading


@pytest.mark.parametrize(
    ("seconds", "parts"),
    [
        (0, Duration()),
        (59.4, Duration(seconds=59)),
        (59.6, Duration(minutes=1)),
        (-90, Duration(minutes=1, seconds=30)),
        (3599, Duration(minutes=59, seconds=59)),
        (3600, Duration(hours=1)),
        (3660, Duration(hours=1, minutes=1)),
        (3 * 3600 + 5 * 60 + 7, Duration(hours=3, minutes=5)),
        (86_399, Duration(days=1)),
        (86_400 + 3600, Duration(days=1, hours=1)),
        (10 * 86_400, Duration(days=10)),
    ],
)
def test_split_duration(seconds: float, parts: Duration) -> None:
    assert split_duration(seconds) == parts


def test_split_duration_of_an_unknown_time() -> None:
    assert split_duration(math.inf) is None and split_duration(math.nan) is None


# -- jump detector ------------------------------------------------------------------------
def test_jump_detector_reports_wall_clock_jumps() -> None:
    detector = JumpDetector()
    wall, mono = 1_700_000_000.0, 500.0
    assert detector.feed(wall, mono) is None  # first tick: nothing to compare
    for _ in range(5):  # normal ticks, with the usual jitter
        wall, mono = wall + 1.01, mono + 1.0
        assert detector.feed(wall, mono) is None
    wall, mono = wall + 61.0, mono + 1.0  # the user set the clock 60 s forward
    assert detector.feed(wall, mono) == pytest.approx(60.0)
    wall, mono = wall + 1.0, mono + 1.0  # ticking normally again from the new time
    assert detector.feed(wall, mono) is None
    wall, mono = wall - 3599.0, mono + 1.0  # NTP stepped it an hour back
    assert detector.feed(wall, mono) == pytest.approx(-3600.0)


def test_jump_detector_threshold_is_two_seconds_by_default() -> None:
    detector = JumpDetector()
    detector.feed(100.0, 10.0)
    assert detector.feed(102.9, 11.0) is None  # 1.9 s disagreement
    assert detector.feed(106.0, 12.0) == pytest.approx(2.1)
    strict = JumpDetector(threshold=0.5)
    strict.feed(100.0, 10.0)
    assert strict.feed(101.6, 11.0) == pytest.approx(0.6)


def test_jump_detector_exactly_at_threshold_is_not_a_jump() -> None:
    detector = JumpDetector()
    detector.feed(100.0, 10.0)
    assert detector.feed(103.0, 11.0) is None  # 2 s exactly: not "more than 2 s"


def test_jump_detector_reset_forgets_the_last_tick() -> None:
    detector = JumpDetector()
    detector.feed(100.0, 10.0)
    detector.reset()
    assert detector.feed(5000.0, 11.0) is None


# -- compare_codes: one match --------------------------------------------------------------
@pytest.mark.parametrize("steps", [-10, -3, -1, 0, 1, 2, 7, 10])
def test_compare_codes_finds_the_other_device_step(steps: int) -> None:
    typed = code_for_step(ACCOUNT, time_step(NOW, 30) + steps)
    match = compare_codes(ACCOUNT, typed, NOW)
    assert match.candidates == [steps]
    assert match.offset_seconds == steps * 30
    assert suggested_correction(match) == steps * 30
    assert match.is_match and not match.is_ambiguous


def test_outcomes_say_ahead_behind_or_same() -> None:
    ahead = compare_codes(ACCOUNT, phone_code(ACCOUNT, NOW, 30), NOW)
    assert (ahead.outcome, ahead.offset_seconds) == (MatchOutcome.AHEAD, 30)
    behind = compare_codes(ACCOUNT, phone_code(ACCOUNT, NOW, -90), NOW)
    assert (behind.outcome, behind.offset_seconds) == (MatchOutcome.BEHIND, -90)
    same = compare_codes(ACCOUNT, phone_code(ACCOUNT, NOW, 0), NOW)
    assert same.outcome is MatchOutcome.SAME
    assert suggested_correction(same) == 0


def test_typed_code_spaces_are_ignored() -> None:
    code = phone_code(ACCOUNT, NOW, 60)
    assert compare_codes(ACCOUNT, f" {code[:3]} {code[3:]}\t", NOW).candidates == [2]


def test_window_limits_the_search() -> None:
    typed = code_for_step(ACCOUNT, time_step(NOW, 30) + 11)
    assert compare_codes(ACCOUNT, typed, NOW).candidates == []
    assert compare_codes(ACCOUNT, typed, NOW, window=11).candidates == [11]


def test_longer_period_and_eight_digits() -> None:
    account = Account(secret=b"\x42" * 32, digits=8, period=60, algorithm="SHA256")
    match = compare_codes(account, phone_code(account, NOW, -185), NOW)
    assert match.candidates == [-3]
    assert match.offset_seconds == -180
    assert match.outcome is MatchOutcome.BEHIND


def test_steam_accounts() -> None:
    steam = Account(secret=b"steam-secret-bytes!!", kind=OtpKind.STEAM)
    typed = phone_code(steam, NOW, 120)
    assert typed.isalnum() and not typed.isdigit()
    match = compare_codes(steam, f"{typed.lower()[:2]} {typed.lower()[2:]}", NOW)
    assert match.candidates == [4]
    assert match.offset_seconds == 120


# -- compare_codes: no match, refusals -----------------------------------------------------
def test_code_from_another_account_matches_nothing() -> None:
    other = Account(secret=b"a different key....!")
    match = compare_codes(ACCOUNT, phone_code(other, NOW, 0), NOW)
    assert match.candidates == []
    assert match.offset_seconds is None
    assert suggested_correction(match) is None
    assert match.outcome is MatchOutcome.NO_MATCH
    assert match.window * match.period == 300  # what "within ±5 min" is said from


def test_hotp_is_refused_clearly() -> None:
    hotp = Account(secret=b"12345678901234567890", kind=OtpKind.HOTP, counter=3)
    with pytest.raises(DriftError, match="HOTP"):
        compare_codes(hotp, "969429", NOW)


@pytest.mark.parametrize("typed", ["", "12345", "1234567", "12a456", "１２３４５６"])
def test_malformed_codes_are_refused(typed: str) -> None:
    with pytest.raises(DriftError, match="6-digit code") as info:
        compare_codes(ACCOUNT, typed, NOW)
    assert isinstance(info.value, AuthenticatorError)


def test_malformed_steam_code_is_refused() -> None:
    steam = Account(secret=b"steam-secret-bytes!!", kind=OtpKind.STEAM)
    with pytest.raises(DriftError, match="Steam code"):
        compare_codes(steam, "AAAAA", NOW)  # A is not in the Steam alphabet


# -- ambiguity (a real collision, found by a seeded search) ---------------------------------
@dataclass(frozen=True)
class Collision:
    account: Account
    first: int
    second: int  # two step offsets within ±10 of NOW showing the same 6-digit code


@pytest.fixture(scope="module")
def collision() -> Collision:
    rng = random.Random(2024)
    step = time_step(NOW, 30)
    for _ in range(100_000):
        account = Account(secret=rng.randbytes(20))
        seen: dict[str, int] = {}
        for k in range(-10, 11):
            code = code_for_step(account, step + k)
            if code in seen:
                return Collision(account, seen[code], k)
            seen[code] = k
    raise AssertionError("no collision found")


def test_a_code_seen_at_two_steps_is_ambiguous(collision: Collision) -> None:
    typed = code_for_step(collision.account, time_step(NOW, 30) + collision.first)
    match = compare_codes(collision.account, typed, NOW)
    assert match.candidates == [collision.first, collision.second]
    assert match.is_ambiguous
    assert match.offset_seconds is None
    assert suggested_correction(match) is None
    assert match.outcome is MatchOutcome.AMBIGUOUS


@pytest.mark.parametrize("which", ["first", "second"])
def test_second_code_resolves_the_ambiguity(collision: Collision, which: str) -> None:
    true_steps = getattr(collision, which)
    account = collision.account
    typed = code_for_step(account, time_step(NOW, 30) + true_steps)
    first = compare_codes(account, typed, NOW)
    later = NOW + 34.0  # the next code, typed 34 s later
    second_code = code_for_step(account, time_step(later, 30) + true_steps)
    refined = refine_with_second_code(first, account, second_code, later)
    assert refined.candidates == [true_steps]
    assert refined.offset_seconds == true_steps * 30
    assert suggested_correction(refined) == true_steps * 30


def test_refinement_allows_offsets_that_are_not_whole_steps() -> None:
    # The phone is 20 s ahead: the first code is read in the same step as ours, the
    # second one (40 s later) falls in our next step. Both fit one clock difference.
    first = compare_codes(ACCOUNT, phone_code(ACCOUNT, NOW - 20, 20), NOW - 20)
    assert first.candidates == [0]
    refined = refine_with_second_code(first, ACCOUNT, phone_code(ACCOUNT, NOW + 20, 20),
                                      NOW + 20)
    assert refined.candidates == [0]


def test_refinement_allows_for_slow_typing_across_a_step_boundary() -> None:
    # Same clocks. The first code is read 1 s before the step ends and typed 4 s later,
    # in the next step; the second is typed at once, 2 s into a later step.
    step_start = (time_step(NOW, 30) + 1) * 30.0
    first = compare_codes(ACCOUNT, code_at(ACCOUNT, step_start - 1), step_start + 3)
    assert first.candidates == [-1]
    second_at = step_start + 32
    refined = refine_with_second_code(first, ACCOUNT, code_at(ACCOUNT, second_at), second_at)
    assert refined.candidates == [-1]


def test_refinement_rejects_codes_that_do_not_agree() -> None:
    first = compare_codes(ACCOUNT, phone_code(ACCOUNT, NOW, 60), NOW)
    assert first.candidates == [2]
    # Second code from a phone 5 minutes behind: not the same clock difference.
    refined = refine_with_second_code(first, ACCOUNT, phone_code(ACCOUNT, NOW + 30, -270),
                                      NOW + 30)
    assert refined.candidates == []
    assert suggested_correction(refined) is None
    assert refined.outcome is MatchOutcome.INCONSISTENT


def test_refinement_after_no_match_compares_the_second_code_alone() -> None:
    other = Account(secret=b"a different key....!")
    first = compare_codes(ACCOUNT, phone_code(other, NOW, 0), NOW)
    refined = refine_with_second_code(first, ACCOUNT, phone_code(ACCOUNT, NOW + 40, 90),
                                      NOW + 40)
    assert refined.candidates == [3]
    assert refined.offset_seconds == 90


def test_refinement_needs_the_same_account() -> None:
    first = compare_codes(ACCOUNT, phone_code(ACCOUNT, NOW, 0), NOW)
    other_period = Account(secret=ACCOUNT.secret, period=60)
    with pytest.raises(DriftError):
        refine_with_second_code(first, other_period, "123456", NOW + 30)


@settings(max_examples=150, deadline=None)
@given(
    secret=st.binary(min_size=10, max_size=32),
    now=st.floats(min_value=1e9, max_value=4e9),
    phone_ahead=st.floats(min_value=-290, max_value=290),
    read_lag=st.floats(min_value=0, max_value=5),
    second_lag=st.floats(min_value=0, max_value=5),
    later=st.floats(min_value=25, max_value=120),
)
def test_true_offset_is_always_among_the_candidates(
    secret: bytes, now: float, phone_ahead: float, read_lag: float, second_lag: float,
    later: float,
) -> None:
    # The user reads the phone a few seconds (``*_lag``) before typing each code here.
    account = Account(secret=secret)
    true_steps = time_step(now - read_lag + phone_ahead, 30) - time_step(now, 30)
    first = compare_codes(account, phone_code(account, now - read_lag, phone_ahead), now)
    assert true_steps in first.candidates
    second_now = now + later
    second = phone_code(account, second_now - second_lag, phone_ahead)
    refined = refine_with_second_code(first, account, second, second_now)
    assert true_steps in refined.candidates
