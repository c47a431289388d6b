"""The answer to a clock check appears where it was asked; tiny corrections switch off."""

from __future__ import annotations

from authenticator.core.otp import code_at
from tests.helpers.gui import create_vault
from tests.timesync.sntp_server import FakeSntpServer
from tests.ui.test_clock import button, click, enable_checks, start_with_account, wait_check


def test_first_run_check_offline_says_so_in_the_banner(qtbot, window):
    with FakeSntpServer(mode="silent") as srv:
        window.settings.set("time_servers", srv.address)
        create_vault(qtbot, window)
        check = window.clock_check
        check.timeout = 0.3
        click(qtbot, button(check.ask_banner, "Check the clock"))
        assert check.answer_banner.isVisible()
        assert check.answer_banner.label.text() == "Checking the clock…"
        wait_check(qtbot, check)
    assert check.answer_banner.isVisible()
    assert check.answer_banner.label.text() == "No network: codes use this computer's clock."
    window.codes.grab().save(str(window.session.path.parent / "offline.png"))
    click(qtbot, button(check.answer_banner, "OK"))
    assert not check.answer_banner.isVisible()
    assert "no network: codes use this computer's clock" in check.status_text()


def test_first_run_check_online_answers_in_the_banner(qtbot, window):
    with FakeSntpServer(offset=0.2) as srv:
        window.settings.set("time_servers", srv.address)
        create_vault(qtbot, window)
        check = window.clock_check
        click(qtbot, button(check.ask_banner, "Check the clock"))
        wait_check(qtbot, check)
    assert check.answer_banner.label.text() == (
        "This computer's clock is right to within a second.")


def test_automatic_checks_stay_quiet(qtbot, window):
    with FakeSntpServer(mode="silent") as srv:
        check = enable_checks(window, srv.address, timeout=0.3)
        create_vault(qtbot, window)
        wait_check(qtbot, check)
    assert not check.answer_banner.isVisible()


def test_correction_under_two_seconds_turns_off_and_says_so_once(qtbot, window, timebase):
    with FakeSntpServer(offset=90.0) as srv:
        check = enable_checks(window, srv.address)
        account = start_with_account(qtbot, window)
        wait_check(qtbot, check)
        click(qtbot, button(check.warning_banner, "Use corrected time"))
        assert check.indicator.isVisible()
    with FakeSntpServer(offset=0.4) as srv:  # the clock was fixed meanwhile
        window.settings.set("time_servers", srv.address)
        check.check_now()
        wait_check(qtbot, check)
        assert not check.indicator.isVisible()
        assert timebase.correction == 0
        assert window.settings.get("use_corrected_time") is False
        assert "right again" in window.codes.toast.text()
        assert code_at(account, timebase.now()) == code_at(account, timebase.wall())
        window.codes.toast.expire(timebase.monotonic() + 60)
        check.check_now()
        wait_check(qtbot, check)
    assert "right again" not in window.codes.toast.text()  # said once, not at every check
    assert not check.indicator.isVisible()


def test_applying_a_correction_under_two_seconds_is_no_correction(qtbot, window, timebase):
    create_vault(qtbot, window)
    window.clock_check.set_correction(1.2)
    assert timebase.correction == 0
    assert not window.clock_check.indicator.isVisible()
    assert "right again" in window.codes.toast.text()
