"""The code list as the person steers it: search, sort order, tag filter, which row is
current, and which of list / "no accounts yet" / "no match" shows."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent
from PySide6.QtWidgets import QMenu

from authenticator.core import options
from authenticator.core.account import Account
from authenticator.ui.codes.filter import AccountFilterModel
from authenticator.ui.codes.model import AccountListModel, Role, SortMode

if TYPE_CHECKING:
    from authenticator.ui.codes.view import CodesPage
    from authenticator.ui.common.session import VaultSession
    from authenticator.ui.common.settings import AppSettings


class CodeList(QObject):
    """Keeps the model in step with the session and the view in step with the filters."""

    sort_changed = Signal()

    def __init__(self, session: VaultSession, settings: AppSettings, page: CodesPage,
                 model: AccountListModel, proxy: AccountFilterModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.page = page
        self.model = model
        self.proxy = proxy
        session.accounts_changed.connect(self.sync_model)
        page.search.textChanged.connect(self._search_changed)
        page.search.installEventFilter(self)
        proxy.rowsInserted.connect(self._update_list_state)
        proxy.rowsRemoved.connect(self._update_list_state)
        proxy.modelReset.connect(self._update_list_state)
        proxy.layoutChanged.connect(self._update_list_state)

    def add_menus(self, menu: QMenu) -> None:
        """The "Sort by" and "Filter by tag" entries of the main menu."""
        self.sort_menu = menu.addMenu(self.tr("S&ort by"))
        self.sort_actions: dict[SortMode, QAction] = {}
        self.sort_group = QActionGroup(self.sort_menu)  # one order at a time: radio items
        self.sort_group.setExclusive(True)
        labels = {SortMode.MANUAL: self.tr("&Manual order"), SortMode.NAME: self.tr("&Name"),
                  SortMode.ISSUER: self.tr("&Issuer"), SortMode.RECENT: self.tr("&Recently used")}
        for mode, label in labels.items():
            action = self.sort_menu.addAction(label)
            action.setCheckable(True)
            self.sort_group.addAction(action)
            action.triggered.connect(lambda _=False, m=mode: self.set_sort_mode(m))
            self.sort_actions[mode] = action
        self.tag_menu = menu.addMenu(self.tr("Filter by &tag"))
        self.tag_menu.aboutToShow.connect(self._fill_tag_menu)

    def current_account(self) -> Account | None:
        index = self.page.view.currentIndex()
        if not index.isValid():
            return None
        account: Account = index.data(Role.ACCOUNT)
        return account

    def sync_model(self) -> None:
        accounts = self.model.ordered(self.session.accounts())
        current = self.model.accounts()
        if [a.id for a in current] == [a.id for a in accounts]:
            for old, new in zip(current, accounts, strict=True):
                if old != new:
                    self.model.upsert(new)
            self.proxy.refilter()  # an edit may change what the search matches
        else:
            selected = self.current_account()
            self.model.set_accounts(accounts)
            if selected is not None:
                self.select_account(selected.id)
        self._update_list_state()

    def _update_list_state(self) -> None:
        c = self.page
        if self.model.rowCount() == 0:
            c.stack.setCurrentWidget(c.empty)
        elif self.proxy.rowCount() == 0:
            c.stack.setCurrentWidget(c.no_match)
        else:
            c.stack.setCurrentWidget(c.view)
            if not c.view.currentIndex().isValid():
                c.view.setCurrentIndex(self.proxy.index(0, 0))

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_list_state()
        if self.proxy.rowCount():
            self.page.view.setCurrentIndex(self.proxy.index(0, 0))

    def focus_search(self) -> None:
        if self.session.is_unlocked:
            self.page.search.setFocus()
            self.page.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.page.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)):
            if event.key() == Qt.Key.Key_Escape:
                self.page.search.clear()
                self.page.view.setFocus()
                return True
            if event.key() == Qt.Key.Key_Down:
                self.page.view.setFocus()
                return True
        return False

    def set_sort_mode(self, mode: SortMode, save: bool = True) -> None:
        selected = self.current_account()
        self.model.set_sort_mode(mode)
        if selected is not None:
            self.select_account(selected.id)
        for m, action in self.sort_actions.items():
            action.setChecked(m is mode)
        self.page.view.setDragEnabled(mode is SortMode.MANUAL)
        self.sort_changed.emit()  # Move up/down only make sense in manual order
        if save:
            self.settings.set(options.SORT_MODE, mode.value)

    def _fill_tag_menu(self) -> None:
        self.tag_menu.clear()
        tags = sorted({t for a in self.model.accounts() for t in a.tags}, key=str.casefold)
        everything = self.tag_menu.addAction(self.tr("All accounts"))
        everything.setCheckable(True)
        everything.setChecked(self.proxy.tag is None)
        everything.triggered.connect(lambda: self.set_tag_filter(None))
        for tag in tags:
            action = self.tag_menu.addAction(tag)
            action.setCheckable(True)
            action.setChecked(self.proxy.tag == tag)
            action.triggered.connect(lambda _=False, t=tag: self.set_tag_filter(t))

    def set_tag_filter(self, tag: str | None) -> None:
        self.proxy.set_tag(tag)
        self._update_list_state()

    def select_account(self, account_id: str) -> None:
        row = self.model.row_of(account_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row))
            if index.isValid():
                self.page.view.setCurrentIndex(index)
                self.page.view.scrollTo(index)
