"""The Add dialog's widgets: the routes on the left; on the right the message line, the
route's page (or the review and confirmation steps) and the scanner note; the buttons
below. What the dialog does with them is in ``dialog``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from authenticator.core.errors import AuthenticatorError
from authenticator.scan.decoders import decoder_note
from authenticator.ui.common.account_form import ManualEntryForm
from authenticator.ui.common.messages import describe, sentence
from authenticator.ui.common.widgets import mark_error
from authenticator.ui.enroll.camera import CameraPage
from authenticator.ui.enroll.confirm import ConfirmationPage
from authenticator.ui.enroll.review import ReviewPage
from authenticator.ui.enroll.routes import ImagePage, PastePage, Route, RouteList, ScreenPage

if TYPE_CHECKING:
    from authenticator.ui.common.clipboard import SecureClipboard


class EnrollLayout(QDialog):
    """The widgets of :class:`~authenticator.ui.enroll.dialog.EnrollDialog`, the state of
    its buttons and its message line (an info note or an error)."""

    # -- widgets ----------------------------------------------------------------------------
    def _build(self, now: Callable[[], float], clipboard: SecureClipboard | None,
               screen_intro: str) -> None:
        self.routes = RouteList()

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setVisible(False)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pages = QStackedWidget()
        self.camera_page = CameraPage()
        self.screen_page = ScreenPage(screen_intro)
        self.scan_screen_button = self.screen_page.scan_screen_button
        self.screen_fallback = self.screen_page.screen_fallback
        self.image_page = ImagePage()
        self.open_image_button = self.image_page.open_image_button
        self.paste_page = PastePage()
        self.link_edit = self.paste_page.link_edit
        self.link_reveal = self.paste_page.link_reveal
        self.paste_button = self.paste_page.paste_button
        self.form = ManualEntryForm(now)
        self.review_page = ReviewPage()
        self.done_page = ConfirmationPage(now, clipboard)
        self._route_pages: dict[Route, QWidget] = {
            Route.CAMERA: self.camera_page, Route.SCREEN: self.screen_page,
            Route.IMAGE: self.image_page, Route.PASTE: self.paste_page,
            Route.MANUAL: self.form}
        for page in (*self._route_pages.values(), self.review_page, self.done_page):
            self.pages.addWidget(page)

        self.add_another_button = QPushButton(self.tr("Add &another"))
        self.add_another_button.setAccessibleName(self.tr("Add another account"))
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.setAccessibleName(self.tr("Add"))
        self.add_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Cancel"))
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_another_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.close_button)

        right = QVBoxLayout()
        right.addWidget(self.message)
        right.addWidget(self.pages, 1)
        self.decoder_note = QLabel()
        self.decoder_note.setWordWrap(True)
        self.decoder_note.setEnabled(False)  # a quiet, greyed hint
        self.decoder_note.setAccessibleName(self.tr("Scanner note"))
        note = decoder_note()
        if note:
            self.decoder_note.setText(self.tr(
                "Note: the optional ZBar decoder is not installed (Debian/Ubuntu: sudo "
                "apt-get install libzbar0). Scanning still works with the other decoders."))
        self.decoder_note.setVisible(False)
        right.addWidget(self.decoder_note)
        top = QHBoxLayout()
        top.addWidget(self.routes)
        top.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(buttons)


    def _update_buttons(self) -> None:
        page = self.pages.currentWidget()
        done = page is self.done_page
        self.add_another_button.setVisible(done)
        self.add_button.setVisible(page in (self.form, self.review_page))
        if page is self.form:
            self.add_button.setEnabled(self.form.account is not None)
        elif page is self.review_page:
            self.add_button.setEnabled(bool(self.review_page.checked_accounts()))
        self.close_button.setText(self.tr("&Done") if done else self.tr("Cancel"))

    # -- messages -------------------------------------------------------------------------
    def show_error(self, error: str | AuthenticatorError) -> None:
        """Show an error: a sentence already translated, or a typed error."""
        text = error if isinstance(error, str) else describe(error)
        self._show_message(sentence(text), error=True)

    def show_info(self, text: str) -> None:
        self._show_message(text, error=False)

    def _show_message(self, text: str, *, error: bool) -> None:
        """The message line; its ``error`` property says whether it reports a failure
        (shown in the one error look, ``mark_error``)."""
        self.message.setText(text)
        self.message.setProperty("error", error)
        if error:
            mark_error(self.message)
        else:
            self.message.setStyleSheet("QLabel { border-radius: 6px; padding: 8px;"
                                       " background: #E8F1FD; color: #0B3A75; }")
        self.message.setVisible(True)

    def has_error(self) -> bool:
        """An error is shown (not a hint or progress note)."""
        return self.message.isVisible() and bool(self.message.property("error"))

    def clear_message(self) -> None:
        self.message.clear()
        self.message.setProperty("error", False)
        self.message.setVisible(False)
