"""QR codes for another device: one account's otpauth link, or Google Authenticator pages.

Keys are on screen only while needed: the one-account code hides itself after
:data:`SHOW_SECONDS` of the window's injected monotonic time, when the dialog loses focus or
when the application goes to the background.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
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
from authenticator.ui.common.icons import icon
from authenticator.ui.transfer.common import group_key, message_label, qr_image

SHOW_SECONDS = 60.0
QR_SIDE = 320


def _qr_label() -> QLabel:
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setMinimumSize(QR_SIDE, QR_SIDE)
    label.setStyleSheet("background: white;")
    return label


def _set_qr(label: QLabel, text: str) -> None:
    image = qr_image(text)
    pixmap = QPixmap.fromImage(image)
    if pixmap.width() < QR_SIDE:
        factor = max(1, QR_SIDE // pixmap.width())
        pixmap = pixmap.scaled(pixmap.width() * factor, pixmap.height() * factor,
                               Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.FastTransformation)
    label.setPixmap(pixmap)


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
        self.qr = _qr_label()
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

    @property
    def is_revealed(self) -> bool:
        return self._shown_at is not None

    def reveal(self) -> None:
        _set_qr(self.qr, format_uri(self.account))
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
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Accounts to export"))
        self.refused: list[str] = []
        for account in self._accounts:
            problem = google_export_problem(account)
            item = QListWidgetItem(account.safe_label)
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            if problem is None:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
            else:
                item.setText(self.tr("{label} — {reason}").format(label=account.safe_label,
                                                                   reason=problem))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                self.refused.append(f"{account.safe_label}: {problem}")
            self.list.addItem(item)
        c.addWidget(self.list, 1)
        self.refused_note = QLabel()
        self.refused_note.setWordWrap(True)
        if self.refused:
            self.refused_note.setText(
                self.tr("Google Authenticator cannot hold {n} of these accounts (shown "
                        "greyed with the reason); keep them here or use another app.").format(
                    n=len(self.refused)))
        else:
            self.refused_note.hide()
        c.addWidget(self.refused_note)
        self.error = message_label()
        c.addWidget(self.error)
        self.stack.addWidget(choose)

        codes = QWidget()
        q = QVBoxLayout(codes)
        q.setContentsMargins(0, 0, 0, 0)
        self.qr = _qr_label()
        self.qr.setAccessibleName(self.tr("Export QR code"))
        q.addWidget(self.qr, 1)
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        q.addWidget(self.page_label)
        self.stack.addWidget(codes)

        buttons = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("&Previous"))
        self.previous_button.setAccessibleName(self.tr("Previous code"))
        self.previous_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button = QPushButton(self.tr("&Show QR codes"))
        self.next_button.setAccessibleName(self.tr("Next"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self._next)
        self.close_button = QPushButton(self.tr("C&lose"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.previous_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.list.itemChanged.connect(self._update)
        self.finished.connect(self._forget)
        self._update()

    def selected(self) -> list[Account]:
        ids = {self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
               if self.list.item(i).checkState() == Qt.CheckState.Checked
               and self.list.item(i).flags() & Qt.ItemFlag.ItemIsEnabled}
        return [a for a in self._accounts if a.id in ids]

    def _update(self) -> None:
        on_codes = self.stack.currentIndex() == 1
        self.previous_button.setVisible(on_codes)
        if on_codes:
            self.previous_button.setEnabled(True)
            last = self.page >= len(self.links) - 1
            self.next_button.setText(self.tr("&Done") if last else self.tr("&Next"))
            self.next_button.setEnabled(True)
        else:
            self.next_button.setText(self.tr("&Show QR codes"))
            self.next_button.setEnabled(bool(self.selected()))

    def _next(self) -> None:
        if self.stack.currentIndex() == 0:
            try:
                self.links = export_google_migration(self.selected(), max_bytes=self._max_bytes)
            except AuthenticatorError as exc:
                self.error.setText(str(exc))
                self.error.show()
                return
            self.stack.setCurrentIndex(1)
            self.show_page(0)
        elif self.page >= len(self.links) - 1:
            self.accept()
        else:
            self.show_page(self.page + 1)

    def show_page(self, page: int) -> None:
        if page < 0:
            self.stack.setCurrentIndex(0)
            self._forget()
            self._update()
            return
        self.page = page
        _set_qr(self.qr, self.links[page])
        self.page_label.setText(self.tr("{i} of {n}").format(i=page + 1, n=len(self.links)))
        self._update()

    def _forget(self) -> None:
        self.qr.clear()
        self.links = []
        self.page = 0
