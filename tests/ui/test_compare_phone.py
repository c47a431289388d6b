"""Compare with my phone, to about a second, with injected time (no sleeping).

The simulated person reads the phone's code, types it and presses Enter, then presses
"It changed" (or starts typing) a reaction time of 0.2-0.6 s after the phone's code really
changed, and types the new code. The phone's clock is this computer's plus ``offset``.
"""

from __future__ import annotations

import math
import os
import random

import pytest
from PySide6.QtCore import Qt

from authenticator.core.account import Account
from authenticator.core.otp import code_at, code_for_step, time_step
from authenticator.timesync.sntp import ClockResult
from authenticator.ui import clock
from authenticator.ui.clock.check import ClockCheck
from authenticator.ui.clock.dialogs import CompareDialog
from tests.helpers.clock import start_with_account as start
from tests.helpers.gui import on_next_modal


@pytest.fixture
def check(fake_host) -> ClockCheck:
    """The clock feature alone on a fake host (tests/helpers/fake_host.py)."""
    return clock.install(fake_host)


def phone_code(account: Account, timebase, offset: float) -> str:
    return code_at(account, timebase.wall() + offset)


def enter(qtbot, dialog: CompareDialog, code: str) -> None:
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, code)
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)


def wait_for_change(timebase, offset: float, reaction: float) -> int:
    """Advance to ``reaction`` s after the phone's next step; returns that step."""
    phone_now = timebase.wall() + offset
    step = math.floor(phone_now / 30) + 1
    timebase.advance(step * 30 - phone_now + reaction)
    return step


def run_comparison(qtbot, check, timebase, account, offset, reaction, *, press=True,
                   typing_delay: float = 4.0, internet: float | None = None) -> dict:
    seen: dict = {}
    if internet is not None:
        check.last_result = ClockResult(offset=internet, delay=0.01,
                                                  servers=("127.0.0.1",), samples=(),
                                                  errors=())

    def run(dialog: CompareDialog) -> None:
        timebase.advance(typing_delay)  # reading and typing the first code
        enter(qtbot, dialog, phone_code(account, timebase, offset - typing_delay))
        seen["open after first Enter"] = dialog.isVisible()
        seen["asks for the change"] = dialog.changed_button.isVisible()
        step = wait_for_change(timebase, offset, reaction)
        if press:
            qtbot.mouseClick(dialog.changed_button, Qt.MouseButton.LeftButton)
            timebase.advance(3.0)  # then types the new code at leisure
            enter(qtbot, dialog, code_for_step(account, step))
        else:  # starts typing right away: the first key marks the change
            qtbot.keyClicks(dialog.code, code_for_step(account, step)[:1])
            timebase.advance(2.0)
            qtbot.keyClicks(dialog.code, code_for_step(account, step)[1:])
            qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
        seen["open after second Enter"] = dialog.isVisible()
        seen["result"] = dialog.result_label.text()
        seen["measured"] = dialog.precise.offset if dialog.precise else None
        seen["apply"] = dialog.apply_button.isVisible()
        if os.environ.get("AUTH_SCREENSHOTS"):
            dialog.grab().save(os.path.join(os.environ["AUTH_SCREENSHOTS"], f"compare{offset}.png"))
        if dialog.apply_button.isVisible():
            qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # only Close or Esc closes

    errors = on_next_modal(qtbot, run)
    check.open_compare()
    assert not errors, errors
    return seen


@pytest.mark.parametrize("offset", [0, 8, 20, -25, 95])
def test_offsets_are_measured_within_a_second_and_a_half(qtbot, fake_host, check, timebase,
                                                         offset):
    account = start(qtbot, fake_host)
    reaction = random.Random(offset).uniform(0.2, 0.6)
    seen = run_comparison(qtbot, check, timebase, account, offset, reaction)
    assert seen["open after first Enter"] and seen["asks for the change"]
    assert seen["open after second Enter"]
    assert abs(seen["measured"] - offset) <= 1.5, seen
    if offset == 0:
        assert seen["result"] == "This computer's clock and your phone agree to within 2 s."
        assert not seen["apply"] and timebase.correction == 0
        return
    amount = {8: "8 s", 20: "20 s", -25: "25 s", 95: "1 min 35 s"}[offset]
    way = "behind" if offset > 0 else "ahead of"
    assert seen["result"] == f"This computer's clock is about {amount} {way} your phone."
    assert abs(timebase.correction - offset) <= 1.5
    assert fake_host.refreshes >= 1  # the list shows the corrected codes at once
    assert fake_host.last_notice() == "Codes now use your phone's time."


@pytest.mark.parametrize("reaction", [0.2, 0.6])
def test_typing_the_new_code_marks_the_change_too(qtbot, fake_host, check, timebase, reaction):
    account = start(qtbot, fake_host)
    seen = run_comparison(qtbot, check, timebase, account, -20, reaction, press=False)
    assert abs(seen["measured"] + 20) <= 1.5
    assert seen["result"] == "This computer's clock is about 20 s ahead of your phone."


def test_first_code_typed_across_a_change_still_measures(qtbot, fake_host, check, timebase):
    """The phone's code changed while the person typed it (read with 2 s left)."""
    account = start(qtbot, fake_host)
    left = 30 - (timebase.wall() + 20) % 30
    timebase.advance(left - 2)  # the phone has 2 s left in its step when they read it
    seen = run_comparison(qtbot, check, timebase, account, 20, 0.4, typing_delay=6.0)
    assert abs(seen["measured"] - 20) <= 1.5


def test_internet_check_says_which_clock_is_right(qtbot, fake_host, check, timebase):
    account = start(qtbot, fake_host)
    seen = run_comparison(qtbot, check, timebase, account, -20, 0.4, internet=-20.3)
    assert seen["result"].endswith("The internet time check agrees with your phone, so this "
                                   "computer's clock is likely the wrong one.")


def test_internet_check_blames_the_phone(qtbot, fake_host, check, timebase):
    account = start(qtbot, fake_host)
    seen = run_comparison(qtbot, check, timebase, account, 30, 0.4, internet=0.2)
    assert "your phone's clock is likely the wrong one" in seen["result"]


def test_enter_on_a_wrong_code_shows_why_and_stays_open(qtbot, fake_host, check, timebase):
    account = start(qtbot, fake_host)
    step = time_step(timebase.wall(), 30)
    shown = {code_for_step(account, step + k) for k in range(-10, 11)}
    wrong = next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in shown)
    seen: dict = {}

    def run(dialog: CompareDialog) -> None:
        enter(qtbot, dialog, wrong)
        seen["open"] = dialog.isVisible()
        seen["text"] = dialog.result_label.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    errors = on_next_modal(qtbot, run)
    check.open_compare()
    assert not errors
    assert seen["open"] and "doesn't match this account" in seen["text"]
