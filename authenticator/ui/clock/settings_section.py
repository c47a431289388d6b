"""The "Clock" section of the settings dialog (supplied by :class:`ClockCheck`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from authenticator.core import options
from authenticator.timesync.sntp import DEFAULT_SERVERS
from authenticator.ui.clock.servers import parse_server_list

MAX_CORRECTION = 86_400.0  # typed in the dialog (a measured one may be larger)


class ClockControls(Protocol):
    """What the section uses of the clock check (``ClockCheck``)."""

    settings: Any
    status_changed: SignalInstance

    def status_text(self) -> str: ...
    def check_now(self, servers: Sequence[str] | None = None) -> bool: ...


class ClockSettingsBox(QGroupBox):
    def __init__(self, check: ClockControls, parent: Any = None, settings: Any = None) -> None:
        """``settings``: the settings dialog's draft (else the store: saved at once)."""
        super().__init__(parent)
        self.setTitle(self.tr("Clock"))
        self.check = check
        self.settings = settings = check.settings if settings is None else settings
        form = QFormLayout(self)
        self.enabled = QCheckBox(self.tr("Check this computer's clock over the &internet "
                                         "(NTP, sends no personal data)"))
        self.enabled.setChecked(settings.get(options.TIME_CHECK_ENABLED))
        form.addRow(self.enabled)
        self.servers = QLineEdit(settings.get(options.TIME_SERVERS))
        self.servers.setPlaceholderText(", ".join(DEFAULT_SERVERS[:2]) + ", …")
        self.servers.setToolTip(self.tr("Time servers separated by commas; empty uses "
                                        "public NTP servers."))
        self.servers.setAccessibleName(self.tr("Time servers"))
        form.addRow(self.tr("Time se&rvers:"), self.servers)
        self.use_correction = QCheckBox(self.tr("Codes use &corrected time"))
        self.use_correction.setChecked(settings.get(options.USE_CORRECTED_TIME))
        form.addRow(self.use_correction)
        self.offset = QDoubleSpinBox()
        self.offset.setRange(-MAX_CORRECTION, MAX_CORRECTION)
        self.offset.setDecimals(0)
        self.offset.setSuffix(self.tr(" s"))
        self.offset.setValue(settings.get(options.MANUAL_OFFSET))
        self.offset.setAccessibleName(self.tr("Seconds to add to this computer's clock"))
        self.offset.setToolTip(self.tr("For computers without internet: positive when this "
                                       "clock is slow. Updated by each time check."))
        form.addRow(self.tr("Co&rrection:"), self.offset)
        self.use_correction.toggled.connect(self.offset.setEnabled)
        self.offset.setEnabled(self.use_correction.isChecked())
        # A widget, not a bare layout: QFormLayout gives a nested layout's row only its
        # one-line height, so a status that wraps was cut at top and bottom.
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel(check.status_text())
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Clock check status"))
        self.check_button = QPushButton(self.tr("Check &now"))
        self.check_button.setAccessibleName(self.tr("Check the clock now"))
        row.addWidget(self.status, 1)
        row.addWidget(self.check_button)
        form.addRow(holder)
        self.check_button.clicked.connect(self._check_now)
        check.status_changed.connect(self.status.setText)

    def _check_now(self) -> None:
        self.check.check_now(parse_server_list(self.servers.text()))

    def save(self) -> None:
        s = self.settings
        s.set(options.TIME_CHECK_ENABLED, self.enabled.isChecked())
        if self.enabled.isChecked():
            s.set(options.TIME_CHECK_ASKED, True)
        s.set(options.TIME_SERVERS, self.servers.text().strip()[:options.MAX_TEXT])
        s.set(options.USE_CORRECTED_TIME, self.use_correction.isChecked())
        s.set(options.MANUAL_OFFSET, float(self.offset.value()))
