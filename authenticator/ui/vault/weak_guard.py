"""A weak vault password needs an explicit "Use it anyway".

Shown under the password fields of the welcome page and of the change-password dialog:
the first attempt with a weak password (strength score 0 or 1: a very common password or
one that is quick to guess) stops with the reason and a "Use it anyway" button; only that
button, for that exact password, goes on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from authenticator.ui.vault.strength import estimate_strength

WEAK_SCORE = 1
"""Scores up to this one count as weak (0: one of the most common; 1: weak)."""


class WeakPasswordGuard(QWidget):
    """Hidden until a weak password is submitted; ``proceed`` runs on "Use it anyway"."""

    def __init__(self, proceed: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proceed = proceed
        self._accepted: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Weak password warning"))
        self.label.setStyleSheet("background: #fff4ce; color: #3b2f00; padding: 6px;"
                                 " border-radius: 4px;")
        layout.addWidget(self.label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.anyway_button = QPushButton(self.tr("&Use it anyway"))
        self.anyway_button.setAccessibleName(self.tr("Use it anyway"))
        self.anyway_button.setAutoDefault(False)
        self.anyway_button.clicked.connect(self._use_anyway)
        row.addWidget(self.anyway_button)
        layout.addLayout(row)
        self.hide()
        self._pending: str | None = None

    def allows(self, password: str) -> bool:
        """True when ``password`` may be used now; else shows the warning and waits."""
        score, hint = estimate_strength(password)
        if score > WEAK_SCORE or self._accepted == password:
            self.hide()
            return True
        self._pending = password
        self.label.setText(self.tr("{reason} A weak password is the easiest way into your "
                                   "keys if someone gets a copy of the vault file. Choose a "
                                   "longer one, or use this one anyway.").format(reason=hint))
        self.show()
        return False

    def reset(self) -> None:
        self._accepted = self._pending = None
        self.hide()

    def _use_anyway(self) -> None:
        self._accepted = self._pending
        self.hide()
        self._proceed()
