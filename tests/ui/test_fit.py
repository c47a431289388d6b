"""Wrapped labels get the height they need; windows open inside the screen (also HiDPI)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from authenticator.ui.enroll.dialog import EnrollDialog, Route
from authenticator.ui.platform.translations import install_translator
from authenticator.ui.settings.dialog import SettingsDialog

ROOT = Path(__file__).resolve().parents[2]


def short_labels(window: QWidget) -> list[str]:
    QApplication.processEvents()
    return [f"{label.text()[:40]!r}: {label.height()} < {label.heightForWidth(label.width())}"
            for label in window.findChildren(QLabel)
            if label.isVisibleTo(window) and label.wordWrap() and label.text()
            and label.height() < label.heightForWidth(label.width())]


@pytest.fixture(params=["en", "fr"])
def language(request, qapp) -> Iterator[str]:
    install_translator(qapp, request.param)
    yield request.param
    install_translator(qapp, "en")


def test_settings_labels_and_the_wrapped_clock_status(qtbot, language, window):
    dialog = SettingsDialog(window.settings, window,
                            sections=window.settings_sections())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert short_labels(dialog) == []
    clock = dialog.sections[0]
    clock.status.setText("Checked at 20:15 against 0.pool.ntp.org: this computer's clock is "
                         "3.2 s ahead, which is fine; codes use the system time. " * 2)
    qtbot.waitUntil(lambda: clock.status.height() >= clock.status.heightForWidth(
        clock.status.width()))
    assert short_labels(dialog) == []


def test_add_dialog_labels(qtbot, language, timebase):
    dialog = EnrollDialog(timebase.now, lambda accounts: accounts, None,
                          list_cameras=lambda: [])
    qtbot.addWidget(dialog)
    dialog.show()
    for route in Route:
        dialog.show_route(route)
        assert short_labels(dialog) == [], route
    dialog.show_route(Route.MANUAL)
    qtbot.keyClicks(dialog.form.key, "JBSW 1 0 8 9 ! ?")
    assert short_labels(dialog) == []


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_window_opens_inside_a_small_hidpi_screen(language, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "QT_SCALE_FACTOR": "2",
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", sys.executable,
         str(ROOT / "scripts" / "window_fit_report.py"), language],
        env=env, capture_output=True, text=True, timeout=180, cwd=ROOT)
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(lines) == 10, result.stdout + result.stderr[-2000:]
    assert [line for line in lines if not line.endswith(" ok")] == []
