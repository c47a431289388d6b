"""Privacy mode: codes hidden until pointed at or selected, hidden in the background, and
(Windows) the window kept out of screen capture."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from authenticator.core.account import Account
from authenticator.ui.codes import privacy
from authenticator.ui.codes.model import Role
from authenticator.ui.settings.dialog import SettingsDialog
from tests.helpers.gui import create_vault


class RecordingPainter(QPainter):
    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[str] = []

    def drawText(self, *args):  # type: ignore[no-untyped-def]
        self.texts.extend(a for a in args if isinstance(a, str))
        return super().drawText(*args)


@pytest.fixture
def listed(qtbot, window):
    create_vault(qtbot, window)
    window.session.add_many([Account(secret=b"12345678901234567890", issuer="GitHub",
                                     name="alice")])
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1)
    return window


def painted(win, state=QStyle.StateFlag.State_Enabled) -> list[str]:
    """The strings the delegate paints for row 0 in the given view state."""
    view, index = win.codes.view, win.proxy.index(0, 0)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view
    option.state = state
    option.rect = QRect(0, 0, 560, win.codes.delegate.sizeHint(option, index).height())
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    painter = RecordingPainter(image)
    win.codes.delegate.paint(painter, option, index)
    painter.end()
    return painter.texts


def save_settings(qtbot, win, **checks: bool) -> None:
    dialog = SettingsDialog(win.settings, win, sections=win.settings_sections())
    qtbot.addWidget(dialog)
    section = next(s for s in dialog.sections if isinstance(s, privacy.PrivacySection))
    for name, on in checks.items():
        getattr(section, name).setChecked(on)
    dialog.save()  # the store announces the change: privacy mode applies it at once


def test_codes_hidden_until_a_row_is_pointed_at_or_selected(qtbot, listed):
    code = listed.proxy.index(0, 0).data(Role.PAINT).code
    assert code in painted(listed)  # off by default
    save_settings(qtbot, listed, hide_codes=True)
    assert listed.settings.get(privacy.HIDE_CODES)
    texts = painted(listed)
    assert code not in texts and any(set(t) == {"•"} for t in texts)
    on = QStyle.StateFlag.State_Enabled
    assert code in painted(listed, on | QStyle.StateFlag.State_MouseOver)
    assert code in painted(listed, on | QStyle.StateFlag.State_Selected)


def test_codes_hidden_while_the_window_is_in_the_background(qtbot, listed):
    code = listed.proxy.index(0, 0).data(Role.PAINT).code
    save_settings(qtbot, listed, hide_unfocused=True)
    listed.features.privacy.apply()
    assert listed.isActiveWindow() and code in painted(listed)
    other = SettingsDialog(listed.settings)  # another window takes the focus
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitActive(other)
    qtbot.waitUntil(lambda: not listed.codes.delegate.revealed)
    assert code not in painted(listed, QStyle.StateFlag.State_Selected)
    other.close()
    listed.activateWindow()
    qtbot.waitActive(listed)
    qtbot.waitUntil(lambda: listed.codes.delegate.revealed)
    assert code in painted(listed)


def test_capture_exclusion_calls_windows_with_the_right_affinity(qtbot, listed):
    calls = []
    user32 = SimpleNamespace(SetWindowDisplayAffinity=lambda hwnd, a: calls.append(a) or 1)
    assert privacy.set_capture_excluded(listed, True, user32=user32)
    assert privacy.set_capture_excluded(listed, False, user32=user32)
    assert calls == [privacy.WDA_EXCLUDEFROMCAPTURE, privacy.WDA_NONE]
    assert privacy.capture_exclusion_supported("win32")
    assert not privacy.capture_exclusion_supported("linux")
    assert not privacy.set_capture_excluded(listed, True)  # not Windows: nothing happens


def test_capture_option_and_its_reason_show_only_on_windows(qtbot, listed, monkeypatch):
    section = privacy.PrivacySection(listed.settings)
    qtbot.addWidget(section)
    assert section.exclude_capture.isHidden() and section.capture_note.isHidden()
    monkeypatch.setattr(privacy, "capture_exclusion_supported", lambda: True)
    section = privacy.PrivacySection(listed.settings)
    qtbot.addWidget(section)
    assert not section.exclude_capture.isHidden()
    assert "remote-support" in section.capture_note.text()
