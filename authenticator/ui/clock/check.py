"""Clock check: warn when this computer's clock is wrong, and correct codes anyway.

The :class:`ClockCheck` controller is installed on the host (``install(host)``). It

* asks once, after the first unlock, whether the clock may be checked over the internet
  (an info banner, never a modal dialog); nothing touches the network until the user
  agrees (``time_check_enabled``, off by default);
* measures the offset with SNTP in a worker thread: after unlock, every hour (by the
  injected monotonic time), after a clock jump and after the computer wakes from sleep;
* shows a toast from 5 s of error and a warning banner from 15 s, with a one-click
  correction ("Use corrected time for codes") and a short how-to for each system;
* keeps a visible indicator while codes use corrected time, with a way to turn it off.

Sleep detection: on Linux the monotonic clock stops during suspend, so waking up shows as
the wall clock jumping forward relative to it (:class:`JumpDetector`). Where the
monotonic clock keeps counting during sleep (Windows, macOS) the ticker's timer simply
fires late, so a gap of more than :data:`SLEEP_GAP` seconds between two ticks also
counts as a wake-up. Offline, checks fail silently; only the settings status says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from authenticator.core import options
from authenticator.core.account import Account, OtpKind
from authenticator.core.drift import (
    ClockState,
    DriftLevel,
    JumpDetector,
    classify_offset,
    read_offset,
)
from authenticator.core.errors import AuthenticatorError
from authenticator.ui.clock.servers import parse_server_list
from authenticator.ui.common.durations import humanize_seconds, signed_seconds
from authenticator.ui.common.icons import icon
from authenticator.ui.common.messages import describe, sentence
from authenticator.ui.common.widgets import Banner
from authenticator.ui.common.worker import run_in_background

if TYPE_CHECKING:
    from authenticator.timesync.sntp import ClockResult
    from authenticator.ui.common.timebase import TimeBase
    from authenticator.ui.host import Host

CHECK_INTERVAL = 3600.0
"""Seconds (monotonic) between two automatic checks."""
SLEEP_GAP = 60.0
"""A gap this long between two one-second ticks means the computer was asleep."""
QUERY_TIMEOUT = 2.0
MIN_CORRECTION = 2.0
"""A correction smaller than this (seconds) is measurement noise, not a correction."""


def describe_offset(offset: float) -> str:
    """One clause about this computer's clock, given server time minus local time."""
    reading = read_offset(offset)
    if reading.state is ClockState.UNKNOWN:
        return QCoreApplication.translate(
            "ClockCheck", "this computer's clock could not be compared with the correct "
            "time.")
    if reading.state is ClockState.RIGHT:
        return QCoreApplication.translate(
            "ClockCheck", "this computer's clock is right to within a second.")
    amount = humanize_seconds(reading.seconds)
    if reading.state is ClockState.SLOW:
        return QCoreApplication.translate(
            "ClockCheck", "this computer's clock is {amount} slow.").format(amount=amount)
    return QCoreApplication.translate(
        "ClockCheck", "this computer's clock is {amount} fast.").format(amount=amount)


class ClockCheck(QObject):
    """Owns the clock banners, the periodic SNTP check and the code-time correction."""

    status_changed = Signal(str)
    """The one-line status shown in the settings (last result or failure)."""
    check_finished = Signal()

    def __init__(self, host: Host) -> None:
        super().__init__(host.window())
        self.host = host
        self.settings = host.settings
        self.time: TimeBase = host.time
        self.timeout = QUERY_TIMEOUT
        self.detector = JumpDetector()
        self.checking = False
        self.last_result: ClockResult | None = None
        self.last_error: str | None = None
        self._last_checked_wall: float | None = None
        self._next_check: float | None = None
        self._last_tick: float | None = None
        self._answer_here = False  # the user asked for this check from the first-run banner
        self._make_banners()
        self._make_actions()
        host.set_clock_advisor(self)
        host.session.unlocked.connect(self.on_unlocked)
        host.settings_changed.connect(self.apply_settings)
        self.apply_correction()

    # -- widgets --------------------------------------------------------------------------
    def _make_banners(self) -> None:
        self.ask_banner = Banner("info", stacked=True)
        self.ask_banner.add_button(self.tr("&Check the clock"), self.accept_checks)
        self.ask_banner.add_button(self.tr("No thanks"), self.decline_checks)
        self.warning_banner = Banner("warning", stacked=True)
        self.warning_banner.add_button(self.tr("&Use corrected time for codes"),
                                       self.use_measured_correction)
        self.warning_banner.add_button(self.tr("How to &fix the clock"), self.show_fix_help)
        self.answer_banner = Banner("info")
        self.answer_banner.label.setAccessibleName(self.tr("Clock check result"))
        self.answer_banner.add_button(self.tr("OK"), lambda: self.answer_banner.setVisible(False))
        self.indicator = Banner("info")
        self.indicator.label.setAccessibleName(self.tr("Clock correction"))
        self.indicator.add_button(self.tr("Turn off"), self.turn_off_correction)
        self.indicator.setToolTip(self.tr("This computer's clock is wrong, so codes are "
                                          "computed with a corrected time."))
        for banner in (self.ask_banner, self.answer_banner, self.warning_banner,
                       self.indicator):
            self.host.add_banner(banner)

    def _make_actions(self) -> None:
        self.compare_action = QAction(icon("clock"), self.tr("Compare clock with my &phone…"),
                                      self.host.window())
        self.compare_action.triggered.connect(lambda: self.open_compare())
        self.host.add_menu_action(self.compare_action)
        self.host.add_row_menu_hook(self.extend_row_menu)
        self.host.add_tick_hook(self.on_tick)
        self.host.add_settings_section(self.settings_section)

    def extend_row_menu(self, menu: QMenu, account: Account) -> None:
        if account.kind is OtpKind.HOTP:
            return
        menu.addSeparator()
        action = menu.addAction(icon("clock"), self.tr("Compare clock with my &phone…"))
        action.triggered.connect(lambda: self.open_compare(account.id))

    # -- opt-in ---------------------------------------------------------------------------
    @property
    def enabled(self) -> bool:
        return bool(self.settings.get(options.TIME_CHECK_ENABLED))

    def on_unlocked(self) -> None:
        self.detector.reset()
        self._last_tick = None
        self.apply_correction()
        if not self.settings.get(options.TIME_CHECK_ASKED):
            self.ask_banner.show_text(self.tr(
                "Check this computer's clock over the internet? Uses NTP, sends no "
                "personal data."))
        elif self.enabled:
            self.check_now()

    def accept_checks(self) -> None:
        self.settings.set(options.TIME_CHECK_ASKED, True)
        self.settings.set(options.TIME_CHECK_ENABLED, True)
        self.ask_banner.setVisible(False)
        self._answer_here = True
        self.answer_banner.show_text(self.tr("Checking the clock…"))
        if not self.check_now():
            self._answer_here = False

    def decline_checks(self) -> None:
        self.settings.set(options.TIME_CHECK_ASKED, True)
        self.settings.set(options.TIME_CHECK_ENABLED, False)
        self.ask_banner.setVisible(False)

    def apply_settings(self) -> None:
        """After the settings dialog: new correction, maybe a first check."""
        if self.enabled:
            self.ask_banner.setVisible(False)
        self.apply_correction()
        if self.enabled and self.host.session.is_unlocked and self.last_result is None:
            self.check_now()
        self._show_level()

    # -- ticking --------------------------------------------------------------------------
    def on_tick(self) -> None:
        """Called by the window once a second: jump/sleep detection and hourly checks."""
        mono = self.time.monotonic()
        gap = None if self._last_tick is None else mono - self._last_tick
        self._last_tick = mono
        jump = self.detector.feed(self.time.wall(), mono)
        woke = gap is not None and gap >= SLEEP_GAP
        unlocked = self.host.session.is_unlocked
        if jump is not None or woke:
            if unlocked:
                self.host.refresh_codes()  # every code at once, not at the next step
            if self.enabled and unlocked:
                self.check_now()
            return
        if (self.enabled and unlocked and self._next_check is not None
                and mono >= self._next_check):
            self.check_now()

    # -- checking -------------------------------------------------------------------------
    def servers(self) -> list[str]:
        return parse_server_list(self.settings.get(options.TIME_SERVERS))

    def check_now(self, servers: Sequence[str] | None = None) -> bool:
        """Start a check in a worker; False when one is already running."""
        if self.checking:
            return False
        self.checking = True
        self._next_check = self.time.monotonic() + CHECK_INTERVAL
        chosen = list(servers) if servers else self.servers()
        timeout = self.timeout
        self.status_changed.emit(self.status_text())
        def measure() -> ClockResult:
            from authenticator.timesync.sntp import measure_offset

            return measure_offset(chosen, timeout)

        run_in_background(measure, self._on_result, self._on_error, context=self)
        return True

    def _on_result(self, result: Any) -> None:
        from authenticator.timesync.sntp import ClockResult

        assert isinstance(result, ClockResult)
        self.checking = False
        self.last_result = result
        self.last_error = None
        self._last_checked_wall = self.time.wall()
        if self.settings.get(options.USE_CORRECTED_TIME):
            self.settings.set(options.MANUAL_OFFSET, round(result.offset, 1))
            self.apply_correction()
        self._answer(sentence(describe_offset(result.offset), full_stop=False))
        self._show_level(notify=True)
        self.status_changed.emit(self.status_text())
        self.check_finished.emit()

    def _on_error(self, error: AuthenticatorError) -> None:
        # Offline is normal: no dialog, no banner; the settings status says it.
        self.checking = False
        self.last_error = describe(error)
        self._last_checked_wall = self.time.wall()
        self._answer(self.tr("No network: codes use this computer's clock."))
        self.status_changed.emit(self.status_text())
        self.check_finished.emit()

    def status_text(self) -> str:
        if self.checking:
            return self.tr("Checking…")
        if self._last_checked_wall is None:
            return self.tr("Not checked yet.")
        when = QLocale().toString(
            QDateTime.fromSecsSinceEpoch(int(self._last_checked_wall)).time(),
            QLocale.FormatType.ShortFormat)
        if self.last_error is not None or self.last_result is None:
            return self.tr("Last check at {time}: could not reach any server (no network: "
                           "codes use this computer's clock).").format(time=when)
        return self.tr("Last checked at {time}: {state}").format(
            time=when, state=describe_offset(self.last_result.offset))

    def _answer(self, text: str) -> None:
        """Show the result where the user asked for the check (the first-run banner)."""
        if self._answer_here:
            self._answer_here = False
            self.answer_banner.show_text(text)

    # -- warning and correction -----------------------------------------------------------
    def residual(self) -> float | None:
        """How wrong the codes' time still is, given the last measurement and correction."""
        if self.last_result is None:
            return None
        return self.last_result.offset - self.time.correction

    def _show_level(self, notify: bool = False) -> None:
        residual = self.residual()
        level = DriftLevel.OK if residual is None else classify_offset(residual)
        if level is DriftLevel.WARNING and residual is not None:
            amount = humanize_seconds(residual)
            text = (self.tr("This computer's clock is {amount} slow; sites may reject your "
                            "codes.") if residual > 0 else
                    self.tr("This computer's clock is {amount} fast; sites may reject your "
                            "codes.")).format(amount=amount)
            self.warning_banner.show_text(text)
            return
        self.warning_banner.setVisible(False)
        if level is DriftLevel.NOTICE and residual is not None and notify:
            self.host.notify(self.tr("Your clock is {amount} off; codes typed near the end "
                                       "of their time may fail.").format(
                                           amount=humanize_seconds(residual)), seconds=8.0)

    def uncorrected_offset(self) -> float | None:
        """The measured offset when it is 15 s or more and codes do not use corrected time."""
        residual = self.residual()
        if (residual is None or self.settings.get(options.USE_CORRECTED_TIME)
                or classify_offset(residual) is not DriftLevel.WARNING):
            return None
        return residual

    def use_measured_correction(self) -> None:
        if self.last_result is not None:
            self.set_correction(self.last_result.offset)

    def set_correction(self, offset: float) -> None:
        """Make codes use this computer's time plus ``offset`` seconds, and remember it."""
        self.settings.set(options.MANUAL_OFFSET, round(offset, 1))
        self.settings.set(options.USE_CORRECTED_TIME, True)
        self.apply_correction()
        self._show_level()

    def turn_off_correction(self) -> None:
        self.settings.set(options.USE_CORRECTED_TIME, False)
        self.apply_correction()
        self._show_level()

    def apply_correction(self) -> None:
        """Set the time base from the settings; refresh codes and the indicator."""
        on = bool(self.settings.get(options.USE_CORRECTED_TIME))
        offset = float(self.settings.get(options.MANUAL_OFFSET)) if on else 0.0
        if on and abs(offset) < MIN_CORRECTION:  # the clock is right again: not a correction
            on, offset = False, 0.0
            self.settings.set(options.USE_CORRECTED_TIME, False)
            self.settings.set(options.MANUAL_OFFSET, 0.0)
            self.host.notify(self.tr("This computer's clock is right again (within {n} s): "
                                       "corrected time is turned off.").format(
                                           n=int(MIN_CORRECTION)), seconds=8.0)
        changed = offset != self.time.correction
        self.time.correction = offset
        if on:
            self.indicator.show_text(self.tr("Codes use corrected time ({offset}).").format(
                offset=signed_seconds(offset)))
        else:
            self.indicator.setVisible(False)
        if changed:
            self.detector.reset()  # the time base moved on purpose: not a clock jump
            if self.host.session.is_unlocked:
                self.host.refresh_codes()

    # -- dialogs --------------------------------------------------------------------------
    def show_fix_help(self) -> None:
        from authenticator.ui.clock.dialogs import FixClockDialog

        FixClockDialog(self.host.window()).exec()

    def open_compare(self, account_id: str | None = None) -> None:
        from authenticator.ui.clock.dialogs import CompareDialog

        if not self.host.session.is_unlocked:
            return
        accounts = [a for a in self.host.session.accounts() if a.kind is not OtpKind.HOTP]
        if not accounts:
            self.host.notify(self.tr("Add a time-based account first: the comparison uses "
                                       "its codes."))
            return
        if account_id is None:
            current = self.host.current_account()
            account_id = current.id if current is not None else None
        dialog = CompareDialog(accounts, self.time.wall, self.host.window(),
                               selected=account_id, internet_offset=self._internet_offset)
        if dialog.exec() == CompareDialog.DialogCode.Accepted and dialog.correction is not None:
            self.set_correction(dialog.correction)
            self.host.notify(self.tr("Codes now use your phone's time."))

    def _internet_offset(self) -> float | None:
        return None if self.last_result is None else self.last_result.offset

    def settings_section(self, parent: QWidget | None = None, settings: Any = None) -> QWidget:
        """The section for the settings dialog (``settings``: its draft)."""
        from authenticator.ui.clock.settings_section import ClockSettingsBox

        return ClockSettingsBox(self, parent, settings)

