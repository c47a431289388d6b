"""The window's time base is the core's corrected clock: a fake clock drives it, and the
second ticker wakes in step with the codes' time, not the computer's."""

from __future__ import annotations

from authenticator.core.account import Account
from authenticator.core.clock import FixedClock
from authenticator.core.otp import code_at
from authenticator.ui.common.ticker import SecondTicker
from authenticator.ui.common.timebase import FakeTimeBase, TimeBase


def test_a_fake_clock_drives_the_time_base() -> None:
    clock = FixedClock(1_700_000_000.0, monotonic=10.0)
    base = TimeBase(correction=30.0, source=clock)
    assert (base.wall(), base.now(), base.monotonic()) == (1_700_000_000.0,
                                                           1_700_000_030.0, 10.0)
    clock.advance(5)
    assert (base.now(), base.monotonic()) == (1_700_000_035.0, 15.0)
    account = Account(secret=b"12345678901234567890")
    assert code_at(account, base.now()) == code_at(account, 1_700_000_035.0)


def test_the_fake_time_base_moves_and_jumps() -> None:
    base = FakeTimeBase(1_700_000_000.0, correction=-2.0)
    base.advance(10)
    base.jump_wall(100)
    assert (base.wall(), base.now(), base.monotonic()) == (1_700_000_110.0,
                                                           1_700_000_108.0, 1010.0)


def test_the_ticker_wakes_just_after_the_injected_clocks_next_second(qtbot) -> None:
    base = FakeTimeBase(1_700_000_000.25)
    ticker = SecondTicker(None, base)
    ticker.start()
    assert ticker._timer.interval() == 1000 - 250 + 5
    ticker.stop()
    base.correction = 0.5  # codes use corrected time: so does the ticker
    ticker.start()
    assert ticker._timer.interval() == 1000 - 750 + 5
    ticker.stop()
