"""The answer to a clock check appears where it was asked; tiny corrections switch off.

The clock feature alone on a fake host (tests/helpers/fake_host.py)."""

from __future__ import annotations

import pytest

from authenticator.core.otp import code_at
from authenticator.ui import clock
from authenticator.ui.clock.check import ClockCheck
from tests.helpers.clock import button, click, enable_checks, start_with_account, wait_check
from tests.timesync.sntp_server import FakeSntpServer


@pytest.fixture
def check(fake_host) -> ClockCheck:
    return clock.install(fake_host)


def test_first_run_check_offline_says_so_in_the_banner(qtbot, fake_host, check):
    with FakeSntpServer(mode="silent") as srv:
        fake_host.settings.set("time_servers", srv.address)
        fake_host.create_vault(qtbot)
        check.timeout = 0.3
        click(qtbot, button(check.ask_banner, "Check the clock"))
        assert check.answer_banner.isVisible()
        assert check.answer_banner.label.text() == "Checking the clock…"
        wait_check(qtbot, check)
    assert check.answer_banner.isVisible()
    assert check.answer_banner.label.text() == "No network: codes use this computer's clock."
    fake_host.grab().save(str(fake_host.session.path.parent / "offline.png"))
    click(qtbot, button(check.answer_banner, "OK"))
    assert not check.answer_banner.isVisible()
    assert "no network: codes use this computer's clock" in check.status_text()


def test_first_run_check_online_answers_in_the_banner(qtbot, fake_host, check):
    with FakeSntpServer(offset=0.2) as srv:
        fake_host.settings.set("time_servers", srv.address)
        fake_host.create_vault(qtbot)
        click(qtbot, button(check.ask_banner, "Check the clock"))
        wait_check(qtbot, check)
    assert check.answer_banner.label.text() == (
        "This computer's clock is right to within a second.")


def test_automatic_checks_stay_quiet(qtbot, fake_host, check):
    with FakeSntpServer(mode="silent") as srv:
        enable_checks(fake_host, check, srv.address, timeout=0.3)
        fake_host.create_vault(qtbot)
        wait_check(qtbot, check)
    assert not check.answer_banner.isVisible()


def test_correction_under_two_seconds_turns_off_and_says_so_once(qtbot, fake_host, check,
                                                                 timebase):
    host = fake_host
    with FakeSntpServer(offset=90.0) as srv:
        enable_checks(host, check, srv.address)
        account = start_with_account(qtbot, host)
        wait_check(qtbot, check)
        click(qtbot, button(check.warning_banner, "Use corrected time"))
        assert check.indicator.isVisible()
    with FakeSntpServer(offset=0.4) as srv:  # the clock was fixed meanwhile
        host.settings.set("time_servers", srv.address)
        check.check_now()
        wait_check(qtbot, check)
        assert not check.indicator.isVisible()
        assert timebase.correction == 0
        assert host.settings.get("use_corrected_time") is False
        assert "right again" in host.last_notice()
        assert code_at(account, timebase.now()) == code_at(account, timebase.wall())
        check.check_now()
        wait_check(qtbot, check)
    said = [text for text in host.notice_texts() if "right again" in text]
    assert len(said) == 1  # said once, not at every check
    assert not check.indicator.isVisible()


def test_applying_a_correction_under_two_seconds_is_no_correction(qtbot, fake_host, check,
                                                                   timebase):
    fake_host.create_vault(qtbot)
    check.set_correction(1.2)
    assert timebase.correction == 0
    assert not check.indicator.isVisible()
    assert "right again" in fake_host.last_notice()
