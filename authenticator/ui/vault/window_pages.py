"""The vault half of the main window: the welcome and unlock pages (made when first
shown), which of them or the code list is the start page, creating, unlocking, opening
another vault file and changing the password."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication

from authenticator.ui.vault.pages import UnlockPage, WelcomePage

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStackedWidget, QWidget

    from authenticator.ui.common.session import VaultSession
    from authenticator.ui.host import Host
    from authenticator.ui.vault.recovery import VaultRecovery


class VaultPages:
    """Mixed into the main window, which provides ``pages`` (the stack), ``codes`` (the
    code list page), ``session``, ``recovery``, ``lock()`` and ``_update_actions()``."""

    pages: QStackedWidget
    codes: Any  # ui.codes.view.CodesPage
    session: VaultSession
    recovery: VaultRecovery
    _welcome: WelcomePage | None
    _unlock_page: UnlockPage | None

    if TYPE_CHECKING:  # provided by the window
        def lock(self, confirm_unsaved: bool = True) -> bool: ...
        def _update_actions(self) -> None: ...

    @property
    def welcome(self) -> WelcomePage:
        if self._welcome is None:
            self._welcome = WelcomePage()
            self._welcome.create_requested.connect(self._create_vault)
            self._welcome.open_requested.connect(self.open_vault_file)
            self.pages.addWidget(self._welcome)
        return self._welcome

    @property
    def unlock_page(self) -> UnlockPage:
        if self._unlock_page is None:
            self._unlock_page = UnlockPage()
            self._unlock_page.unlock_requested.connect(self._unlock)
            self._unlock_page.other_vault_requested.connect(self._choose_vault)
            self.pages.addWidget(self._unlock_page)
        return self._unlock_page

    def show_start_page(self) -> None:
        if self.session.is_unlocked:
            self.pages.setCurrentWidget(self.codes)
        elif self.session.exists():
            self.unlock_page.set_path(str(self.session.path))
            self.unlock_page.reset()
            self.pages.setCurrentWidget(self.unlock_page)
        else:
            self.welcome.reset()
            self.pages.setCurrentWidget(self.welcome)
        self._update_actions()

    def _create_vault(self, password: str) -> None:
        self.welcome.set_busy(True)
        self.session.create(password)

    def _unlock(self, password: str) -> None:
        self.session.unlock(password)

    def _on_unlock_failed(self, message: str) -> None:
        if self._welcome is not None and self.pages.currentWidget() is self._welcome:
            self.welcome.show_error(message)
        else:
            self.unlock_page.show_error(message)

    def open_vault_file(self, path: str) -> None:
        if self.recovery.intercept_open(Path(path)):
            return  # a file inside backups/: restored (or not) instead of opened
        if self.session.is_unlocked:
            self.lock()
        self.session.path = Path(path)
        self.show_start_page()

    def _choose_vault(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        translate = QCoreApplication.translate  # the window's words ("MainWindow")
        path, _ = QFileDialog.getOpenFileName(
            cast("QWidget", self), translate("MainWindow", "Open a vault"),
            str(self.session.path.parent),
            translate("MainWindow", "Authenticator vaults (*.authvault);;All files (*)"))
        if path:
            self.open_vault_file(path)

    def change_password(self) -> None:
        from authenticator.ui.vault.password_dialog import change_password

        change_password(cast("Host", self))  # the window is the host
