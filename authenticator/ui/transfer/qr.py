"""QR codes for another device: one account's otpauth link, or Google Authenticator pages.

Keys are on screen only while needed: the one-account code hides itself after
:data:`SHOW_SECONDS` of the window's injected monotonic time, when the dialog loses focus or
when the application goes to the background.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from authenticator.core.account import Account
from authenticator.core.errors import AuthenticatorError
from authenticator.core.migration import DEFAULT_MAX_BYTES, google_export_problem
from authenticator.core.uri import format_uri
from authenticator.portability.export import export_google_migration
from authenticator.ui.common.checklist import AccountChecklist, CheckRow
from authenticator.ui.common.icons import icon
from authenticator.ui.transfer.common import group_key, message_label
from authenticator.ui.transfer.qr_view import QrView, fit_dialog, max_modules_for, total_modules

SHOW_SECONDS = 60.0
MIN_PAGE_BYTES = 120
"""Google export pages are never made smaller than this (one account needs ~60-100)."""


def google_pages(accounts: Sequence[Account], max_bytes: int, max_modules: int) -> list[str]:
    """Export links, split into more pages until each code fits in ``max_modules``.

    ``max_modules`` is what the screen holds at the floor of
    :data:`~authenticator.ui.transfer.qr_view.MIN_DEVICE_PX_PER_MODULE` device pixels per
    module: a denser code would be too small for a phone camera, so it becomes two pages.
    """
    links = export_google_migration(accounts, max_bytes=max_bytes)
    while max_bytes > MIN_PAGE_BYTES and max(total_modules(x) for x in links) > max_modules:
        max_bytes = max(MIN_PAGE_BYTES, int(max_bytes * 0.8))
        links = export_google_migration(accounts, max_bytes=max_bytes)
    return links


class ShowQrDialog(QDialog):
    """One account as a QR code plus its key in groups of four, for a second device."""

    def __init__(self, account: Account, monotonic: Callable[[], float],
                 copy_text: Callable[[str], None], parent: Any = None) -> None:
        super().__init__(parent)
        self.account = account
        self._monotonic = monotonic
        self._copy_text = copy_text
        self._shown_at: float | None = None
        self._was_active = False
        self.setWindowTitle(self.tr("QR code for {label}").format(label=account.safe_label))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Scan this code with the authenticator app on your other "
                               "device, or type the key into it. Anyone who sees it can "
                               "make your codes."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.qr = QrView()
        self.qr.setAccessibleName(self.tr("QR code of the key"))
        layout.addWidget(self.qr, 1)
        self.key = QLabel()
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.key.setFont(font)
        self.key.setAccessibleName(self.tr("Key"))
        layout.addWidget(self.key)
        self.countdown = QLabel()
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.countdown)
        self.hidden_note = QLabel(self.tr("The code is hidden to keep the key safe."))
        self.hidden_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.hidden_note)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(icon("copy"), self.tr("&Copy key"))
        self.copy_button.setAccessibleName(self.tr("Copy key"))
        self.copy_button.clicked.connect(self.copy_key)
        self.show_button = QPushButton(self.tr("&Show again"))
        self.show_button.setAccessibleName(self.tr("Show again"))
        self.show_button.clicked.connect(self.reveal)
        self.close_button = QPushButton(self.tr("C&lose"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.connect(self._app_state_changed)
        self.finished.connect(self.conceal)
        self.reveal()
        fit_dialog(self, self.qr)

    @property
    def is_revealed(self) -> bool:
        return self._shown_at is not None

    def reveal(self) -> None:
        self.qr.set_text(format_uri(self.account))
        self.key.setText(group_key(self.account.secret_b32))
        self._shown_at = self._monotonic()
        for widget in (self.qr, self.key, self.copy_button, self.countdown):
            widget.show()
        self.hidden_note.hide()
        self.show_button.hide()
        self.tick()

    def conceal(self) -> None:
        self._shown_at = None
        self.qr.clear()
        self.key.clear()
        for widget in (self.qr, self.key, self.copy_button, self.countdown):
            widget.hide()
        self.hidden_note.show()
        self.show_button.show()

    def tick(self) -> None:
        """Called every second by the main window's tick."""
        if self._shown_at is None:
            return
        left = SHOW_SECONDS - (self._monotonic() - self._shown_at)
        if left <= 0:
            self.conceal()
            return
        self.countdown.setText(self.tr("Hidden in {n} s").format(n=int(left + 0.999)))

    def copy_key(self) -> None:
        if self._shown_at is not None:
            self._copy_text(self.account.secret_b32)

    def _app_state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.conceal()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange:
            if self.isActiveWindow():
                self._was_active = True
            elif self._was_active:
                self.conceal()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.disconnect(self._app_state_changed)
        super().done(result)


class GoogleExportDialog(QDialog):
    """Choose accounts, then show the Google Authenticator export codes one page at a time."""

    def __init__(self, accounts: Sequence[Account], parent: Any = None, *,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        super().__init__(parent)
        self._accounts = list(accounts)
        self._max_bytes = max_bytes
        self.links: list[str] = []
        self.page = 0
        self.setWindowTitle(self.tr("Export to Google Authenticator"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)

        choose = QWidget()
        c = QVBoxLayout(choose)
        c.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr("Choose the accounts to move. In Google Authenticator, open "
                               "“Transfer accounts”, then “Import accounts”, and scan the "
                               "codes shown next."))
        intro.setWordWrap(True)
        c.addWidget(intro)
        self.list = AccountChecklist()
        self.list.setAccessibleName(self.tr("Accounts to export"))
        self.refused: list[str] = []
        rows = []
        for account in self._accounts:
            problem = google_export_problem(account)
            if problem is None:
                rows.append(CheckRow(account, (account.safe_label,)))
                continue
            rows.append(CheckRow(account, (self.tr("{label} — {reason}").format(
                label=account.safe_label, reason=problem),), checked=False, enabled=False))
            self.refused.append(f"{account.safe_label}: {problem}")
        self.list.set_rows(rows)
        c.addWidget(self.list, 1)
        self.refused_note = QLabel()
        self.refused_note.setWordWrap(True)
        if self.refused:
            self.refused_note.setText(
                self.tr("Google Authenticator cannot hold %n of these accounts (shown "
                        "greyed with the reason); keep them here or use another app.", "",
                        len(self.refused)))
        else:
            self.refused_note.hide()
        c.addWidget(self.refused_note)
        self.error = message_label()
        c.addWidget(self.error)
        self.stack.addWidget(choose)

        codes = QWidget()
        q = QVBoxLayout(codes)
        q.setContentsMargins(0, 0, 0, 0)
        self.qr = QrView()
        self.qr.setAccessibleName(self.tr("Export QR code"))
        q.addWidget(self.qr, 1)
        self.stack.addWidget(codes)

        # Paging row (only when there are several pages) and one way out: Cancel while
        # choosing, Done once the codes are shown.
        buttons = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("&Previous"))
        self.previous_button.setAccessibleName(self.tr("Previous code"))
        self.previous_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label.setAccessibleName(self.tr("Page"))
        self.page_next_button = QPushButton(self.tr("&Next"))
        self.page_next_button.setAccessibleName(self.tr("Next code"))
        self.page_next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.next_button = QPushButton(self.tr("&Show QR codes"))
        self.next_button.setAccessibleName(self.tr("Show QR codes"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self._next)
        self.close_button = QPushButton(self.tr("Cancel"))
        self.close_button.setAccessibleName(self.tr("Cancel"))
        self.close_button.clicked.connect(self.reject)
        self.done_button = QPushButton(self.tr("&Done"))
        self.done_button.setAccessibleName(self.tr("Done"))
        self.done_button.clicked.connect(self.accept)
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.page_label)
        buttons.addWidget(self.page_next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)
        self.list.checks_changed.connect(self._update)
        self.finished.connect(self._forget)
        self._update()
        self.resize(480, min(520, self.screen().availableGeometry().height() - 80))

    def selected(self) -> list[Account]:
        return self.list.checked_accounts()

    def _update(self) -> None:
        on_codes = self.stack.currentIndex() == 1
        paging = on_codes and len(self.links) > 1
        for widget in (self.previous_button, self.page_label, self.page_next_button):
            widget.setVisible(paging)
        self.previous_button.setEnabled(self.page > 0)
        self.page_next_button.setEnabled(self.page < len(self.links) - 1)
        self.next_button.setVisible(not on_codes)
        self.close_button.setVisible(not on_codes)
        self.done_button.setVisible(on_codes)
        self.next_button.setEnabled(bool(self.selected()))
        (self.page_next_button if paging and self.page_next_button.isEnabled()
         else self.done_button if on_codes else self.next_button).setDefault(True)

    def _next(self) -> None:
        if self.stack.currentIndex() != 0:
            return
        try:
            self.links = google_pages(self.selected(), self._max_bytes,
                                      max_modules_for(self.screen()))
        except AuthenticatorError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.qr.reserve(self.links)
        self.stack.setCurrentIndex(1)
        self.show_page(0)
        fit_dialog(self, self.qr)
        (self.page_next_button if len(self.links) > 1 else self.done_button).setFocus()

    def show_page(self, page: int) -> None:
        if not 0 <= page < len(self.links):
            return
        self.page = page
        self.qr.set_text(self.links[page])
        self.page_label.setText(self.tr("{i} of {n}").format(i=page + 1, n=len(self.links)))
        self._update()

    def _forget(self) -> None:
        self.qr.clear()
        self.links = []
        self.page = 0
