"""Manual key entry (with live validation and code preview) and the edit dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
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
    encode_base32,
    invalid_base32_characters,
    likely_letter,
    shown_character,
)
from authenticator.core.errors import AuthenticatorError
from authenticator.core.otp import code_at, group_code
from authenticator.core.text import control_characters
from authenticator.ui.common.messages import describe, sentence
from authenticator.ui.common.secret_field import make_secret_field
from authenticator.ui.common.widgets import error_label, mark_error


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
        self.key_reveal = make_secret_field(self.key)  # same rule as a pasted link
        form.addRow(self.tr("&Issuer:"), self.issuer)
        form.addRow(self.tr("&Account:"), self.name)
        form.addRow(self.tr("&Key:"), self.key)
        self._names_form = form
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

    def load(self, account: Account) -> None:
        """Show ``account``'s key and code settings (editing an existing account)."""
        self.issuer.setText(account.issuer or account.name or "-")
        self.name.setText(account.name)
        self._names_form.setRowVisible(0, False)  # the labels are edited above the key
        self._names_form.setRowVisible(1, False)
        self.kind.setCurrentIndex(max(0, self.kind.findData(account.kind)))
        self.algorithm.setCurrentIndex(max(0, self.algorithm.findData(account.algorithm)))
        self.digits.setValue(account.digits)
        self.period.setValue(account.period)
        self.counter.setValue(account.counter)
        self.key.setText(encode_base32(account.secret))
        self.advanced_toggle.setChecked(True)
        self.validate()

    def _explain_characters(self, bad: list[str]) -> str:
        letters = {"0": self.tr("O"), "1": self.tr("I or L"), "8": self.tr("B")}
        parts = []
        for ch in bad[:8]:
            if likely_letter(ch):
                parts.append(self.tr("{char} (perhaps {letter})").format(
                    char=ch, letter=letters[ch]))
            else:
                parts.append(shown_character(ch))
        return self.tr("A key uses only the letters A-Z and the digits 2-7; this one also "
                       "has {characters}.").format(characters=", ".join(parts))

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
            # The key's problem first: it is what the user is typing or pasted.
            if not self.key.text().strip():
                raise AuthenticatorError(self.tr("Type or paste the key the site shows."))
            bad = invalid_base32_characters(self.key.text())
            if bad:
                raise AuthenticatorError(self._explain_characters(bad))
            secret = decode_base32(self.key.text())
            if not self.issuer.text().strip() and not self.name.text().strip():
                raise AuthenticatorError(self.tr("Give the issuer or the account a name."))
            if control_characters(self.issuer.text() + self.name.text()):
                raise AuthenticatorError(self.tr("The issuer and the account name cannot "
                                                 "contain control characters."))
            self._account = Account(
                secret=secret,
                issuer=self.issuer.text().strip(),
                name=self.name.text().strip(),
                kind=kind,
                algorithm=Algorithm.SHA1 if steam else self.algorithm.currentData(),
                digits=5 if steam else self.digits.value(),
                period=30 if steam else self.period.value(),
                counter=self.counter.value(),
            )
        except AuthenticatorError as exc:
            self.error = describe(exc)
        if self._account is None:
            self.status.setText(sentence(self.error, full_stop=False))
            mark_error(self.status, bool(self.key.text().strip()))
            self.preview.clear()
            self.preview_caption.setVisible(False)
        else:
            note = ""
            if self._account.is_weak:
                note = self.tr("This key is short ({bits} bits); it works, but 128 bits or "
                               "more is safer.").format(bits=self._account.key_bits)
            self.status.setText(note or self.tr("The key is valid."))
            mark_error(self.status, False)
            self.preview.setText(group_code(code_at(self._account, self._now())))
            self.preview_caption.setVisible(True)
        self.account_changed.emit(self._account)


class EditAccountDialog(QDialog):
    """Edit issuer, name, note and tags; with ``verify_password``, also the key, type,
    algorithm, digits and period or counter, after the vault password (ui/common/key_edit)."""

    def __init__(self, account: Account, parent: Any = None, *,
                 verify_password: Callable[[str], bool] | None = None,
                 now: Callable[[], float] | None = None) -> None:
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
        self.websites_error = error_label(hidden=True)
        form.addRow(self.tr("&Tags:"), self.tags)
        form.addRow(self.tr("&Websites:"), self.websites)
        form.addRow("", self.websites_error)
        form.addRow(self.tr("&Note:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        outer = QVBoxLayout(self)
        self.key_edit: Any = None
        if verify_password is not None and now is not None:
            from authenticator.ui.common.fit import FittingScrollArea, fit_window
            from authenticator.ui.common.key_edit import KeyEdit

            page = QWidget()  # scrolls on a small screen once the key form is open
            layout = QVBoxLayout(page)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addLayout(form)
            self.key_edit = KeyEdit(account, verify_password, now, ManualEntryForm, page)
            self.key_edit.changed.connect(self._check)
            self.key_edit.changed.connect(lambda: QTimer.singleShot(0, lambda: fit_window(self)))
            layout.addWidget(self.key_edit)
            outer.addWidget(FittingScrollArea(page), 1)
        else:
            outer.addLayout(form)
        outer.addWidget(buttons)
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
                                                               problem=describe(exc))
            if host not in found:
                found.append(host)
        return tuple(found), ""

    def _check(self) -> None:
        key_ok = self.key_edit is None or self.key_edit.valid()
        _sites, problem = self._sites()
        self.websites_error.setText(problem)
        self.websites_error.setVisible(bool(problem))
        text = self.issuer.text() + self.name.text() + self.tags.text()
        self.save_button.setEnabled(key_ok and bool(self.issuer.text().strip()
                                                    or self.name.text().strip())
                                    and not control_characters(text) and not problem)

    def result_account(self) -> Account:
        changes = self.key_edit.changes() if self.key_edit is not None else {}
        return self._account.evolve(
            **changes,
            issuer=self.issuer.text().strip(),
            name=self.name.text().strip(),
            tags=parse_tags(self.tags.text()),
            note=self.note.toPlainText().strip(),
            websites=self._sites()[0],
        )
