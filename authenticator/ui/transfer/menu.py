"""Import…, Export, Back up…, Restore…: the menu entries that move keys in and out.

Every way out of the vault (QR for another device, Google export, backup file, plain
text) first asks for the vault password again. Dialogs are window-modal and opened with
``open()`` so the window keeps ticking (the QR code hides itself after a minute).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from authenticator.core.account import Account
from authenticator.core.errors import AuthenticatorError
from authenticator.portability.exporters import EXPORT_FORMATS, exporter_named
from authenticator.ui.common.files import open_file_name, save_file_name
from authenticator.ui.common.icons import icon

# The dialogs (and segno, the importers, the exporters) are imported when first used:
# they are not needed to start the app and show the codes.

if TYPE_CHECKING:
    from authenticator.ui.host import Host
    from authenticator.ui.transfer.backups import RestoreDialog
    from authenticator.ui.transfer.importing import ImportDialog


class TransferActions(QObject):
    """Adds the transfer entries to the main menu and the per-account menu."""

    def __init__(self, host: Host) -> None:
        super().__init__(host.window())
        self.host = host
        self.dialog: QDialog | None = None  # the transfer dialog currently open
        self.google_max_bytes: int | None = None  # per QR code; None: the format's limit
        self.backup_kdf = host.session.kdf  # None: calibrated on this computer
        self.show_qr_action = self._action(self.tr("Show &QR for another device…"),
                                           self.show_qr_current, "qr")
        self.google_action = self._action(self.tr("To &Google Authenticator…"),
                                          self.export_google)
        self.backup_action = self._action(self.tr("Back &up…"), self.back_up)
        self.restore_action = self._action(self.tr("&Restore from a backup…"), self.restore)
        self.import_action = self._action(self.tr("&Import…"), self.import_file)
        self.import_action.setToolTip(self.tr("Import a backup or another app's export"))
        self.text_action = self._action(self.tr("Keys as &text…"), self.export_text)
        self.aegis_action = self._action(self.tr("For &Aegis…"), self.export_aegis)
        #: The window's entry of each export format of the registry (the backup has its
        #: own top-level "Back up…"); a format without one is not offered in the window.
        self.format_actions: dict[str, QAction] = {
            "google-migration": self.google_action, "aegis": self.aegis_action,
            "otpauth": self.text_action, "backup": self.backup_action}
        # Named by what people look for: Import…, Export, Back up…, Restore…
        self.export_menu = QMenu(self.tr("&Export"), host.window())
        self.export_menu.addAction(self.show_qr_action)
        self.export_menu.addSeparator()
        for fmt in EXPORT_FORMATS:  # in the registry's order
            action = self.format_actions.get(fmt.name)
            if action is not None and action is not self.backup_action:
                self.export_menu.addAction(action)
        for entry in (self.import_action, self.export_menu.menuAction(), self.backup_action,
                      self.restore_action):
            host.add_menu_action(entry)
        separator = QAction(self)
        separator.setSeparator(True)
        host.add_menu_action(separator)
        host.menu_shown.connect(self._update)
        host.add_row_menu_hook(self._extend_row_menu)
        host.add_tick_hook(self._tick)
        host.session.locked.connect(self.close_dialog)

    def _action(self, text: str, slot: Any, icon_name: str | None = None) -> QAction:
        action = QAction(text, self.host.window())
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(lambda _=False: slot())
        return action

    def _update(self) -> None:
        unlocked = self.host.session.is_unlocked
        has_accounts = bool(self.host.session.accounts())
        for entry in (self.export_menu, self.import_action, self.backup_action,
                      self.restore_action):
            entry.setEnabled(unlocked)
        self.show_qr_action.setEnabled(self.host.current_account() is not None)
        for action in self.format_actions.values():
            action.setEnabled(has_accounts)

    def _extend_row_menu(self, menu: QMenu, account: Account) -> None:
        menu.addSeparator()
        action = menu.addAction(icon("qr"), self.tr("Show &QR for another device…"))
        action.triggered.connect(lambda _=False, a=account.id: self.show_qr(a))

    def _tick(self) -> None:
        tick = getattr(self.dialog, "tick", None)  # the QR dialog hides itself after 60 s
        if tick is not None:
            tick()

    # -- plumbing -------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        self.close_dialog()
        self.dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._closed(d))
        dialog.open()
        return dialog

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()

    def _after_password(self, purpose: str, then: Any) -> None:
        from authenticator.ui.transfer.common import PasswordGate

        if not self.host.session.is_unlocked:
            return
        self._open(PasswordGate(self.host.session.verify_password, purpose,
                                lambda: then(), self.host.window()))

    def _notify(self, text: str) -> None:
        self.host.notify(text)

    # -- actions --------------------------------------------------------------------------
    def show_qr_current(self) -> None:
        account = self.host.current_account()
        if account is not None:
            self.show_qr(account.id)

    def show_qr(self, account_id: str) -> None:
        from authenticator.ui.transfer.qr import ShowQrDialog

        account = self.host.session.get(account_id)
        if account is None:
            return
        self._after_password(
            self.tr("The QR code of {label} lets another device make the same "
                    "codes.").format(label=account.safe_label),
            lambda: self._open(ShowQrDialog(account, self.host.time.monotonic,
                                            self.host.clipboard.copy, self.host.window())))

    def export_google(self) -> None:
        from authenticator.core.migration import DEFAULT_MAX_BYTES
        from authenticator.ui.transfer.qr import GoogleExportDialog

        max_bytes = self.google_max_bytes or DEFAULT_MAX_BYTES
        self._after_password(
            self.tr("Google Authenticator export codes hold your keys."),
            lambda: self._open(GoogleExportDialog(self.host.session.accounts(), self.host.window(),
                                                  max_bytes=max_bytes)))

    def back_up(self, path: Path | None = None) -> None:
        from authenticator.ui.transfer.backups import BackupDialog

        def saved(target: Path) -> None:
            self._notify(self.tr("Backup saved to {file}").format(file=target.name))

        self._after_password(
            self.tr("The backup will hold every key of this vault."),
            lambda: self._open(BackupDialog(self.host.session, self.backup_kdf, saved,
                                            self.host.window(), path)))

    def restore(self) -> RestoreDialog | None:
        from authenticator.ui.transfer.backups import RestoreDialog

        if not self.host.session.is_unlocked:
            return None
        dialog = RestoreDialog(self.host.session, self._added, self.host.window(),
                               replace=self.host.replace_vault_from)
        self._open(dialog)
        return dialog

    def import_file(self, path: Path | None = None) -> ImportDialog | None:
        from authenticator.ui.transfer.importing import ImportDialog

        if not self.host.session.is_unlocked:
            return None
        if path is None:
            chosen = open_file_name(
                self.host.window(), self.tr("Import"),
                self.tr("Backups and other apps' exports (*.authvault *.json *.2fas *.txt "
                        "*.csv *.aes *.xml *.bin *.zip *.db *.db3 *.maFile *.authpro *.backup "
                        "databases PhoneFactor);;Authenticator backups (*.authvault);;"
                        "All files (*)"))
            if chosen is None:
                return None
            path = chosen
        dialog = ImportDialog(self.host.session, path, self._added, self.host.window())
        self._open(dialog)
        return dialog

    def _added(self, accounts: list[Account]) -> None:
        if accounts:
            self.host.select_account(accounts[-1].id)
        self._notify(self.tr("Added %n account(s)", "", len(accounts)))

    def export_aegis(self, path: Path | None = None) -> None:
        from authenticator.ui.transfer.aegis import AegisExportDialog

        def saved(target: Path) -> None:
            self._notify(self.tr("Aegis file saved to {file}").format(file=target.name))

        self._after_password(
            self.tr("The Aegis file will hold every key of this vault."),
            lambda: self._open(AegisExportDialog(self.host.session.accounts(), saved,
                                                 self.host.window(), path)))

    def export_text(self, path: Path | None = None) -> None:
        self._after_password(
            self.tr("Export every key as plain otpauth:// links."),
            lambda: self._warn_then_write(path))

    def _warn_then_write(self, path: Path | None) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export keys as text"),
                          self.tr("The file will hold your keys UNENCRYPTED: anyone who reads "
                                  "it can make your codes. Delete it as soon as you have used "
                                  "it, and prefer an encrypted backup."), parent=self.host.window())
        go = box.addButton(self.tr("I &understand, export"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered() -> None:
            if box.clickedButton() is go:
                self._write_text(path)

        box.finished.connect(lambda _r: answered())
        self._open(box)

    def _write_text(self, path: Path | None) -> None:
        if path is None:
            suffix = exporter_named("otpauth").suffix
            path = save_file_name(self.host.window(), self.tr("Export keys as text"),
                                  "authenticator-keys" + suffix,
                                  self.tr("Text files (*.txt);;All files (*)"), suffix)
            if path is None:
                return
        try:
            exporter_named("otpauth").write(self.host.session.accounts(), path, None)
        except AuthenticatorError as exc:
            QMessageBox.warning(self.host.window(), self.tr("Export keys as text"), str(exc))
            return
        self._notify(self.tr("Keys written to {file} (readable by you only)").format(
            file=path.name))
