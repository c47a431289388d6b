"""Clock check GUI against a real SNTP responder on 127.0.0.1 (no sleeping: waitUntil)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from authenticator.core.account import Account, OtpKind
from authenticator.core.otp import code_at, code_for_step, time_step
from authenticator.ui.clock.check import ClockCheck, parse_server_list
from authenticator.ui.clock.dialogs import CompareDialog, FixClockDialog
from authenticator.ui.codes.model import Role
from authenticator.ui.settings.dialog import SettingsDialog
from tests.helpers.gui import create_vault, on_next_modal, unlock
from tests.timesync.sntp_server import FakeSntpServer

KEY = bytes(range(1, 21))


def shown_code(win) -> str:
    return win.proxy.index(0, 0).data(Role.RAW_CODE)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def button(banner, text: str):
    return next(b for b in banner.buttons if text in b.text().replace("&", ""))


@pytest.fixture
def server() -> Iterator[FakeSntpServer]:
    with FakeSntpServer(offset=90.0) as srv:
        yield srv


def enable_checks(win, *servers: str, timeout: float = 2.0) -> ClockCheck:
    win.settings.set("time_check_asked", True)
    win.settings.set("time_check_enabled", True)
    win.settings.set("time_servers", ", ".join(servers))
    check: ClockCheck = win.clock_check
    check.timeout = timeout
    return check


def start_with_account(qtbot, win) -> Account:
    create_vault(qtbot, win)
    account = Account(secret=KEY, issuer="Example", name="alice")
    win.session.add(account)
    return account


def wait_check(qtbot, check: ClockCheck) -> None:
    qtbot.waitUntil(lambda: not check.checking, timeout=10_000)


# -- opt-in -----------------------------------------------------------------------------
def test_first_unlock_asks_once_in_a_banner_not_a_dialog(qtbot, window):
    create_vault(qtbot, window)
    check = window.clock_check
    assert check.ask_banner.isVisible()
    assert "sends no personal data" in check.ask_banner.label.text()
    assert QApplication.activeModalWidget() is None
    click(qtbot, button(check.ask_banner, "No thanks"))
    assert not check.ask_banner.isVisible()
    assert window.settings.get("time_check_asked") is True
    assert window.settings.get("time_check_enabled") is False
    window.lock()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.codes, timeout=10_000)
    assert not check.ask_banner.isVisible()
    assert not check.checking


def test_accepting_the_question_checks_the_clock(qtbot, window, server):
    window.settings.set("time_servers", server.address)
    create_vault(qtbot, window)
    check = window.clock_check
    click(qtbot, button(check.ask_banner, "Check the clock"))
    assert window.settings.get("time_check_enabled") is True
    wait_check(qtbot, check)
    assert server.requests >= 1
    assert check.warning_banner.isVisible()


# -- warning and correction -------------------------------------------------------------
def test_clock_90_s_slow_warns_and_corrected_time_fixes_codes(qtbot, window, timebase, server):
    check = enable_checks(window, server.address)
    account = start_with_account(qtbot, window)
    wait_check(qtbot, check)
    banner = check.warning_banner
    assert banner.isVisible()
    assert banner.label.text() == (
        "This computer's clock is 1 min 30 s slow; sites may reject your codes.")
    assert shown_code(window) == code_at(account, timebase.wall())

    click(qtbot, button(banner, "Use corrected time"))
    assert shown_code(window) == code_at(account, timebase.wall() + 90)
    assert shown_code(window) != code_at(account, timebase.wall())
    assert timebase.correction == pytest.approx(90, abs=0.5)
    assert not banner.isVisible()
    assert check.indicator.isVisible()
    assert check.indicator.label.text() == "Codes use corrected time (+1 min 30 s)."
    assert window.settings.get("use_corrected_time") is True

    click(qtbot, button(check.indicator, "Turn off"))
    assert timebase.correction == 0
    assert shown_code(window) == code_at(account, timebase.wall())
    assert not check.indicator.isVisible()
    assert banner.isVisible()  # the clock is still wrong


def test_corrected_time_is_remembered_for_the_next_unlock(qtbot, window, timebase, server):
    check = enable_checks(window, server.address)
    account = start_with_account(qtbot, window)
    wait_check(qtbot, check)
    click(qtbot, button(check.warning_banner, "Use corrected time"))
    window.lock()
    window.settings.set("time_check_enabled", False)  # e.g. offline now
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.codes, timeout=10_000)
    assert shown_code(window) == code_at(account, timebase.wall() + 90)
    assert check.indicator.isVisible()


def test_seven_seconds_off_is_a_quiet_notice_not_a_banner(qtbot, window):
    with FakeSntpServer(offset=-7.0) as srv:
        check = enable_checks(window, srv.address)
        create_vault(qtbot, window)
        wait_check(qtbot, check)
    assert "7 s off" in window.codes.toast.text()
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


def test_how_to_fix_opens_from_the_banner(qtbot, window, server):
    check = enable_checks(window, server.address)
    create_vault(qtbot, window)
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
def test_no_server_answering_stays_silent(qtbot, window):
    with FakeSntpServer(mode="silent") as srv:
        check = enable_checks(window, srv.address, timeout=0.3)
        create_vault(qtbot, window)
        wait_check(qtbot, check)
    assert not check.warning_banner.isVisible()
    assert not check.ask_banner.isVisible()
    assert QApplication.activeModalWidget() is None
    assert window.codes.toast.text() == ""
    statuses: list[str] = []

    def read(dialog):
        assert isinstance(dialog, SettingsDialog)
        statuses.append(dialog.sections[0].status.text())
        dialog.reject()

    errors = on_next_modal(qtbot, read)
    window.open_settings()
    assert not errors
    assert "could not reach any server" in statuses[0]


def test_settings_section_saves_and_checks_now(qtbot, window, server):
    create_vault(qtbot, window)
    check = window.clock_check
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
    window.open_settings()
    assert not errors
    assert window.settings.get("time_check_enabled") is True
    assert window.settings.get("time_servers") == server.address
    assert check.warning_banner.isVisible()
    assert not check.ask_banner.isVisible()


def test_manual_correction_from_settings(qtbot, window, timebase):
    account = start_with_account(qtbot, window)

    def fill(dialog):
        section = dialog.sections[0]
        section.use_correction.setChecked(True)
        section.offset.setValue(-60)
        dialog.accept()

    errors = on_next_modal(qtbot, fill)
    window.open_settings()
    assert not errors
    assert shown_code(window) == code_at(account, timebase.wall() - 60)
    assert window.clock_check.indicator.label.text() == "Codes use corrected time (-1 min)."
    assert not window.clock_check.checking  # no network for a manual correction


def test_server_list_parsing():
    assert parse_server_list("a.example, b.example:1230\nc") == ["a.example", "b.example:1230",
                                                                 "c"]
    assert len(parse_server_list("  ")) >= 2  # empty: the public defaults


# -- re-checks --------------------------------------------------------------------------
def test_clock_jump_refreshes_codes_and_rechecks(qtbot, window, timebase):
    with FakeSntpServer(offset=0.0) as srv:
        check = enable_checks(window, srv.address)
        account = start_with_account(qtbot, window)
        wait_check(qtbot, check)
        window.tick()
        asked = srv.requests
        timebase.jump_wall(-300)  # someone set the clock back five minutes
        check.on_tick()  # the clock check runs first on each tick
        assert shown_code(window) == code_at(account, timebase.now())
        assert check.checking
        wait_check(qtbot, check)
        assert srv.requests > asked


def test_hourly_and_after_sleep_rechecks(qtbot, window, timebase):
    window.settings.set("autolock_minutes", 0)
    with FakeSntpServer(offset=0.0) as srv:
        check = enable_checks(window, srv.address)
        create_vault(qtbot, window)
        wait_check(qtbot, check)
        for _ in range(3):
            timebase.advance(1)
            window.tick()
        assert not check.checking  # quiet while nothing happens
        timebase.advance(3 * 3600)  # a long gap between two ticks: the computer slept
        window.tick()
        assert check.checking
        wait_check(qtbot, check)
        elapsed = 0
        while not check.checking and elapsed < 7200:
            timebase.advance(30)
            elapsed += 30
            window.tick()
        assert elapsed == 3600, "the next check comes an hour later"
        wait_check(qtbot, check)


def test_no_checks_while_disabled(qtbot, window, timebase):
    create_vault(qtbot, window)
    click(qtbot, button(window.clock_check.ask_banner, "No thanks"))
    timebase.jump_wall(100)
    window.tick()
    timebase.advance(7200)
    window.tick()
    assert not window.clock_check.checking


# -- comparing with a phone -------------------------------------------------------------
def open_compare(qtbot, win, handler) -> None:
    errors = on_next_modal(qtbot, handler)
    win.clock_check.open_compare()
    assert not errors, errors


def type_code(qtbot, dialog: CompareDialog, code: str) -> None:
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, code)
    click(qtbot, dialog.compare_button)


def test_compare_no_match(qtbot, window, timebase):
    account = start_with_account(qtbot, window)
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

    open_compare(qtbot, window, run)
    assert "doesn't match this account" in seen[0]
    assert "6-digit code" in seen[1]
    assert timebase.correction == 0


def test_row_menu_offers_compare_for_time_based_accounts(qtbot, window):
    account = start_with_account(qtbot, window)
    menu = QMenu()
    window.rows.extend_row_menu(menu, account)
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert "Compare clock with my phone…" in texts
    hotp_menu = QMenu()
    window.rows.extend_row_menu(hotp_menu, Account(secret=KEY, kind=OtpKind.HOTP))
    assert "Compare clock with my phone…" not in [
        a.text().replace("&", "") for a in hotp_menu.actions()]

