"""The one settings store as the user meets it: the settings dialog edits a draft applied on
OK (the store has the value, ``changed`` fired, the window reacted, the dialog shows it
next time), Cancel changes nothing, damaged values on disk read as the defaults, and vault
settings go with the vault through another device's save."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QStyle, QStyleOptionViewItem, QWidget

from authenticator.core import options
from authenticator.core.account import Account
from authenticator.core.otp import code_at
from authenticator.storage.kdf import KdfParams
from authenticator.storage.vault import Vault
from authenticator.ui.codes.model import SortMode
from authenticator.ui.codes.privacy import PrivacySection
from authenticator.ui.common.session import VaultSession
from authenticator.ui.common.settings import AppSettings
from authenticator.ui.main_window import MainWindow
from authenticator.ui.settings.dialog import SettingsDialog
from tests.helpers.gui import PASSWORD, create_vault, on_next_modal
from tests.helpers.windows import make_window

GITHUB = Account(secret=b"12345678901234567890", issuer="GitHub", name="alice")


@pytest.fixture
def unlocked(qtbot, window: MainWindow) -> MainWindow:
    create_vault(qtbot, window)
    window.session.add_many([GITHUB])
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1)
    return window


@pytest.fixture
def seen(window: MainWindow) -> list[str]:
    names: list[str] = []
    window.settings.changed.connect(names.append)
    return names


def in_settings(qtbot, win: MainWindow, handler: Callable[[SettingsDialog], None]) -> None:
    """Open the settings from the window (as Ctrl+, does) and run ``handler`` in them."""
    errors = on_next_modal(qtbot, handler)  # type: ignore[arg-type]
    win.open_settings()
    assert errors == []


def press(qtbot, dialog: QWidget, which: QDialogButtonBox.StandardButton) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(which), Qt.MouseButton.LeftButton)


def type_into(qtbot, spin: Any, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def tick(qtbot, box: QCheckBox) -> None:
    """Click the check box on its box (its middle may be past the end of its text)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def privacy_of(dialog: SettingsDialog) -> PrivacySection:
    return next(s for s in dialog.sections if isinstance(s, PrivacySection))


class RecordingPainter(QPainter):
    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[str] = []

    def drawText(self, *args):  # type: ignore[no-untyped-def]
        self.texts.extend(a for a in args if isinstance(a, str))
        return super().drawText(*args)


def row_text(win: MainWindow) -> str:
    """What the code list paints for its first row, not pointed at nor selected."""
    view, index = win.codes.view, win.proxy.index(0, 0)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view
    option.state = QStyle.StateFlag.State_Enabled
    option.rect = QRect(0, 0, 560, win.codes.delegate.sizeHint(option, index).height())
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    painter = RecordingPainter(image)
    win.codes.delegate.paint(painter, option, index)
    painter.end()
    return " ".join(painter.texts).replace(" ", "")


def test_ok_applies_the_changes_and_the_window_reacts(qtbot, unlocked, seen, vault_path):
    code = code_at(GITHUB, unlocked.time.now())
    assert code in row_text(unlocked)

    def change(dialog: SettingsDialog) -> None:
        type_into(qtbot, dialog.clipboard, "45")
        type_into(qtbot, dialog.backups, "3")
        tick(qtbot, privacy_of(dialog).hide_codes)
        assert unlocked.settings.get(options.PRIVACY_HIDE_CODES) is False  # only a draft yet
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    in_settings(qtbot, unlocked, change)
    settings = unlocked.settings
    assert settings.get(options.CLIPBOARD_CLEAR_SECONDS) == 45
    assert settings.get(options.PRIVACY_HIDE_CODES) is True
    assert settings.get(options.BACKUPS_TO_KEEP) == 3
    assert sorted(seen) == ["backups_to_keep", "clipboard_clear_seconds", "privacy_hide_codes"]
    assert unlocked.clipboard.delay_seconds == 45  # the window took the new delay
    assert code not in row_text(unlocked)  # privacy mode: the code is hidden at once
    assert Vault.open(vault_path, PASSWORD).setting("backups_to_keep") == 3  # saved

    shown: dict[str, Any] = {}

    def look(dialog: SettingsDialog) -> None:
        shown.update(clipboard=dialog.clipboard.value(), backups=dialog.backups.value(),
                     hide=privacy_of(dialog).hide_codes.isChecked())
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    in_settings(qtbot, unlocked, look)
    assert shown == {"clipboard": 45, "backups": 3, "hide": True}


def test_cancel_changes_nothing(qtbot, unlocked, seen, vault_path):
    before = vault_path.read_bytes()

    def change_then_cancel(dialog: SettingsDialog) -> None:
        type_into(qtbot, dialog.clipboard, "99")
        type_into(qtbot, dialog.backups, "7")
        tick(qtbot, dialog.lock_minimize)
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
        tick(qtbot, privacy_of(dialog).hide_codes)
        assert dialog.clipboard.value() == 99 and dialog.lock_minimize.isChecked()
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    in_settings(qtbot, unlocked, change_then_cancel)
    s = unlocked.settings
    assert (s.get(options.CLIPBOARD_CLEAR_SECONDS), s.get(options.BACKUPS_TO_KEEP),
            s.get(options.LOCK_ON_MINIMIZE), s.get(options.THEME),
            s.get(options.PRIVACY_HIDE_CODES)) == (30, 10, False, "system", False)
    assert seen == [] and unlocked.clipboard.delay_seconds == 30
    assert vault_path.read_bytes() == before


def test_a_section_change_reaches_the_feature_through_changed(qtbot, unlocked, seen):
    """A feature's own section (quick pick): saved into the draft, applied on OK, and the
    feature re-registers its shortcut because the store announced the change."""
    from authenticator.ui.quickpick.settings_section import QuickPickSettings

    pick = unlocked.features.quickpick
    applied: list[str] = []
    pick.status_changed.connect(lambda: applied.append(unlocked.settings.get(
        options.PICK_SHORTCUT_ENABLED)))

    def turn_off(dialog: SettingsDialog) -> None:
        section = next(s for s in dialog.sections if isinstance(s, QuickPickSettings))
        section.enabled.setChecked(False)
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    in_settings(qtbot, unlocked, turn_off)
    assert seen == ["pick_shortcut_enabled"] and applied[-1] is False


@pytest.fixture
def damaged_settings(tmp_path: Path) -> Path:
    ini = tmp_path / "damaged.ini"
    ini.write_text("[General]\n"
                   "clipboard_clear_seconds=99999999999999999999\n"
                   "autolock_minutes=-5\n"
                   "theme=<script>\n"
                   "lock_on_minimize=maybe\n"
                   "manual_offset=nan\n"
                   "use_corrected_time=1\n"
                   "sort_mode=sideways\n"
                   "copy_gesture=1\n"
                   "language=xx\n"
                   f"pick_shortcut={'x' * 5000}\n"
                   "time_servers=a.test, b.test\n", encoding="utf-8")
    return ini


@pytest.fixture
def damaged_window(qtbot, damaged_settings, vault_path, timebase) -> Iterator[MainWindow]:
    vault_path.parent.mkdir(parents=True, exist_ok=True)
    win = make_window(VaultSession(vault_path, kdf=KdfParams.for_tests()),
                      AppSettings(damaged_settings), timebase)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.lock(confirm_unsaved=False)
    win.really_quit = True
    win.close()


def test_damaged_settings_file_reads_as_the_defaults(qtbot, damaged_window, timebase):
    s = damaged_window.settings
    assert s.get(options.CLIPBOARD_CLEAR_SECONDS) == 30
    assert s.get(options.AUTOLOCK_MINUTES) == 5
    assert s.get(options.THEME) == "system"
    assert s.get(options.LOCK_ON_MINIMIZE) is False
    assert s.get(options.MANUAL_OFFSET) == 0.0
    assert s.get(options.USE_CORRECTED_TIME) is False  # the clock feature: no correction
    assert s.get(options.SORT_MODE) == "manual" and s.get(options.COPY_GESTURE) == "click"
    assert s.get(options.LANGUAGE) == "" and s.get(options.PICK_SHORTCUT) == "Ctrl+Alt+O"
    assert s.get(options.TIME_SERVERS) == ""  # unquoted comma: Qt reads a list
    assert damaged_window.clipboard.delay_seconds == 30
    assert timebase.correction == 0.0  # a NaN correction never reached the codes
    shown: dict[str, Any] = {}

    def look(dialog: SettingsDialog) -> None:
        shown.update(clipboard=dialog.clipboard.value(), autolock=dialog.autolock.value(),
                     theme=dialog.theme.currentData(), backups=dialog.backups.isEnabled())
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    in_settings(qtbot, damaged_window, look)
    assert shown == {"clipboard": 30, "autolock": 5, "theme": "system", "backups": False}


def test_damaged_vault_settings_read_as_the_defaults(qtbot, unlocked, vault_path):
    other = Vault.open(vault_path, PASSWORD)  # another device, or a hand-made file
    other.set_setting("backups_to_keep", "lots")
    other.set_setting("browser_ignored_sites", {"not": "a list"})
    other.save()
    unlocked.session.refresh_from_disk()
    assert unlocked.session.setting("backups_to_keep") == "lots"  # as stored...
    assert unlocked.settings.get(options.BACKUPS_TO_KEEP) == 10  # ...read as the default
    assert unlocked.settings.get(options.BROWSER_IGNORED_SITES) == ()


def test_vault_settings_survive_a_merge_from_another_device(qtbot, unlocked, seen, vault_path):
    other = Vault.open(vault_path, PASSWORD)  # the other device read the vault before...

    def keep_three(dialog: SettingsDialog) -> None:
        type_into(qtbot, dialog.backups, "3")
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    in_settings(qtbot, unlocked, keep_three)  # ...this one changed a vault setting
    other.set_setting("browser_ignored_sites", ["shop.test"])
    other.save()  # merged with this window's save
    seen.clear()
    unlocked.session.refresh_from_disk()  # what the file watcher does
    settings = unlocked.settings
    assert settings.get(options.BROWSER_IGNORED_SITES) == ("shop.test",)
    assert settings.get(options.BACKUPS_TO_KEEP) == 3
    assert seen == ["browser_ignored_sites"]  # the merge is announced, once
    reopened = Vault.open(vault_path, PASSWORD)
    assert reopened.settings == {"backups_to_keep": 3, "browser_ignored_sites": ["shop.test"]}


def test_vault_options_while_locked(qtbot, unlocked, seen):
    unlocked.settings.set(options.BACKUPS_TO_KEEP, 4)
    assert seen == ["backups_to_keep"]
    unlocked.lock()
    assert unlocked.settings.get(options.BACKUPS_TO_KEEP) == 10  # no vault: the default
    assert not unlocked.settings.has_vault
    assert seen == ["backups_to_keep", "backups_to_keep"]


def test_the_store_refuses_wrong_values_and_is_quiet_when_nothing_changes(unlocked, seen):
    settings = unlocked.settings
    with pytest.raises(ValueError, match="clipboard_clear_seconds"):
        settings.set(options.CLIPBOARD_CLEAR_SECONDS, 10**9)
    with pytest.raises(KeyError):
        settings.set("no_such_setting", 1)
    settings.set(options.THEME, "system")  # the value it has
    assert seen == []
    draft = settings.draft()
    draft.set(options.THEME, "dark")
    draft.set(options.AUTOLOCK_MINUTES, 2)
    with pytest.raises(ValueError):
        draft.set(options.AUTOLOCK_MINUTES, -1)
    assert settings.get(options.THEME) == "system" and draft.get(options.THEME) == "dark"
    assert draft.apply() == ["theme", "autolock_minutes"]
    assert seen == ["theme", "autolock_minutes"]


def test_sort_modes_are_the_declared_choices() -> None:
    assert set(options.SORT_MODE.choices) == {m.value for m in SortMode}


def test_a_vault_value_the_dialog_cannot_show_is_kept_unless_changed(qtbot, unlocked):
    unlocked.settings.set(options.BACKUPS_TO_KEEP, 0)  # no backups (set by hand elsewhere)

    def ok_without_touching(dialog: SettingsDialog) -> None:
        assert dialog.backups.value() == 1  # the lowest it offers
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    in_settings(qtbot, unlocked, ok_without_touching)
    assert unlocked.settings.get(options.BACKUPS_TO_KEEP) == 0
