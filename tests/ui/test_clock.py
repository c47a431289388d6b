"""Clock check GUI against a real SNTP responder on 127.0.0.1 (no sleeping: waitUntil).

The feature is installed alone on a fake host (tests/helpers/fake_host.py); the settings
feature joins it where the test opens the settings dialog.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from authenticator.core.account import Account, OtpKind
from authenticator.core.otp import code_for_step, time_step
from authenticator.ui import clock, settings
from authenticator.ui.clock.check import ClockCheck, parse_server_list
from authenticator.ui.clock.dialogs import CompareDialog, FixClockDialog
from authenticator.ui.settings.dialog import SettingsDialog
from tests.helpers.clock import KEY, button, click, enable_checks, start_with_account, wait_check
from tests.helpers.gui import on_next_modal
from tests.timesync.sntp_server import FakeSntpServer


@pytest.fixture
def server() -> Iterator[FakeSntpServer]:
    with FakeSntpServer(offset=90.0) as srv:
        yield srv


@pytest.fixture
def check(fake_host) -> ClockCheck:
    return clock.install(fake_host)


# -- opt-in -----------------------------------------------------------------------------
def test_first_unlock_asks_once_in_a_banner_not_a_dialog(qtbot, fake_host, check):
    host = fake_host
    host.create_vault(qtbot)
    assert check.ask_banner.isVisible()
    assert "sends no personal data" in check.ask_banner.label.text()
    assert QApplication.activeModalWidget() is None
    click(qtbot, button(check.ask_banner, "No thanks"))
    assert not check.ask_banner.isVisible()
    assert host.settings.get("time_check_asked") is True
    assert host.settings.get("time_check_enabled") is False
    host.lock()
    host.unlock(qtbot)
    assert not check.ask_banner.isVisible()
    assert not check.checking


def test_accepting_the_question_checks_the_clock(qtbot, fake_host, check, server):
    fake_host.settings.set("time_servers", server.address)
    fake_host.create_vault(qtbot)
    click(qtbot, button(check.ask_banner, "Check the clock"))
    assert fake_host.settings.get("time_check_enabled") is True
    wait_check(qtbot, check)
    assert server.requests >= 1
    assert check.warning_banner.isVisible()


# -- warning and correction -------------------------------------------------------------
def test_clock_90_s_slow_warns_and_corrected_time_fixes_codes(qtbot, fake_host, check,
                                                              timebase, server):
    host = fake_host
    enable_checks(host, check, server.address)
    start_with_account(qtbot, host)
    wait_check(qtbot, check)
    banner = check.warning_banner
    assert banner.isVisible()
    assert banner.label.text() == (
        "This computer's clock is 1 min 30 s slow; sites may reject your codes.")
    assert timebase.now() == timebase.wall()
    refreshed = host.refreshes

    click(qtbot, button(banner, "Use corrected time"))
    assert timebase.correction == pytest.approx(90, abs=0.5)
    assert timebase.now() == timebase.wall() + timebase.correction  # every code moves
    assert host.refreshes == refreshed + 1  # the list shows them at once
    assert not banner.isVisible()
    assert check.indicator.isVisible()
    assert check.indicator.label.text() == "Codes use corrected time (+1 min 30 s)."
    assert host.settings.get("use_corrected_time") is True

    click(qtbot, button(check.indicator, "Turn off"))
    assert timebase.correction == 0
    assert host.refreshes == refreshed + 2
    assert not check.indicator.isVisible()
    assert banner.isVisible()  # the clock is still wrong


def test_corrected_time_is_remembered_for_the_next_unlock(qtbot, fake_host, check, timebase,
                                                          server):
    host = fake_host
    enable_checks(host, check, server.address)
    start_with_account(qtbot, host)
    wait_check(qtbot, check)
    click(qtbot, button(check.warning_banner, "Use corrected time"))
    host.lock()
    host.settings.set("time_check_enabled", False)  # e.g. offline now
    timebase.correction = 0.0  # as a fresh start of the app would have it
    host.unlock(qtbot)
    assert timebase.correction == pytest.approx(90, abs=0.5)
    assert check.indicator.isVisible()


def test_seven_seconds_off_is_a_quiet_notice_not_a_banner(qtbot, fake_host, check):
    with FakeSntpServer(offset=-7.0) as srv:
        enable_checks(fake_host, check, srv.address)
        fake_host.create_vault(qtbot)
        wait_check(qtbot, check)
    assert "7 s off" in fake_host.last_notice()
    assert not check.warning_banner.isVisible()
    assert "7 s fast" in check.status_text()


def test_how_to_fix_dialog_puts_this_system_first(qtbot):
    dialog = FixClockDialog(platform="win32")
    qtbot.addWidget(dialog)
    assert "Sync now" in dialog.labels[0].text()
    dialog = FixClockDialog(platform="linux")
    qtbot.addWidget(dialog)
    assert "timedatectl set-ntp true" in dialog.labels[0].text()
    assert any("Date &amp; Time" in label.text() for label in dialog.labels)


def test_how_to_fix_opens_from_the_banner(qtbot, fake_host, check, server):
    enable_checks(fake_host, check, server.address)
    fake_host.create_vault(qtbot)
    wait_check(qtbot, check)
    seen: list[str] = []

    def read(dialog):
        seen.append(dialog.windowTitle())
        dialog.reject()

    errors = on_next_modal(qtbot, read)
    click(qtbot, button(check.warning_banner, "How to fix"))
    assert not errors
    assert seen == ["How to fix the clock"]


# -- offline ----------------------------------------------------------------------------
def test_no_server_answering_stays_silent(qtbot, fake_host, check):
    host = fake_host
    settings.install(host)
    with FakeSntpServer(mode="silent") as srv:
        enable_checks(host, check, srv.address, timeout=0.3)
        host.create_vault(qtbot)
        wait_check(qtbot, check)
    assert not check.warning_banner.isVisible()
    assert not check.ask_banner.isVisible()
    assert QApplication.activeModalWidget() is None
    assert host.notices == []
    statuses: list[str] = []

    def read(dialog):
        assert isinstance(dialog, SettingsDialog)
        statuses.append(dialog.sections[0].status.text())
        dialog.reject()

    errors = on_next_modal(qtbot, read)
    host.open_settings()
    assert not errors
    assert "could not reach any server" in statuses[0]


def test_settings_section_saves_and_checks_now(qtbot, fake_host, check, server):
    host = fake_host
    settings.install(host)
    host.create_vault(qtbot)
    assert not check.checking

    def fill(dialog):
        section = dialog.sections[0]
        assert section.title() == "Clock"
        section.enabled.setChecked(True)
        section.servers.setText(server.address)
        click(qtbot, section.check_button)
        qtbot.waitUntil(lambda: "slow" in section.status.text(), timeout=10_000)
        dialog.accept()

    errors = on_next_modal(qtbot, fill)
    host.open_settings()
    assert not errors
    assert host.settings.get("time_check_enabled") is True
    assert host.settings.get("time_servers") == server.address
    assert check.warning_banner.isVisible()
    assert not check.ask_banner.isVisible()


def test_manual_correction_from_settings(qtbot, fake_host, check, timebase):
    host = fake_host
    settings.install(host)
    start_with_account(qtbot, host)
    refreshed = host.refreshes

    def fill(dialog):
        section = dialog.sections[0]
        section.use_correction.setChecked(True)
        section.offset.setValue(-60)
        dialog.accept()

    errors = on_next_modal(qtbot, fill)
    host.open_settings()
    assert not errors
    assert timebase.now() == timebase.wall() - 60
    assert host.refreshes > refreshed
    assert check.indicator.label.text() == "Codes use corrected time (-1 min)."
    assert not check.checking  # no network for a manual correction


def test_server_list_parsing():
    assert parse_server_list("a.example, b.example:1230\nc") == ["a.example", "b.example:1230",
                                                                 "c"]
    assert len(parse_server_list("  ")) >= 2  # empty: the public defaults


# -- re-checks --------------------------------------------------------------------------
def test_clock_jump_refreshes_codes_and_rechecks(qtbot, fake_host, check, timebase):
    host = fake_host
    with FakeSntpServer(offset=0.0) as srv:
        enable_checks(host, check, srv.address)
        start_with_account(qtbot, host)
        wait_check(qtbot, check)
        host.tick()
        asked, refreshed = srv.requests, host.refreshes
        timebase.jump_wall(-300)  # someone set the clock back five minutes
        host.tick()
        assert host.refreshes == refreshed + 1  # every code at once, not at the next step
        assert check.checking
        wait_check(qtbot, check)
        assert srv.requests > asked


def test_hourly_and_after_sleep_rechecks(qtbot, fake_host, check, timebase):
    host = fake_host
    with FakeSntpServer(offset=0.0) as srv:
        enable_checks(host, check, srv.address)
        host.create_vault(qtbot)
        wait_check(qtbot, check)
        for _ in range(3):
            timebase.advance(1)
            host.tick()
        assert not check.checking  # quiet while nothing happens
        timebase.advance(3 * 3600)  # a long gap between two ticks: the computer slept
        host.tick()
        assert check.checking
        wait_check(qtbot, check)
        elapsed = 0
        while not check.checking and elapsed < 7200:
            timebase.advance(30)
            elapsed += 30
            host.tick()
        assert elapsed == 3600, "the next check comes an hour later"
        wait_check(qtbot, check)


def test_no_checks_while_disabled(qtbot, fake_host, check, timebase):
    fake_host.create_vault(qtbot)
    click(qtbot, button(check.ask_banner, "No thanks"))
    timebase.jump_wall(100)
    fake_host.tick()
    timebase.advance(7200)
    fake_host.tick()
    assert not check.checking


# -- comparing with a phone -------------------------------------------------------------
def type_code(qtbot, dialog: CompareDialog, code: str) -> None:
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, code)
    click(qtbot, dialog.compare_button)


def test_compare_no_match(qtbot, fake_host, check, timebase):
    account = start_with_account(qtbot, fake_host)
    step = time_step(timebase.wall(), 30)
    shown = {code_for_step(account, step + k) for k in range(-10, 11)}
    wrong = next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in shown)
    seen: list[str] = []

    def run(dialog):
        type_code(qtbot, dialog, wrong)
        seen.append(dialog.result_label.text())
        type_code(qtbot, dialog, "12")
        seen.append(dialog.result_label.text())
        dialog.reject()

    errors = on_next_modal(qtbot, run)
    check.open_compare()
    assert not errors, errors
    assert "doesn't match this account" in seen[0]
    assert "6-digit code" in seen[1]
    assert timebase.correction == 0


def test_row_menu_offers_compare_for_time_based_accounts(qtbot, fake_host, check):
    account = start_with_account(qtbot, fake_host)
    texts = [a.text().replace("&", "") for a in fake_host.row_menu(account).actions()]
    assert "Compare clock with my phone…" in texts
    hotp_menu = fake_host.row_menu(Account(secret=KEY, kind=OtpKind.HOTP))
    assert "Compare clock with my phone…" not in [
        a.text().replace("&", "") for a in hotp_menu.actions()]
    assert "Compare clock with my phone…" in fake_host.menu_texts()  # and in the main menu
