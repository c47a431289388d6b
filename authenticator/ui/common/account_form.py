"""Manual key entry (with live validation and code preview) and the edit dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from authenticator.core.account import (
    Account,
    Algorithm,
    OtpKind,
    decode_base32,
)
from authenticator.core.errors import AuthenticatorError
from authenticator.core.otp import code_at, group_code
from authenticator.core.text import control_characters
from authenticator.ui.common.messages import translate_error
from authenticator.ui.common.widgets import ERROR_COLOUR


def parse_tags(text: str) -> tuple[str, ...]:
    seen: list[str] = []
    for tag in (t.strip() for t in text.split(",")):
        if tag and tag not in seen:
            seen.append(tag)
    return tuple(seen)


class ManualEntryForm(QWidget):
    """Issuer, account, key; "Advanced": type, algorithm, digits, period or counter.

    ``account_changed`` carries the valid Account, or None with ``error`` set.
    """

    account_changed = Signal(object)

    def __init__(self, now: Callable[[], float], parent: Any = None) -> None:
        super().__init__(parent)
        self._now = now
        self._account: Account | None = None
        self.error = ""
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText(self.tr("e.g. GitHub"))
        self.issuer.setAccessibleName(self.tr("Issuer"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. alice@example.com"))
        self.name.setAccessibleName(self.tr("Account name"))
        self.key = QLineEdit()
        self.key.setPlaceholderText(
            self.tr("The secret key the site shows, e.g. JBSW Y3DP EHPK 3PXP"))
        self.key.setAccessibleName(self.tr("Secret key"))
        form.addRow(self.tr("&Issuer:"), self.issuer)
        form.addRow(self.tr("&Account:"), self.name)
        form.addRow(self.tr("&Key:"), self.key)
        layout.addLayout(form)

        self.advanced_toggle = QToolButton()
        self.advanced_toggle.setText(self.tr("Advanced"))
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_toggle.setAccessibleName(self.tr("Show advanced settings"))
        layout.addWidget(self.advanced_toggle)
        self.advanced = QGroupBox()
        adv = QFormLayout(self.advanced)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Time-based (TOTP)"), OtpKind.TOTP)
        self.kind.addItem(self.tr("Counter-based (HOTP)"), OtpKind.HOTP)
        self.kind.addItem(self.tr("Steam Guard"), OtpKind.STEAM)
        self.kind.setAccessibleName(self.tr("Type"))
        self.algorithm = QComboBox()
        for algorithm in Algorithm:
            self.algorithm.addItem(algorithm.value, algorithm)
        self.algorithm.setAccessibleName(self.tr("Algorithm"))
        self.digits = QSpinBox()
        self.digits.setRange(5, 10)
        self.digits.setValue(6)
        self.digits.setAccessibleName(self.tr("Digits"))
        self.period = QSpinBox()
        self.period.setRange(1, 86400)
        self.period.setValue(30)
        self.period.setSuffix(self.tr(" s"))
        self.period.setAccessibleName(self.tr("Period in seconds"))
        self.counter = QSpinBox()
        self.counter.setRange(0, 2_000_000_000)
        self.counter.setAccessibleName(self.tr("Counter"))
        adv.addRow(self.tr("&Type:"), self.kind)
        adv.addRow(self.tr("A&lgorithm:"), self.algorithm)
        adv.addRow(self.tr("&Digits:"), self.digits)
        self.period_label = QLabel(self.tr("&Period:"))
        self.period_label.setBuddy(self.period)
        adv.addRow(self.period_label, self.period)
        self.counter_label = QLabel(self.tr("&Counter:"))
        self.counter_label.setBuddy(self.counter)
        adv.addRow(self.counter_label, self.counter)
        self.advanced.setVisible(False)
        layout.addWidget(self.advanced)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Validation"))
        layout.addWidget(self.status)
        self.preview = QLabel()
        font = QFont(self.preview.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.preview.setFont(font)
        self.preview.setAccessibleName(self.tr("Code preview"))
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_caption = QLabel(self.tr("Current code, to check against the site:"))
        self.preview_caption.setVisible(False)
        layout.addWidget(self.preview_caption)
        layout.addWidget(self.preview)
        layout.addStretch(1)  # keep the form at the top of a tall page

        self.advanced_toggle.toggled.connect(self._toggle_advanced)
        for edit in (self.issuer, self.name, self.key):
            edit.textChanged.connect(self.validate)
        for combo in (self.kind, self.algorithm):
            combo.currentIndexChanged.connect(self.validate)
        for spin in (self.digits, self.period, self.counter):
            spin.valueChanged.connect(self.validate)
        self.validate()

    def _toggle_advanced(self, on: bool) -> None:
        self.advanced.setVisible(on)
        self.advanced_toggle.setArrowType(Qt.ArrowType.DownArrow if on
                                          else Qt.ArrowType.RightArrow)

    @property
    def account(self) -> Account | None:
        return self._account

    def validate(self) -> None:
        kind: OtpKind = self.kind.currentData()
        steam = kind is OtpKind.STEAM
        self.digits.setEnabled(not steam)
        self.algorithm.setEnabled(not steam)
        hotp = kind is OtpKind.HOTP
        self.period.setVisible(not hotp)
        self.period_label.setVisible(not hotp)
        self.counter.setVisible(hotp)
        self.counter_label.setVisible(hotp)
        self._account = None
        self.error = ""
        try:
            if not self.key.text().strip():
                raise AuthenticatorError(self.tr("Type or paste the key the site shows."))
            if not self.issuer.text().strip() and not self.name.text().strip():
                raise AuthenticatorError(self.tr("Give the issuer or the account a name."))
            if control_characters(self.issuer.text() + self.name.text()):
                raise AuthenticatorError(self.tr("The issuer and the account name cannot "
                                                 "contain control characters."))
            self._account = Account(
                secret=decode_base32(self.key.text()),
                issuer=self.issuer.text().strip(),
                name=self.name.text().strip(),
                kind=kind,
                algorithm=Algorithm.SHA1 if steam else self.algorithm.currentData(),
                digits=5 if steam else self.digits.value(),
                period=30 if steam else self.period.value(),
                counter=self.counter.value(),
            )
        except AuthenticatorError as exc:
            self.error = str(exc)
        if self._account is None:
            message = self.error[:1].upper() + self.error[1:]
            self.status.setText(message)
            self.status.setStyleSheet(f"color: {ERROR_COLOUR};" if self.key.text().strip()
                                      else "")
            self.preview.clear()
            self.preview_caption.setVisible(False)
        else:
            note = ""
            if self._account.is_weak:
                note = self.tr("This key is short ({bits} bits); it works, but 128 bits or "
                               "more is safer.").format(bits=self._account.key_bits)
            self.status.setText(note or self.tr("The key is valid."))
            self.status.setStyleSheet("")
            self.preview.setText(group_code(code_at(self._account, self._now())))
            self.preview_caption.setVisible(True)
        self.account_changed.emit(self._account)


class EditAccountDialog(QDialog):
    """Edit issuer, name, note and tags (the key itself never changes here)."""

    def __init__(self, account: Account, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit {label}").format(label=account.safe_label))
        self._account = account
        form = QFormLayout()
        self.issuer = QLineEdit(account.issuer)
        self.issuer.setAccessibleName(self.tr("Issuer"))
        self.name = QLineEdit(account.name)
        self.name.setAccessibleName(self.tr("Account name"))
        self.tags = QLineEdit(", ".join(account.tags))
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. work, personal"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self.note = QPlainTextEdit(account.note)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        form.addRow(self.tr("&Issuer:"), self.issuer)
        form.addRow(self.tr("&Account:"), self.name)
        self.websites = QLineEdit(", ".join(account.websites))
        self.websites.setPlaceholderText(self.tr("e.g. portal.example.com"))
        self.websites.setAccessibleName(self.tr("Websites"))
        self.websites.setToolTip(self.tr("The browser extension fills this account's codes "
                                         "only on these sites (and their subdomains)."))
        self.websites_error = QLabel()
        self.websites_error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.websites_error.setWordWrap(True)
        self.websites_error.setVisible(False)
        form.addRow(self.tr("&Tags:"), self.tags)
        form.addRow(self.tr("&Websites:"), self.websites)
        form.addRow("", self.websites_error)
        form.addRow(self.tr("&Note:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.issuer.textChanged.connect(self._check)
        self.name.textChanged.connect(self._check)
        self.tags.textChanged.connect(self._check)
        self.websites.textChanged.connect(self._check)
        self.resize(420, self.sizeHint().height())

    def _sites(self) -> tuple[tuple[str, ...], str]:
        """The websites typed (normalised), and the first problem ("" when none)."""
        from authenticator.browser.sites import SiteError, normalize_site

        found: list[str] = []
        for part in self.websites.text().replace(";", ",").replace(" ", ",").split(","):
            if not part.strip():
                continue
            try:
                host = normalize_site(part)
            except SiteError as exc:
                return (), self.tr("{site}: {problem}").format(site=part.strip()[:60],
                                                               problem=translate_error(str(exc)))
            if host not in found:
                found.append(host)
        return tuple(found), ""

    def _check(self) -> None:
        _sites, problem = self._sites()
        self.websites_error.setText(problem)
        self.websites_error.setVisible(bool(problem))
        text = self.issuer.text() + self.name.text() + self.tags.text()
        self.save_button.setEnabled(bool(self.issuer.text().strip() or self.name.text().strip())
                                    and not control_characters(text) and not problem)

    def result_account(self) -> Account:
        return self._account.evolve(
            issuer=self.issuer.text().strip(),
            name=self.name.text().strip(),
            tags=parse_tags(self.tags.text()),
            note=self.note.toPlainText().strip(),
            websites=self._sites()[0],
        )
