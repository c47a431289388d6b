"""What a row of the code list offers: copy, edit, favourite, delete with undo, move, next
counter code, and the right-click menu features extend (ui/host.py ``add_row_menu_hook``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from authenticator.core.account import Account, OtpKind
from authenticator.ui.codes.filter import AccountFilterModel
from authenticator.ui.codes.model import AccountListModel, Role, SortMode
from authenticator.ui.common.widgets import window_action
from authenticator.ui.host import Host, RowMenuHook

if TYPE_CHECKING:
    from authenticator.ui.codes.view import CodesPage

UNDO_SECONDS = 10.0


class RowCommands(QObject):
    """The per-account commands, their shortcuts and the row menu."""

    def __init__(self, host: Host, page: CodesPage, model: AccountListModel,
                 proxy: AccountFilterModel) -> None:
        super().__init__(host.window())
        self.host = host
        self.page = page
        self.model = model
        self.proxy = proxy
        self.menu_hooks: list[RowMenuHook] = []
        self._undo: tuple[Account, int] | None = None
        self.copy_action = self._action(self.tr("&Copy code"), QKeySequence.StandardKey.Copy,
                                        self.copy_current)
        self.edit_action = self._action(self.tr("&Edit…"), "F2", self.edit_current)
        self.delete_action = self._action(self.tr("&Delete…"), QKeySequence.StandardKey.Delete,
                                          self.delete_current)
        self.favorite_action = self._action(self.tr("&Favourite"), "Ctrl+D",
                                            self.toggle_favorite_current)
        self.up_action = self._action(self.tr("Move &up"), "Alt+Up", lambda: self.move_current(-1))
        self.down_action = self._action(self.tr("Move do&wn"), "Alt+Down",
                                        lambda: self.move_current(1))
        self.actions = [self.copy_action, self.edit_action, self.delete_action,
                        self.favorite_action, self.up_action, self.down_action]
        page.search.returnPressed.connect(self.copy_top_match)
        # A click copies through ui/codes/gestures.py (single or double click, a setting).
        page.view.activated_by_key.connect(self._copy_index)
        page.view.customContextMenuRequested.connect(self._context_menu)
        page.delegate.next_code_clicked.connect(self._next_hotp)
        model.reordered.connect(self._reordered)

    def _action(self, text: str, shortcut: QKeySequence.StandardKey | str, slot: Any) -> QAction:
        return window_action(self.host.window(), text, shortcut, slot)

    def current_account(self) -> Account | None:
        return self.host.current_account()

    def forget_undo(self) -> None:
        """Locking: a deleted account can no longer come back."""
        self._undo = None

    def copy_index(self, index: QModelIndex) -> None:
        self._copy_index(index)

    def _copy_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.page.view.setCurrentIndex(index)
            self.copy_current()

    def copy_current(self) -> None:
        if self.page.search.hasFocus() and self.page.search.hasSelectedText():
            self.page.search.copy()
            return
        account = self.current_account()
        if account is None:
            return
        code = self.page.view.currentIndex().data(Role.RAW_CODE)
        self.host.clipboard.copy(code)
        text = self.host.clipboard.copied_notice(account.safe_label)
        self.host.notify(text)
        self.host.session.record_use(account.evolve(last_used=self.host.time.now(),
                                               modified=account.modified))
        self.host.select_account(account.id)

    def copy_top_match(self) -> None:
        if self.proxy.rowCount():
            self._copy_index(self.proxy.index(0, 0))

    def _next_hotp(self, index: QModelIndex) -> None:
        account: Account = index.data(Role.ACCOUNT)
        if account is None or account.kind is not OtpKind.HOTP:
            return
        self.host.session.update(account.evolve(counter=account.counter + 1))
        self.host.select_account(account.id)  # the index is stale after the update
        self.host.notify(self.tr("New code for {label}").format(label=account.safe_label))

    def edit_current(self) -> None:
        account = self.current_account()
        if account is None:
            return
        from authenticator.ui.common.account_form import EditAccountDialog

        dialog = EditAccountDialog(account, self.host.window(),
                                   verify_password=self.host.session.verify_password,
                                   now=self.host.time.now)
        if dialog.exec() == EditAccountDialog.DialogCode.Accepted and self.host.session.is_unlocked:
            self.host.session.update(dialog.result_account())

    def toggle_favorite_current(self) -> None:
        account = self.current_account()
        if account is not None:
            self.host.session.update(account.evolve(favorite=not account.favorite))
            self.host.select_account(account.id)

    def delete_current(self) -> None:
        account = self.current_account()
        if account is None:
            return
        answer = QMessageBox.question(
            self.host.window(), self.tr("Delete account"),
            self.tr("Delete {label}? You will no longer get codes for it here; make sure "
                    "two-factor authentication is turned off on the site or the key is "
                    "on another device.").format(label=account.safe_label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes or not self.host.session.is_unlocked:
            return
        self.delete_account(account.id)

    def delete_account(self, account_id: str) -> None:
        row = self.model.row_of(account_id)
        account = self.host.session.remove(account_id)
        self._undo = (account, row)
        self.host.notify(self.tr("Deleted {label}").format(label=account.safe_label),
                    seconds=UNDO_SECONDS, action=(self.tr("&Undo"), self.undo_delete))

    def undo_delete(self) -> None:
        if self._undo is None or not self.host.session.is_unlocked:
            return
        account, row = self._undo
        self._undo = None
        self.host.session.add(account, index=row)
        self.host.select_account(account.id)

    def move_current(self, delta: int) -> None:
        account = self.current_account()
        if account is None or self.model.sort_mode is not SortMode.MANUAL:
            return
        row = self.model.row_of(account.id)
        target = row + delta
        if not 0 <= target < self.model.rowCount():
            return
        self.model.move_to(account.id, target + (1 if delta > 0 else 0))
        self._reordered([a.id for a in self.model.accounts()])
        self.host.select_account(account.id)

    def _reordered(self, ids: list[str]) -> None:
        self.host.session.reorder(ids)

    def _context_menu(self, pos: Any) -> None:
        index = self.page.view.indexAt(pos)
        if not index.isValid():
            return
        self.page.view.setCurrentIndex(index)
        account: Account = index.data(Role.ACCOUNT)
        self.favorite_action.setText(self.tr("Remove from &favourites") if account.favorite
                                     else self.tr("Add to &favourites"))
        menu = QMenu(self.host.window())
        for action in self.actions:
            menu.addAction(action)
        self.extend_row_menu(menu, account)
        menu.exec(self.page.view.viewport().mapToGlobal(pos))

    def extend_row_menu(self, menu: QMenu, account: Account) -> None:
        """Hook for features that add per-account actions (show QR, compare clock...)."""
        for hook in self.menu_hooks:
            hook(menu, account)

