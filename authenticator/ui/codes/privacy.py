"""Privacy mode, for people who share their screen (calls with support staff, demos).

- "Hide codes until I point at them": a row's code shows only while the pointer is over
  the row or the row is selected (clicked); the others show dots.
- "Hide codes when the window is in the background": every code turns to dots as soon as
  another window is active, and comes back when ours is.
- On Windows, "Keep this window out of screenshots and screen sharing" asks the system to
  exclude the window from capture (SetWindowDisplayAffinity, WDA_EXCLUDEFROMCAPTURE). The
  window then shows black in recordings, screen sharing and remote-support tools (Quick
  Assist, TeamViewer...), which also keeps a helper from seeing it: off by default.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QStyle,
    QStyleOptionViewItem,
    QVBoxLayout,
)

from authenticator.core import options

if TYPE_CHECKING:
    from authenticator.ui.host import Host

HIDE_CODES = options.PRIVACY_HIDE_CODES
HIDE_UNFOCUSED = options.PRIVACY_HIDE_UNFOCUSED
EXCLUDE_CAPTURE = options.PRIVACY_EXCLUDE_CAPTURE
WDA_NONE = 0x0
WDA_EXCLUDEFROMCAPTURE = 0x11  # Windows 10 2004 and later


def capture_exclusion_supported(platform: str = sys.platform) -> bool:
    return platform == "win32"


def set_capture_excluded(window: Any, excluded: bool, user32: Any = None) -> bool:
    """Exclude ``window`` from screen capture on Windows; False where not possible."""
    if user32 is None:
        if not capture_exclusion_supported():
            return False
        import ctypes

        user32 = ctypes.windll.user32  # type: ignore[attr-defined]
    affinity = WDA_EXCLUDEFROMCAPTURE if excluded else WDA_NONE
    return bool(user32.SetWindowDisplayAffinity(int(window.winId()), affinity))


class PrivacyMode(QObject):
    """Applies the privacy settings to the host's code list (see the module docstring)."""

    def __init__(self, host: Host) -> None:
        super().__init__(host.window())
        self.host = host
        self.settings = host.settings
        self.codes = host.code_list
        self.capture_excluded = False
        self.codes.set_code_shown_rule(self._row_shown)
        host.activation_changed.connect(self.apply)
        self.settings.changed.connect(self._changed)
        self.apply()

    def _changed(self, name: str) -> None:
        if name in (HIDE_CODES.name, HIDE_UNFOCUSED.name, EXCLUDE_CAPTURE.name):
            self.apply()

    def _row_shown(self, _index: Any, option: QStyleOptionViewItem) -> bool:
        if not self.settings.get(HIDE_CODES):
            return True
        flags = QStyle.StateFlag.State_MouseOver | QStyle.StateFlag.State_Selected
        return bool(option.state & flags)

    def apply(self) -> None:
        hide = bool(self.settings.get(HIDE_UNFOCUSED)) and not self.host.is_active()
        self.codes.set_codes_revealed(not hide)
        self.codes.repaint()
        wanted = bool(self.settings.get(EXCLUDE_CAPTURE))
        if capture_exclusion_supported() and wanted != self.capture_excluded:
            self.capture_excluded = set_capture_excluded(self.host.window(), wanted) and wanted


class PrivacySection(QGroupBox):
    """The settings section for privacy mode."""

    def __init__(self, settings: Any, parent: Any = None) -> None:
        """``settings``: the store or the settings dialog's draft of it."""
        super().__init__(parent)
        self.setTitle(self.tr("Privacy (screen sharing)"))
        self.settings = settings
        layout = QVBoxLayout(self)
        self.hide_codes = QCheckBox(self.tr("&Hide codes until I point at a row or select it"))
        self.hide_codes.setChecked(settings.get(HIDE_CODES))
        self.hide_unfocused = QCheckBox(self.tr("Hide codes while the window is in the "
                                                "back&ground"))
        self.hide_unfocused.setChecked(settings.get(HIDE_UNFOCUSED))
        layout.addWidget(self.hide_codes)
        layout.addWidget(self.hide_unfocused)
        self.exclude_capture = QCheckBox(self.tr("&Keep this window out of screenshots and "
                                                 "screen sharing"))
        self.exclude_capture.setChecked(settings.get(EXCLUDE_CAPTURE))
        self.capture_note = QLabel(self.tr(
            "The window then shows black in recordings, video calls and remote-support "
            "tools, so someone helping you remotely cannot see it either."))
        self.capture_note.setWordWrap(True)
        supported = capture_exclusion_supported()
        self.exclude_capture.setVisible(supported)
        self.capture_note.setVisible(supported)
        layout.addWidget(self.exclude_capture)
        layout.addWidget(self.capture_note)

    def save(self) -> None:
        self.settings.set(HIDE_CODES, self.hide_codes.isChecked())
        self.settings.set(HIDE_UNFOCUSED, self.hide_unfocused.isChecked())
        self.settings.set(EXCLUDE_CAPTURE, self.exclude_capture.isChecked())


def install(host: Host) -> PrivacyMode:
    host.add_settings_section(lambda dialog, draft: PrivacySection(draft, dialog))
    return PrivacyMode(host)
