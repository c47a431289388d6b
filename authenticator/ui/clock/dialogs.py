"""Clock dialogs: how to fix the system clock, and the offline comparison with a phone."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
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
    humanize_seconds,
    refine_with_second_code,
    suggested_correction,
)


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
    """Type the code another device shows for a shared account; learn the clock difference.

    Works offline: the code is compared with this computer's codes ±10 time steps. When
    a code matches several steps, a second code (the next one) settles it. ``correction``
    is set (seconds to add to this computer's clock) when the user applies the result.
    """

    def __init__(self, accounts: Sequence[Account], wall: Callable[[], float],
                 parent: Any = None, selected: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare clock with my phone"))
        self._wall = wall
        self._accounts = list(accounts)
        self.first: DriftMatch | None = None
        self.match: DriftMatch | None = None
        self.correction: float | None = None

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Open the authenticator app on your phone (or another device), choose an "
            "account that is on both, and type the code it shows now. Nothing is sent "
            "anywhere."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.account = QComboBox()
        self.account.setAccessibleName(self.tr("Account on both devices"))
        for account in self._accounts:
            self.account.addItem(account.safe_label, account.id)
        if selected is not None:
            self.account.setCurrentIndex(max(0, self.account.findData(selected)))
        form.addRow(self.tr("&Account:"), self.account)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Code shown on the other device"))
        self.code.setAccessibleName(self.tr("Code shown on the other device"))
        form.addRow(self.tr("&Code:"), self.code)
        layout.addLayout(form)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("Result"))
        self.result_label.setMinimumHeight(48)
        layout.addWidget(self.result_label)

        buttons = QDialogButtonBox()
        self.compare_button = QPushButton(self.tr("Co&mpare"))
        self.compare_button.setAccessibleName(self.tr("Compare"))
        self.compare_button.setDefault(True)
        self.apply_button = QPushButton(self.tr("&Use this correction"))
        self.apply_button.setAccessibleName(self.tr("Use this correction"))
        self.apply_button.setVisible(False)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.compare_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.compare_button.clicked.connect(self.compare)
        self.apply_button.clicked.connect(self._apply)
        buttons.rejected.connect(self.reject)
        self.code.returnPressed.connect(self.compare)
        self.account.currentIndexChanged.connect(self._restart)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.code.setFocus()

    def selected_account(self) -> Account:
        account_id = self.account.currentData()
        return next(a for a in self._accounts if a.id == account_id)

    def _restart(self) -> None:
        self.first = self.match = None
        self.correction = None
        self.apply_button.setVisible(False)
        self.result_label.clear()

    def compare(self) -> None:
        account = self.selected_account()
        typed = self.code.text()
        now = self._wall()
        try:
            if self.first is not None and self.first.is_ambiguous:
                match = refine_with_second_code(self.first, account, typed, now)
            else:
                match = compare_codes(account, typed, now)
        except DriftError as exc:
            text = str(exc)
            self.result_label.setText(text[:1].upper() + text[1:] + ".")
            return
        self.match = match
        self.first = match if match.is_ambiguous else None
        self.result_label.setText(self.explain(match))
        offset = suggested_correction(match)
        self.apply_button.setVisible(bool(offset))
        self.code.selectAll()
        self.code.setFocus()

    def explain(self, match: DriftMatch) -> str:
        if match.is_ambiguous:
            return self.tr("That code fits {n} different times. Wait for the next code on "
                           "your phone and type it too.").format(n=len(match.candidates))
        if not match.is_match:
            return self.tr("That code doesn't match this account at any time within "
                           "±{reach}. Check you chose the same account on both devices."
                           ).format(reach=humanize_seconds(match.window * match.period))
        offset = match.offset_seconds or 0.0
        if offset == 0:
            return self.tr("Same time: your phone and this computer agree, within this "
                           "{period} step.").format(period=humanize_seconds(match.period))
        amount = humanize_seconds(offset)
        if offset > 0:
            return self.tr("Your phone is about {amount} ahead of this computer.").format(
                amount=amount)
        return self.tr("Your phone is about {amount} behind this computer.").format(
            amount=amount)

    def _apply(self) -> None:
        if self.match is not None:
            self.correction = suggested_correction(self.match)
        self.accept()
