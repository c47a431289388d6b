"""A damaged vault: say so (not "wrong password") and offer the automatic backups.

* :func:`open_or_damaged` runs in the unlock worker: a :class:`~authenticator.storage.errors.
  VaultDamagedError` (the key slot opened, the content failed authentication) or a file
  that does not parse comes back as :class:`Damaged` instead of an error string, so the
  page can tell damage from a wrong password without matching words.
* :class:`VaultRecovery` (owned by the main window) shows "Restore from an automatic
  backup" on the unlock page when the file is damaged or truncated, or when a password
  fails on a vault that has backups; and warns when a file inside ``backups/`` is opened
  directly, offering to restore it instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from authenticator.core.errors import AuthenticatorError
from authenticator.storage.backups import backup_owner, list_backups
from authenticator.ui.common.damage import (
    DAMAGED,
    UNREADABLE,
    Damaged,
    file_is_unreadable,
    open_or_damaged,
)
from authenticator.ui.common.messages import error_sentence
from authenticator.ui.common.worker import typed_error

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStackedWidget, QWidget

    from authenticator.ui.common.session import VaultSession
    from authenticator.ui.common.timebase import TimeBase
    from authenticator.ui.vault.pages import UnlockPage


class RecoveryWindow(Protocol):
    """What recovery uses of the main window (structural: the window is not imported)."""

    session: VaultSession
    time: TimeBase
    pages: QStackedWidget

    @property
    def unlock_page(self) -> UnlockPage: ...
    def lock(self, confirm_unsaved: bool = True) -> bool: ...
    def show_start_page(self) -> None: ...
    def window(self) -> QWidget: ...
    def notify(self, text: str, seconds: float = 4.0,
               action: tuple[str, Any] | None = None) -> None: ...

# Re-exported: what "damaged" means lives with the session that reports it.
__all__ = ["DAMAGED", "UNREADABLE", "Damaged", "VaultRecovery", "file_is_unreadable",
           "open_or_damaged"]


class VaultRecovery(QObject):
    """Wires the unlock page to the automatic backups of the current vault."""

    def __init__(self, window: RecoveryWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.kind: str | None = None
        self.dialog: QObject | None = None
        session = window.session
        session.damaged.connect(self._damaged)
        session.unlock_failed.connect(self._failed)
        window.unlock_page.restore_requested.connect(lambda: self.open_restore())
        window.unlock_page.was_reset.connect(self._page_shown)

    def _page_shown(self) -> None:
        self.kind = None
        if file_is_unreadable(self.window.session.path):
            self._damaged(UNREADABLE)

    def _text(self, kind: str) -> str:
        if kind == DAMAGED:
            text = self.tr("This vault file is damaged: the password is right, but its "
                           "content fails the integrity check.")
        else:
            text = self.tr("This file cannot be read: it is not an Authenticator vault, or it "
                           "is damaged or truncated.")
        if not list_backups(self.window.session.path):
            text += " " + self.tr("There is no automatic backup of it in the backups folder.")
        return text

    def _damaged(self, kind: str) -> None:
        self.kind = kind
        page = self.window.unlock_page
        if list_backups(self.window.session.path):
            page.offer_restore(self._text(kind))
        else:
            page.set_busy(False)
            page.error.setText(self._text(kind))

    def _failed(self, _message: str) -> None:
        # A wrong password on a vault with backups: perhaps it was changed since; the
        # backups (each under the password of its time) are one click away.
        if self.window.pages.currentWidget() is self.window.unlock_page and \
                list_backups(self.window.session.path):
            self.window.unlock_page.restore_button.setVisible(True)

    def open_restore(self, chosen: Path | None = None) -> None:
        from authenticator.ui.vault.restore_dialog import RestoreBackupDialog

        session = self.window.session
        dialog = RestoreBackupDialog(session.path, damaged=self.kind is not None,
                                     now=self.window.time.wall, parent=self.window.window(),
                                     chosen=chosen,
                                     password=self.window.unlock_page.password.text())
        self.dialog = dialog
        try:
            if dialog.exec() == RestoreBackupDialog.DialogCode.Accepted and dialog.restored:
                self._restored(dialog)
        finally:
            self.dialog = None
            dialog.deleteLater()

    def _restored(self, dialog: object) -> None:
        from authenticator.ui.vault.restore_dialog import RestoreBackupDialog

        assert isinstance(dialog, RestoreBackupDialog)
        self.kind = None
        self.window.show_start_page()
        page = self.window.unlock_page
        page.error.setText(dialog.outcome_text())
        self.window.notify(dialog.outcome_text(), seconds=15.0)
        if dialog.password_for_unlock:
            page.set_busy(True)
            self.window.session.unlock(dialog.password_for_unlock)

    def replace_from(self, backup: Path, password: str) -> bool:
        """From the unlocked window: lock, make ``backup`` the vault file (the current file
        becomes a backup first) and unlock it with ``password``. False if nothing changed."""
        from authenticator.storage.backups import restore_backup

        window = self.window
        path = window.session.path
        if window.session.is_unlocked and not window.lock():
            return False
        try:
            restore_backup(path, backup, window.time.wall(), damaged=False)
        except (OSError, AuthenticatorError) as exc:
            window.unlock_page.error.setText(error_sentence(typed_error(exc)))
            return False
        window.unlock_page.error.setText(self.tr(
            "The vault was replaced by the backup; the previous file is kept as a backup."))
        window.unlock_page.set_busy(True)
        window.session.unlock(password)
        return True

    # -- files inside backups/ ----------------------------------------------------------
    def intercept_open(self, path: Path) -> bool:
        """Called before opening ``path`` as the vault: True when it was handled here."""
        owner = backup_owner(path)
        if owner is None:
            return False
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("This is an automatic backup"),
                          self.tr("{file} is an automatic backup of {vault}. Working inside "
                                  "the backups folder would mix your changes with old copies "
                                  "that are deleted over time. Restore it as the vault "
                                  "instead? The current vault file is kept as a backup.")
                          .format(file=path.name, vault=owner.name), parent=self.window.window())
        restore = box.addButton(self.tr("&Restore it as the vault…"),
                                QMessageBox.ButtonRole.AcceptRole)
        restore.setAccessibleName(self.tr("Restore it as the vault"))
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(restore)
        box.exec()
        if box.clickedButton() is restore:
            if self.window.session.is_unlocked and not self.window.lock():
                return True
            self.window.session.path = owner
            self.window.show_start_page()
            self.open_restore(chosen=path)
        return True
