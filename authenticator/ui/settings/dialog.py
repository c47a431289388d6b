"""Settings: clipboard delay, auto-lock, theme, backups to keep, tray behaviour, language,
sections added by features (clock check), and where the data lives.

The dialog edits a draft of the settings store (``ui.common.settings``): sections get the
same draft; :meth:`SettingsDialog.save` (on OK) applies it, and the store announces each
changed option. Cancel changes nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from authenticator.core import options
from authenticator.storage.paths import backup_dir_for
from authenticator.ui.common.fit import FittingScrollArea
from authenticator.ui.common.settings import AppSettings, SettingsDraft

#: Builds a section for the dialog from the dialog and the draft it edits (ui/host.py).
SectionFactory = Callable[[QDialog, SettingsDraft], QWidget]


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: Any = None,
                 remembered: bool | None = None,
                 sections: Sequence[SectionFactory] = (),
                 vault_path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.draft = draft = settings.draft()
        page = QWidget()  # scrolls on a small screen (HiDPI) instead of being squashed
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)

        security = QGroupBox(self.tr("Security"))
        form = QFormLayout(security)
        self.clipboard = QSpinBox()
        self.clipboard.setRange(0, 600)
        self.clipboard.setSuffix(self.tr(" s"))
        self.clipboard.setSpecialValueText(self.tr("Never"))
        self.clipboard.setValue(draft.get(options.CLIPBOARD_CLEAR_SECONDS))
        self.clipboard.setAccessibleName(self.tr("Clear the clipboard after"))
        form.addRow(self.tr("&Clear copied codes after:"), self.clipboard)
        self.autolock = QSpinBox()
        self.autolock.setRange(0, 240)
        self.autolock.setSuffix(self.tr(" min"))
        self.autolock.setSpecialValueText(self.tr("Never"))
        self.autolock.setValue(draft.get(options.AUTOLOCK_MINUTES))
        self.autolock.setAccessibleName(self.tr("Lock after idle minutes"))
        form.addRow(self.tr("&Lock when idle for:"), self.autolock)
        self.lock_minimize = QCheckBox(self.tr("Lock when the window is &minimised"))
        self.lock_minimize.setChecked(draft.get(options.LOCK_ON_MINIMIZE))
        form.addRow(self.lock_minimize)
        self.backups = QSpinBox()
        self.backups.setRange(1, 100)
        self.backups.setAccessibleName(self.tr("Recent saves kept as backups"))
        self.backups.setValue(draft.get(options.BACKUPS_TO_KEEP))
        self._backups_shown = self.backups.value()  # 0 or > 100 (set elsewhere) show clamped
        self.backups.setEnabled(draft.has_vault)
        form.addRow(self.tr("&Backups of recent saves:"), self.backups)
        self.backup_policy = QLabel(self.tr(
            "The last saves (this number), plus the first backup of each of the last 7 "
            "days, 8 weeks and 12 months."))
        self.backup_policy.setWordWrap(True)
        self.backup_policy.setAccessibleName(self.tr("Which backups are kept"))
        form.addRow("", self.backup_policy)
        self.remember = QCheckBox(self.tr("&Remember the vault on this computer (system "
                                          "keyring): no password at start-up"))
        self.remember.setAccessibleName(self.tr("Remember the vault on this computer"))
        self.remember.setToolTip(self.tr(
            "Anyone who can use your account on this computer could then open the vault. "
            "Locking still asks for the password."))
        self.remember.setChecked(bool(remembered))
        self.remember.setEnabled(remembered is not None)
        form.addRow(self.remember)
        layout.addWidget(security)

        look = QGroupBox(self.tr("Appearance and tray"))
        form2 = QFormLayout(look)
        self.theme = QComboBox()
        self.theme.addItem(self.tr("Follow the system"), "system")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(draft.get(options.THEME))))
        self.theme.setAccessibleName(self.tr("Theme"))
        form2.addRow(self.tr("&Theme:"), self.theme)
        self.close_to_tray = QCheckBox(self.tr("Closing the window keeps the app in the &tray"))
        self.close_to_tray.setChecked(draft.get(options.CLOSE_TO_TRAY))
        self.start_minimized = QCheckBox(self.tr("&Start minimised in the tray"))
        self.start_minimized.setChecked(draft.get(options.START_MINIMIZED))
        form2.addRow(self.close_to_tray)
        form2.addRow(self.start_minimized)
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("English", "en")  # each language in its own name
        self.language.addItem("Français", "fr")
        self.language.setCurrentIndex(max(0, self.language.findData(draft.get(options.LANGUAGE))))
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setAccessibleDescription(self.tr("Applies the next time the app starts"))
        self.language.setToolTip(self.tr("Applies the next time the app starts."))
        form2.addRow(self.tr("L&anguage (at next start):"), self.language)
        layout.addWidget(look)
        # Sections supplied by features (e.g. the clock check): widgets whose save() writes
        # what they show into the draft.
        self.sections: list[Any] = [make(self, draft) for make in sections]
        for section in self.sections:
            layout.addWidget(section)
        if vault_path is not None:
            layout.addWidget(self._data_section(Path(vault_path)))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(FittingScrollArea(page), 1)
        outer.addWidget(buttons)

    def _data_section(self, vault_path: Path) -> QGroupBox:
        """Where the vault and its automatic backups live, with a way to open the folder."""
        box = QGroupBox(self.tr("Your data"))
        row = QHBoxLayout(box)
        self.data_label = QLabel(self.tr("Vault: {vault}\nBackups: {backups}").format(
            vault=vault_path, backups=backup_dir_for(vault_path)))
        self.data_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_label.setWordWrap(True)
        self.data_label.setAccessibleName(self.tr("Where the vault and backups are"))
        open_folder = QPushButton(self.tr("Open &folder"))
        open_folder.setAccessibleName(self.tr("Open the vault folder"))
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(vault_path.parent))))
        row.addWidget(self.data_label, 1)
        row.addWidget(open_folder)
        return box

    def save(self) -> list[str]:
        """Apply what the dialog shows through the store; the names of changed options."""
        d = self.draft
        d.set(options.CLIPBOARD_CLEAR_SECONDS, self.clipboard.value())
        d.set(options.AUTOLOCK_MINUTES, self.autolock.value())
        d.set(options.LOCK_ON_MINIMIZE, self.lock_minimize.isChecked())
        d.set(options.THEME, self.theme.currentData())
        d.set(options.CLOSE_TO_TRAY, self.close_to_tray.isChecked())
        d.set(options.START_MINIMIZED, self.start_minimized.isChecked())
        d.set(options.LANGUAGE, self.language.currentData())
        if self.backups.isEnabled() and self.backups.value() != self._backups_shown:
            d.set(options.BACKUPS_TO_KEEP, self.backups.value())
        for section in self.sections:
            section.save()
        return d.apply()
