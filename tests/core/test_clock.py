"""The one clock abstraction: a fake clock drives accounts' timestamps and the corrected
time codes use; the core itself reads no clock (see also test_purity)."""

from __future__ import annotations

import time

import pytest

from authenticator.core.account import Account
from authenticator.core.clock import Clock, CorrectedClock, FixedClock, SystemClock
from authenticator.core.otp import code_at
from authenticator.core.uri import parse_uri

KEY = b"12345678901234567890"


@pytest.fixture
def no_wall_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden() -> float:
        raise AssertionError("the core read the computer's clock")

    monkeypatch.setattr(time, "time", forbidden)


def test_evolve_is_stamped_with_the_time_it_is_given(no_wall_clock: None) -> None:
    clock = FixedClock(1_700_000_000.0)
    account = Account(secret=KEY, issuer="GitHub")
    assert (account.created, account.modified) == (0.0, 0.0)  # stamped when added
    clock.advance(90)
    edited = account.evolve(note="edited", at=clock.now())
    assert edited.modified == 1_700_000_090.0 and edited.note == "edited"
    assert edited.created == account.created and edited.revision == account.revision
    untouched = edited.evolve(favorite=True)  # no time given: the vault stamps the edit
    assert untouched.modified == edited.modified and untouched.favorite
    assert edited.evolve(modified=5.0, at=clock.now()).modified == 5.0  # explicit wins


def test_parsing_and_storage_read_no_clock(no_wall_clock: None) -> None:
    account = parse_uri("otpauth://totp/GitHub:octo?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
    data = account.to_storage_json()
    del data["created"], data["modified"]
    again = Account.from_storage_json(data)
    assert (again.created, again.modified) == (0.0, 0.0)  # unknown: older than any edit


def test_a_corrected_clock_applies_its_correction_once() -> None:
    source = FixedClock(1_700_000_000.0, monotonic=50.0)
    clock = CorrectedClock(source, correction=-90.0)
    assert (clock.wall(), clock.now(), clock.monotonic()) == (1_700_000_000.0,
                                                              1_699_999_910.0, 50.0)
    clock.correction = 12.5
    source.advance(30)
    assert (clock.wall(), clock.now(), clock.monotonic()) == (1_700_000_030.0,
                                                              1_700_000_042.5, 80.0)
    source.jump(-3600)  # the wall clock jumps, monotonic time does not
    assert (clock.now(), clock.monotonic()) == (1_699_996_442.5, 80.0)
    account = Account(secret=KEY)
    assert code_at(account, clock.now()) == code_at(account, source.now() + 12.5)


def test_the_system_clock_is_the_computer_clock() -> None:
    clock: Clock = SystemClock()
    before = time.time()
    assert before <= clock.now() <= time.time()
    assert CorrectedClock().now() - time.time() < 1.0  # default source: the system clock
