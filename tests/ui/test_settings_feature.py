"""The settings feature: the dialog it opens when asked, what it saves and applies.

The feature alone on a fake host (tests/helpers/fake_host.py); that the window applies
the settings to itself (clipboard delay) is tested on the window (test_main_window.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QGroupBox

from authenticator.ui import settings
from tests.helpers.gui import on_next_modal


@pytest.fixture
def host(qtbot, fake_host):
    settings.install(fake_host)
    fake_host.create_vault(qtbot)
    return fake_host


def test_settings_show_where_the_vault_and_backups_are(qtbot, host):
    vault_path = host.session.path
    seen = {}

    def read(dialog):
        seen["text"] = dialog.data_label.text()
        dialog.reject()

    errors = on_next_modal(qtbot, read)
    host.open_settings()
    assert not errors
    assert str(vault_path) in seen["text"] and str(vault_path.parent / "backups") in seen["text"]


def test_ok_saves_applies_and_says_so_once(qtbot, host):
    changed: list[int] = []
    host.settings_changed.connect(lambda: changed.append(1))

    def change(dialog):
        dialog.clipboard.setValue(10)
        dialog.autolock.setValue(1)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    errors = on_next_modal(qtbot, change)
    host.open_settings()
    assert not errors
    assert host.settings.get("clipboard_clear_seconds") == 10
    assert host.settings.get("autolock_minutes") == 1
    assert host.applied == 1 and changed == [1]


def test_cancel_changes_nothing(qtbot, host):
    before = host.settings.get("clipboard_clear_seconds")

    def change(dialog):
        dialog.clipboard.setValue(before + 7)
        dialog.reject()

    errors = on_next_modal(qtbot, change)
    host.open_settings()
    assert not errors
    assert host.settings.get("clipboard_clear_seconds") == before
    assert host.applied == 0


def test_sections_of_other_features_are_shown_in_order(qtbot, host):
    def section(title):
        def make(dialog, draft):  # each section reads and writes the dialog's draft
            assert draft.get("clipboard_clear_seconds") == host.settings.get(
                "clipboard_clear_seconds")
            return QGroupBox(title, dialog)
        return make

    host.add_settings_section(section("First"))
    host.add_settings_section(section("Second"))
    seen: list[str] = []

    def read(dialog):
        seen.extend(s.title() for s in dialog.sections)
        dialog.reject()

    errors = on_next_modal(qtbot, read)
    host.open_settings()
    assert not errors
    assert seen == ["First", "Second"]
