"""The "Browser extension" section of the settings dialog: ask before each fill, and the
paired browsers with a Revoke button each."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from authenticator.browser.pairing import PairingStore


class BrowserSettingsBox(QGroupBox):
    def __init__(self, store: PairingStore, parent: Any = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Browser extension"))
        self.store = store
        layout = QVBoxLayout(self)
        self.ask = QCheckBox(self.tr("As&k before each fill"))
        self.ask.setToolTip(self.tr("Show a question in this window before a browser gets a "
                                    "code, even for a bound site."))
        self.ask.setChecked(store.ask_before_fill)
        layout.addWidget(self.ask)
        self.list_layout = QVBoxLayout()
        layout.addLayout(self.list_layout)
        self.revoke_buttons: dict[str, QPushButton] = {}
        self._fill()

    def _fill(self) -> None:
        while self.list_layout.count():
            item = self.list_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.revoke_buttons.clear()
        if not self.store.pairings:
            self.list_layout.addWidget(QLabel(self.tr("No browser is paired. The first time "
                                                      "the extension asks, you are asked to "
                                                      "allow it.")))
            return
        self.list_layout.addWidget(QLabel(self.tr("Paired browsers:")))
        for pairing in self.store.pairings:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            since = time.strftime("%Y-%m-%d", time.localtime(pairing.created))
            label = QLabel(self.tr("{browser} (since {date})").format(
                browser=pairing.name or self.tr("A browser"), date=since))
            label.setWordWrap(True)
            button = QPushButton(self.tr("Revoke"))
            button.setAccessibleName(self.tr("Revoke {browser}").format(
                browser=pairing.name or self.tr("A browser")))
            button.clicked.connect(lambda _=False, pid=pairing.id: self._revoke(pid))
            line.addWidget(label, 1)
            line.addWidget(button)
            self.revoke_buttons[pairing.id] = button
            self.list_layout.addWidget(row)

    def _revoke(self, pairing_id: str) -> None:
        self.store.revoke(pairing_id)  # at once: a revoked browser must not wait for OK
        self._fill()

    def save(self) -> None:
        if self.ask.isChecked() != self.store.ask_before_fill:
            self.store.set_ask_before_fill(self.ask.isChecked())
