"""Clock dialogs: how to fix the system clock, and the offline comparison with a phone."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from authenticator.core.account import Account
from authenticator.core.drift import (
    DriftError,
    DriftMatch,
    compare_codes,
    refine_with_second_code,
)
from authenticator.core.drift_precise import (
    AGREEMENT_SECONDS,
    PreciseOffset,
    Verdict,
    offset_at_change,
    verdict,
)
from authenticator.ui.common.durations import humanize_seconds
from authenticator.ui.common.messages import error_sentence


def current_system(platform: str = sys.platform) -> str:
    if platform.startswith("win"):
        return "windows"
    if platform == "darwin":
        return "macos"
    return "linux"


class FixClockDialog(QDialog):
    """Short per-system help; this computer's system comes first."""

    def __init__(self, parent: Any = None, platform: str = sys.platform) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("How to fix the clock"))
        layout = QVBoxLayout(self)
        steps = {
            "windows": self.tr("<b>Windows</b>: Settings &gt; Time &amp; language &gt; Date "
                               "&amp; time, turn on <i>Set time automatically</i>, then "
                               "click <i>Sync now</i>."),
            "macos": self.tr("<b>macOS</b>: System Settings &gt; General &gt; Date &amp; "
                             "Time, turn on <i>Set time and date automatically</i>."),
            "linux": self.tr("<b>Linux</b>: run <code>timedatectl set-ntp true</code> in a "
                             "terminal (or turn on automatic time in your desktop's "
                             "date and time settings)."),
        }
        mine = current_system(platform)
        order = [mine] + [k for k in steps if k != mine]
        intro = QLabel(self.tr("Codes depend on the time. Let your system set its clock "
                               "automatically:"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.labels: list[QLabel] = []
        for key in order:
            label = QLabel(steps[key])
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
            self.labels.append(label)
        outro = QLabel(self.tr("Until then, “Use corrected time for codes” keeps your codes "
                               "right."))
        outro.setWordWrap(True)
        layout.addWidget(outro)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)


class CompareDialog(QDialog):
    """Compare this computer's clock with a phone, offline, to about a second.

    1. The person types the code the phone shows now: it fixes the phone's 30 s step
       (searched ±10 steps; a second code settles a code that fits two steps).
    2. They press "It changed" the moment the phone shows a new code (or start typing the
       new code right then) and type that new code: the instant gives the offset to about
       a second (:mod:`authenticator.core.drift_precise`).

    Enter submits and shows the result; only Close or Esc closes. ``correction`` is set
    (seconds to add to this computer's clock) when the user applies the result.
    ``internet_offset`` returns the last internet check (server minus this computer) if
    one ran, to say which of the two clocks is likely right.
    """

    def __init__(self, accounts: Sequence[Account], wall: Callable[[], float],
                 parent: Any = None, selected: str | None = None,
                 internet_offset: Callable[[], float | None] = lambda: None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare clock with my phone"))
        self._wall = wall
        self._internet_offset = internet_offset
        self._accounts = list(accounts)
        self.first: DriftMatch | None = None
        self.match: DriftMatch | None = None
        self.step_found: DriftMatch | None = None
        self.changed_at: float | None = None
        self.precise: PreciseOffset | None = None
        self.correction: float | None = None

        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName(self.tr("What to do"))
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.account = QComboBox()
        self.account.setAccessibleName(self.tr("Account on both devices"))
        for account in self._accounts:
            self.account.addItem(account.safe_label, account.id)
        if selected is not None:
            self.account.setCurrentIndex(max(0, self.account.findData(selected)))
        form.addRow(self.tr("&Account:"), self.account)
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Code shown on the other device"))
        form.addRow(self.tr("&Code:"), self.code)
        layout.addLayout(form)
        self.changed_button = QPushButton(self.tr("It &changed"))
        self.changed_button.setAccessibleName(self.tr("It changed"))
        self.changed_button.setMinimumHeight(48)
        self.changed_button.clicked.connect(self.mark_change)
        layout.addWidget(self.changed_button)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("Result"))
        self.result_label.setMinimumHeight(48)
        layout.addWidget(self.result_label)

        buttons = QDialogButtonBox()
        self.compare_button = QPushButton(self.tr("Co&mpare"))
        self.compare_button.setAccessibleName(self.tr("Compare"))
        self.apply_button = QPushButton(self.tr("&Use this correction"))
        self.apply_button.setAccessibleName(self.tr("Use this correction"))
        self.apply_button.setVisible(False)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.compare_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.compare_button, self.apply_button, self.close_button,
                       self.changed_button):
            button.setAutoDefault(False)  # Enter submits the code; it never closes
            button.setDefault(False)
        self.compare_button.clicked.connect(self.compare)
        self.apply_button.clicked.connect(self._apply)
        buttons.rejected.connect(self.reject)
        self.code.textEdited.connect(self._typed)
        self.account.currentIndexChanged.connect(self._restart)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._restart()

    def selected_account(self) -> Account:
        account_id = self.account.currentData()
        return next(a for a in self._accounts if a.id == account_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.focusWidget() is self.changed_button:
                self.mark_change()
            elif self.focusWidget() is self.apply_button:
                self._apply()
            else:
                self.compare()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- steps ----------------------------------------------------------------------------
    def _restart(self) -> None:
        self.first = self.match = self.step_found = self.precise = None
        self.changed_at = self.correction = None
        self.apply_button.setVisible(False)
        self.changed_button.setVisible(False)
        self.compare_button.setVisible(True)
        self.result_label.clear()
        self.code.clear()
        self.code.setPlaceholderText(self.tr("Code shown on the phone now"))
        self.intro.setText(self.tr(
            "Open the authenticator app on your phone (or another device), choose an "
            "account that is on both, and type the code it shows now, then press Enter. "
            "Nothing is sent anywhere."))
        self.code.setFocus()

    def _ask_for_change(self, match: DriftMatch) -> None:
        self.step_found = match
        self.changed_at = None
        self.code.clear()
        self.code.setPlaceholderText(self.tr("New code on the phone"))
        self.changed_button.setVisible(True)
        self.changed_button.setEnabled(True)
        self.intro.setText(self.tr(
            "Found. Now watch the code on your phone: the moment it changes, press "
            "“It changed” (or start typing the new code right then). Then type the new "
            "code and press Enter."))
        self.result_label.setText(self.tr("Waiting for the code on your phone to change…"))
        self.changed_button.setFocus()

    def mark_change(self) -> None:
        if self.step_found is None or self.precise is not None:
            return
        self.changed_at = self._wall()
        self.changed_button.setEnabled(False)
        self.result_label.setText(self.tr("Got it. Now type the new code and press Enter."))
        self.code.setFocus()

    def _typed(self, text: str) -> None:
        # Typing the new code as soon as it appears marks the change too.
        if self.step_found is not None and self.changed_at is None and text:
            self.changed_at = self._wall()
            self.changed_button.setEnabled(False)

    def compare(self) -> None:
        account = self.selected_account()
        typed = self.code.text()
        if not typed.strip():
            return
        try:
            if self.step_found is not None:
                self._finish(account, typed)
                return
            now = self._wall()
            if self.first is not None and self.first.is_ambiguous:
                match = refine_with_second_code(self.first, account, typed, now)
            else:
                match = compare_codes(account, typed, now)
        except DriftError as exc:
            self.result_label.setText(error_sentence(exc))
            self.code.selectAll()
            return
        self.match = match
        self.first = match if match.is_ambiguous else None
        if match.is_match:
            self._ask_for_change(match)
            return
        self.result_label.setText(self.explain(match))
        self.code.selectAll()
        self.code.setFocus()

    def _finish(self, account: Account, typed: str) -> None:
        assert self.step_found is not None
        if self.precise is not None:
            return
        if self.changed_at is None:
            self.result_label.setText(self.tr(
                "Press “It changed” at the moment the code on your phone changes, then "
                "type the new code."))
            return
        self.precise = offset_at_change(account, self.step_found, typed, self.changed_at)
        self.changed_button.setVisible(False)
        self.intro.setText(self.tr("Result of the comparison:"))
        self.result_label.setText(self.explain_offset(self.precise.offset))
        self.apply_button.setVisible(not self.precise.agrees)
        self.compare_button.setVisible(False)
        self.close_button.setFocus()

    # -- words ----------------------------------------------------------------------------
    def explain(self, match: DriftMatch) -> str:
        if match.is_ambiguous:
            return self.tr("That code fits {n} different times. Wait for the next code on "
                           "your phone and type it too.").format(n=len(match.candidates))
        return self.tr("That code doesn't match this account at any time within "
                       "±{reach}. Check you chose the same account on both devices."
                       ).format(reach=humanize_seconds(match.window * match.period))

    def explain_offset(self, offset: float) -> str:
        if abs(offset) < AGREEMENT_SECONDS:
            text = self.tr("This computer's clock and your phone agree to within "
                           "{n} s.").format(n=int(AGREEMENT_SECONDS))
        elif offset < 0:
            text = self.tr("This computer's clock is about {amount} ahead of your "
                           "phone.").format(amount=humanize_seconds(offset))
        else:
            text = self.tr("This computer's clock is about {amount} behind your "
                           "phone.").format(amount=humanize_seconds(offset))
        internet = self._internet_offset()
        if internet is None:
            return text
        judged = verdict(offset, internet)
        if judged is Verdict.COMPUTER:
            extra = self.tr("The internet time check agrees with this computer, so your "
                            "phone's clock is likely the wrong one.")
        elif judged is Verdict.PHONE:
            extra = self.tr("The internet time check agrees with your phone, so this "
                            "computer's clock is likely the wrong one.")
        else:
            amount = humanize_seconds(internet)
            extra = (self.tr("The internet time check agrees with neither: it puts this "
                             "computer's clock {amount} slow.") if internet > 0 else
                     self.tr("The internet time check agrees with neither: it puts this "
                             "computer's clock {amount} fast.")).format(amount=amount)
        return text + " " + extra

    def _apply(self) -> None:
        if self.precise is not None and not self.precise.agrees:
            self.correction = self.precise.offset
            self.accept()
