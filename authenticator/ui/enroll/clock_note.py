"""On the enrollment confirmation page: "this computer's clock is off" and a fix in place.

The code on that page is the one the person types on the site to finish turning on
two-factor authentication. When the app knows the clock is 15 s or more off and codes
do not use corrected time, that code may be rejected: the page says so and offers
"Use corrected time" right there. The page's code comes from the same time base as the
list, so after the click both show the corrected code.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from authenticator.ui.common.durations import humanize_seconds


class ClockNote(QFrame):
    """Hidden unless ``uncorrected_offset()`` returns an offset (server minus local)."""

    def __init__(self, uncorrected_offset: Callable[[], float | None],
                 use_corrected: Callable[[], None], refresh: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._offset = uncorrected_offset
        self._use_corrected = use_corrected
        self._refresh = refresh
        self.setObjectName("clockNote")
        self.setStyleSheet("#clockNote { background: #FFF3CD; border: 1px solid #FFDA6A;"
                           " border-radius: 6px; } #clockNote QLabel { color: #664D03; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Clock warning"))
        layout.addWidget(self.label, 1)
        self.button = QPushButton(self.tr("&Use corrected time"))
        self.button.setAccessibleName(self.tr("Use corrected time"))
        self.button.clicked.connect(self._clicked)
        layout.addWidget(self.button)
        self.setVisible(False)

    def update_state(self) -> None:
        offset = self._offset()
        if offset is None:
            self.setVisible(False)
            return
        amount = humanize_seconds(offset)
        text = (self.tr("This computer's clock is {amount} slow, so the site may reject this "
                        "code.") if offset > 0 else
                self.tr("This computer's clock is {amount} fast, so the site may reject this "
                        "code.")).format(amount=amount)
        self.label.setText(text)
        self.setVisible(True)

    def _clicked(self) -> None:
        self._use_corrected()
        self.update_state()
        self._refresh()
