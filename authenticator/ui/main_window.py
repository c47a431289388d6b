"""The main window: welcome / unlock / code list, driven by one second-aligned tick."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from authenticator.core.account import Account, OtpKind
from authenticator.core.errors import AuthenticatorError
from authenticator.ui.clock.check import ClockCheck
from authenticator.ui.codes.delegate import AccountDelegate
from authenticator.ui.codes.model import AccountFilterModel, AccountListModel, Role, SortMode
from authenticator.ui.common.clipboard import SecureClipboard
from authenticator.ui.common.icons import icon
from authenticator.ui.common.messages import translate_error
from authenticator.ui.common.settings import AppSettings
from authenticator.ui.common.ticker import SecondTicker
from authenticator.ui.common.timebase import TimeBase
from authenticator.ui.common.widgets import Banner, EmptyState, Toast
from authenticator.ui.enroll.hooks import install_enroll_hooks
from authenticator.ui.transfer.menu import TransferActions
from authenticator.ui.vault.pages import UnlockPage, WelcomePage
from authenticator.ui.vault.recovery import VaultRecovery
from authenticator.ui.vault.session import VaultSession

UNDO_SECONDS = 10.0


class ActivityFilter(QObject):
    """Notes the time of the last keyboard or mouse input anywhere in the app."""

    def __init__(self, monotonic: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._monotonic = monotonic
        self.last_activity = monotonic()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                            QEvent.Type.Wheel, QEvent.Type.MouseMove):
            self.last_activity = self._monotonic()
        return False

    def touch(self) -> None:
        self.last_activity = self._monotonic()


class CodeListView(QListView):
    """The list; Enter copies the current row."""

    activated_by_key = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter and Ctrl+C copy the code (the base class would copy the row's label).
        wants_copy = event.matches(QKeySequence.StandardKey.Copy) or event.key() in (
            Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if wants_copy and self.currentIndex().isValid():
            self.activated_by_key.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class CodesPage(QWidget):
    def __init__(self, model: AccountFilterModel, parent: Any = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search accounts"))
        self.add_button = QToolButton()
        self.add_button.setIcon(icon("add"))
        self.add_button.setIconSize(QSize(22, 22))
        self.add_button.setToolTip(self.tr("Add an account (Ctrl+N)"))
        self.add_button.setAccessibleName(self.tr("Add account"))
        self.lock_button = QToolButton()
        self.lock_button.setIcon(icon("lock"))
        self.lock_button.setIconSize(QSize(22, 22))
        self.lock_button.setToolTip(self.tr("Lock (Ctrl+L)"))
        self.lock_button.setAccessibleName(self.tr("Lock"))
        self.menu_button = QToolButton()
        self.menu_button.setIcon(icon("menu"))
        self.menu_button.setIconSize(QSize(22, 22))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setToolTip(self.tr("Menu"))
        self.menu_button.setAccessibleName(self.tr("Menu"))
        bar.addWidget(self.search, 1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.lock_button)
        bar.addWidget(self.menu_button)
        layout.addLayout(bar)

        self.banners = QVBoxLayout()
        layout.addLayout(self.banners)
        self.save_banner = Banner("error")
        self.banners.addWidget(self.save_banner)

        self.stack = QStackedWidget()
        self.view = CodeListView()
        self.view.setModel(model)
        self.delegate = AccountDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setAccessibleName(self.tr("Accounts"))
        self.view.setMouseTracking(True)
        self.empty = EmptyState(
            self.tr("No accounts yet"),
            self.tr("When a site shows you a QR code or a key to turn on two-factor "
                    "authentication, add it here. You can also import accounts from "
                    "another authenticator app."),
            self.tr("&Add your first account"))
        self.no_match = EmptyState(self.tr("No match"),
                                   self.tr("No account matches your search."))
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.no_match)
        layout.addWidget(self.stack, 1)
        self.toast = Toast(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.toast.isVisible():
            self.toast.reposition()


class MainWindow(QMainWindow):
    """Owns the pages, the code model and the tick. Every change goes through the session."""

    quit_requested = Signal()

    def __init__(self, session: VaultSession, settings: AppSettings, timebase: TimeBase,
                 *, ticker: SecondTicker | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.time = timebase
        self.setWindowTitle(self.tr("Authenticator"))
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(420, 480)
        self.resize(560, 680)

        self.model = AccountListModel(timebase.now, self)
        self.proxy = AccountFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.clipboard = SecureClipboard(timebase.monotonic, self)
        self.activity = ActivityFilter(timebase.monotonic, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.activity)
        self._undo: tuple[Account, int] | None = None
        self.really_quit = False
        self._last_retry = -1e9  # monotonic time of the last retry of a failed save
        self._save_error = ""

        self.pages = QStackedWidget()
        self._welcome: WelcomePage | None = None  # built when first shown (start-up speed)
        self._unlock_page: UnlockPage | None = None
        self.codes = CodesPage(self.proxy)
        self.pages.addWidget(self.codes)
        self.setCentralWidget(self.pages)

        self._make_actions()
        self._connect()
        install_enroll_hooks(self)  # paste and drop a QR code or link to add it
        self.apply_settings()
        geometry = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)

        self.ticker = ticker if ticker is not None else SecondTicker(self)
        self.ticker.ticked.connect(self.tick)
        self.row_menu_hooks: list[Any] = []  # callables (menu, account) -> None
        self.tick_hooks: list[Any] = []  # callables () -> None, run on every tick
        self.transfer = TransferActions(self)
        self.settings_sections: list[Any] = []  # callables (dialog) -> section widget
        self.clock_check = ClockCheck(self)
        self.recovery = VaultRecovery(self)  # damaged vault: restore from automatic backups
        self.show_start_page()

    # -- set-up ---------------------------------------------------------------------------
    def _action(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
                slot: Any,
                icon_name: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.add_action = self._action(self.tr("&Add account…"), "Ctrl+N", self.add_account,
                                       "add")
        self.lock_action = self._action(self.tr("&Lock"), "Ctrl+L", lambda: self.lock(),
                                        "lock")
        self.find_action = self._action(self.tr("&Find"), "Ctrl+F", self.focus_search)
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
        self.settings_action = self._action(self.tr("&Settings…"), "Ctrl+,", self.open_settings)
        self.password_action = self._action(self.tr("Change pass&word…"), None,
                                            self.change_password)
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit,
                                        self.quit)
        self.about_action = self._action(self.tr("A&bout Authenticator"), None, self.about)
        self.row_actions = [self.copy_action, self.edit_action, self.delete_action,
                            self.favorite_action, self.up_action, self.down_action]

        menu = QMenu(self)
        menu.addAction(self.add_action)
        self.sort_menu = menu.addMenu(self.tr("S&ort by"))
        self.sort_actions: dict[SortMode, QAction] = {}
        labels = {SortMode.MANUAL: self.tr("&Manual order"), SortMode.NAME: self.tr("&Name"),
                  SortMode.ISSUER: self.tr("&Issuer"), SortMode.RECENT: self.tr("&Recently used")}
        for mode, label in labels.items():
            action = self.sort_menu.addAction(label)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, m=mode: self.set_sort_mode(m))
            self.sort_actions[mode] = action
        self.tag_menu = menu.addMenu(self.tr("Filter by &tag"))
        self.tag_menu.aboutToShow.connect(self._fill_tag_menu)
        menu.addSeparator()
        menu.addAction(self.settings_action)
        menu.addAction(self.password_action)
        menu.addAction(self.lock_action)
        menu.addSeparator()
        menu.addAction(self.about_action)
        menu.addAction(self.quit_action)
        self.main_menu = menu
        self.codes.menu_button.setMenu(menu)

    def _connect(self) -> None:
        s = self.session
        s.unlocked.connect(self._on_unlocked)
        s.unlock_failed.connect(self._on_unlock_failed)
        s.accounts_changed.connect(self._sync_model)
        s.save_failed.connect(self._on_save_failed)
        s.notice.connect(self.notify)
        c = self.codes
        c.search.textChanged.connect(self._search_changed)
        c.search.returnPressed.connect(self.copy_top_match)
        c.search.installEventFilter(self)
        c.save_banner.add_button(self.tr("&Try again"), self._retry_save)
        c.add_button.clicked.connect(self.add_account)
        c.lock_button.clicked.connect(lambda: self.lock())  # not lock(checked)
        assert c.empty.button is not None
        c.empty.button.clicked.connect(self.add_account)
        c.view.clicked.connect(self._copy_index)
        c.view.activated_by_key.connect(self._copy_index)
        c.view.customContextMenuRequested.connect(self._context_menu)
        c.delegate.next_code_clicked.connect(self._next_hotp)
        self.model.reordered.connect(self._reordered)
        self.proxy.rowsInserted.connect(self._update_list_state)
        self.proxy.rowsRemoved.connect(self._update_list_state)
        self.proxy.modelReset.connect(self._update_list_state)
        self.proxy.layoutChanged.connect(self._update_list_state)

    def apply_settings(self) -> None:
        self.clipboard.delay_seconds = self.settings.get("clipboard_clear_seconds")
        try:
            mode = SortMode(self.settings.get("sort_mode"))
        except ValueError:
            mode = SortMode.MANUAL
        self.set_sort_mode(mode, save=False)

    # -- pages ----------------------------------------------------------------------------
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

    def _update_actions(self) -> None:
        unlocked = self.session.is_unlocked
        for action in (self.add_action, self.lock_action, self.find_action, self.password_action,
                       *self.row_actions):
            action.setEnabled(unlocked)

    def _create_vault(self, password: str) -> None:
        self.welcome.set_busy(True)
        self.session.create(password)

    def _unlock(self, password: str) -> None:
        self.session.unlock(password)

    def _on_unlocked(self) -> None:
        for page in (self._welcome, self._unlock_page):
            if page is not None:
                page.reset()
        self.settings.set("last_vault", str(self.session.path))
        self.activity.touch()
        self._sync_model()
        self.pages.setCurrentWidget(self.codes)
        self._update_actions()
        self.codes.view.setFocus()
        self.ticker.start()

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

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a vault"), str(self.session.path.parent),
            self.tr("Authenticator vaults (*.authvault);;All files (*)"))
        if path:
            self.open_vault_file(path)

    # -- list state -----------------------------------------------------------------------
    def _sync_model(self) -> None:
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
        c = self.codes
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
            self.codes.view.setCurrentIndex(self.proxy.index(0, 0))

    def focus_search(self) -> None:
        if self.session.is_unlocked:
            self.codes.search.setFocus()
            self.codes.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.codes.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)):
            if event.key() == Qt.Key.Key_Escape:
                self.codes.search.clear()
                self.codes.view.setFocus()
                return True
            if event.key() == Qt.Key.Key_Down:
                self.codes.view.setFocus()
                return True
        return super().eventFilter(watched, event)

    def set_sort_mode(self, mode: SortMode, save: bool = True) -> None:
        selected = self.current_account()
        self.model.set_sort_mode(mode)
        if selected is not None:
            self.select_account(selected.id)
        for m, action in self.sort_actions.items():
            action.setChecked(m is mode)
        self.codes.view.setDragEnabled(mode is SortMode.MANUAL)
        if save:
            self.settings.set("sort_mode", mode.value)

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

    # -- ticking --------------------------------------------------------------------------
    def tick(self) -> None:
        """Called once per second (tests call it after advancing the injected time)."""
        for hook in list(self.tick_hooks):
            hook()
        self.clipboard.tick()
        self.codes.toast.expire(self.time.monotonic())
        if not self.session.is_unlocked:
            return
        minutes = self.settings.get("autolock_minutes")
        now = self.time.monotonic()
        idle = now - self.activity.last_activity
        # Never lose a key: changes that could not be saved yet keep the vault open (the
        # banner says so) until a retry, once a minute, succeeds.
        saved = not self.session.unsaved or (now - self._last_retry >= 60
                                             and self._retry_save())
        if minutes > 0 and idle >= minutes * 60 and saved:
            self.lock(confirm_unsaved=False)
            return
        self.model.tick()

    # -- row actions ----------------------------------------------------------------------
    def current_account(self) -> Account | None:
        index = self.codes.view.currentIndex()
        if not index.isValid():
            return None
        account: Account = index.data(Role.ACCOUNT)
        return account

    def _copy_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.codes.view.setCurrentIndex(index)
            self.copy_current()

    def copy_current(self) -> None:
        if self.codes.search.hasFocus() and self.codes.search.hasSelectedText():
            self.codes.search.copy()
            return
        account = self.current_account()
        if account is None:
            return
        code = self.codes.view.currentIndex().data(Role.RAW_CODE)
        self.clipboard.copy(code)
        delay = self.clipboard.delay_seconds
        if delay > 0:
            text = self.tr("Copied {label}, clears in {n} s").format(label=account.label, n=delay)
        else:
            text = self.tr("Copied {label}").format(label=account.label)
        self.notify(text)
        self.session.record_use(account.evolve(last_used=self.time.now(),
                                               modified=account.modified))
        self.select_account(account.id)

    def copy_top_match(self) -> None:
        if self.proxy.rowCount():
            self._copy_index(self.proxy.index(0, 0))

    def _next_hotp(self, index: QModelIndex) -> None:
        account: Account = index.data(Role.ACCOUNT)
        if account is None or account.kind is not OtpKind.HOTP:
            return
        self.session.update(account.evolve(counter=account.counter + 1))
        self.select_account(account.id)  # the index is stale after the update
        self.notify(self.tr("New code for {label}").format(label=account.label))

    def add_account(self) -> None:
        if not self.session.is_unlocked:
            return
        from authenticator.ui.enroll.dialog import open_enroll_dialog  # loaded on first use

        open_enroll_dialog(self)

    def add_accounts_checked(self, accounts: list[Account]) -> list[Account]:
        """Add, asking what to do with keys already in the vault. Returns what was added."""
        added: list[Account] = []
        for account in accounts:
            if not self.session.is_unlocked:  # locked while a question was open
                break
            duplicate = self.session.duplicate_of(account)
            if duplicate is not None:
                box = QMessageBox(QMessageBox.Icon.Question, self.tr("Key already here"),
                                  self.tr("This key is already in the vault as {label}.").format(
                                      label=duplicate.label), parent=self)
                skip = box.addButton(self.tr("&Skip"), QMessageBox.ButtonRole.RejectRole)
                replace = box.addButton(self.tr("&Replace"), QMessageBox.ButtonRole.AcceptRole)
                box.addButton(self.tr("&Keep both"), QMessageBox.ButtonRole.ActionRole)
                box.setDefaultButton(skip)
                box.exec()
                clicked = box.clickedButton()
                if clicked is None or clicked is skip or not self.session.is_unlocked:
                    continue
                if box.clickedButton() is replace:
                    self.session.update(account.evolve(id=duplicate.id,
                                                       created=duplicate.created))
                    added.append(account)
                    continue
            self.session.add(account)
            added.append(account)
        if added:
            self.select_account(added[-1].id)
        return added

    def select_account(self, account_id: str) -> None:
        row = self.model.row_of(account_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row))
            if index.isValid():
                self.codes.view.setCurrentIndex(index)
                self.codes.view.scrollTo(index)

    def edit_current(self) -> None:
        account = self.current_account()
        if account is None:
            return
        from authenticator.ui.common.account_form import EditAccountDialog

        dialog = EditAccountDialog(account, self)
        if dialog.exec() == EditAccountDialog.DialogCode.Accepted and self.session.is_unlocked:
            self.session.update(dialog.result_account())

    def toggle_favorite_current(self) -> None:
        account = self.current_account()
        if account is not None:
            self.session.update(account.evolve(favorite=not account.favorite))
            self.select_account(account.id)

    def delete_current(self) -> None:
        account = self.current_account()
        if account is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete account"),
            self.tr("Delete {label}? You will no longer get codes for it here; make sure "
                    "two-factor authentication is turned off on the site or the key is "
                    "on another device.").format(label=account.label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes or not self.session.is_unlocked:
            return
        self.delete_account(account.id)

    def delete_account(self, account_id: str) -> None:
        row = self.model.row_of(account_id)
        account = self.session.remove(account_id)
        self._undo = (account, row)
        self.notify(self.tr("Deleted {label}").format(label=account.label),
                    seconds=UNDO_SECONDS, action=(self.tr("&Undo"), self.undo_delete))

    def undo_delete(self) -> None:
        if self._undo is None or not self.session.is_unlocked:
            return
        account, row = self._undo
        self._undo = None
        self.session.add(account, index=row)
        self.select_account(account.id)

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
        self.select_account(account.id)

    def _reordered(self, ids: list[str]) -> None:
        self.session.reorder(ids)

    def _context_menu(self, pos: Any) -> None:
        index = self.codes.view.indexAt(pos)
        if not index.isValid():
            return
        self.codes.view.setCurrentIndex(index)
        account: Account = index.data(Role.ACCOUNT)
        self.favorite_action.setText(self.tr("Remove from &favourites") if account.favorite
                                     else self.tr("Add to &favourites"))
        menu = QMenu(self)
        for action in self.row_actions:
            menu.addAction(action)
        self.extend_row_menu(menu, account)
        menu.exec(self.codes.view.viewport().mapToGlobal(pos))

    def extend_row_menu(self, menu: QMenu, account: Account) -> None:
        """Hook for features that add per-account actions (show QR, compare clock...)."""
        for hook in self.row_menu_hooks:
            hook(menu, account)

    # -- notices --------------------------------------------------------------------------
    def notify(self, text: str, seconds: float = 4.0,
               action: tuple[str, Any] | None = None) -> None:
        self.codes.toast.show_message(text, self.time.monotonic(), seconds, action)

    def _on_save_failed(self, message: str) -> None:
        self._save_error = translate_error(message)
        self.codes.save_banner.show_text(
            self.tr("Could not save: {reason}. Your change is kept in memory and will be "
                    "saved with the next one; auto-lock waits until it is saved.").format(
                reason=self._save_error))

    def _retry_save(self) -> bool:
        self._last_retry = self.time.monotonic()
        saved = self.session.retry_save()
        if saved:
            self.codes.save_banner.hide()
            self.notify(self.tr("Your changes are saved."))
        return saved

    # -- the feature host (ui/host.py) -----------------------------------------------------
    @property
    def ticked(self) -> Any:
        return self.ticker.ticked

    def window(self) -> QWidget:
        return self

    def refresh_codes(self) -> None:
        self.model.tick()

    def add_banner(self, banner: QWidget) -> None:
        self.codes.banners.addWidget(banner)

    def add_menu_action(self, action: QAction) -> None:
        self.main_menu.insertAction(self.settings_action, action)

    def add_row_menu_hook(self, hook: Any) -> None:
        self.row_menu_hooks.append(hook)

    def add_tick_hook(self, hook: Any) -> None:
        self.tick_hooks.append(hook)

    def add_settings_section(self, factory: Any) -> None:
        self.settings_sections.append(factory)

    # -- locking and quitting -------------------------------------------------------------
    def lock(self, confirm_unsaved: bool = True) -> bool:
        """Lock; False when the user chose to stay unlocked (unsaved changes)."""
        if not self.session.is_unlocked or self.session.busy:
            return not self.session.is_unlocked  # busy: a worker changes the password
        if self.session.unsaved and not self._retry_save() and confirm_unsaved:
            answer = QMessageBox.warning(
                self, self.tr("Changes not saved"),
                self.tr("Your latest changes could not be saved ({reason}). If you lock "
                        "now, they are lost.").format(reason=self._save_error),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return False
        # Close whatever is open over the window (edit, add, settings, questions...): it
        # may show account data, and it must not act on a vault that is gone.
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        self.clipboard.clear_now()
        self.codes.toast.dismiss()
        self._undo = None
        self.codes.search.clear()
        self.model.clear()
        self.session.lock()
        self.codes.save_banner.hide()
        self.show_start_page()
        return True

    def about(self) -> None:
        from authenticator import __version__

        QMessageBox.about(self, self.tr("About Authenticator"), self.tr(
            "<h3>Authenticator {version}</h3>"
            "<p>Two-factor codes from keys kept in an encrypted vault on this computer.</p>"
            "<p>Vault: {path}</p>"
            "<p>No network connection is made unless you turn on the clock check.</p>"
        ).format(version=__version__, path=html.escape(str(self.session.path))))

    def change_password(self) -> None:
        from authenticator.ui.vault.password_dialog import ChangePasswordDialog

        if not self.session.is_unlocked:
            return
        dialog = ChangePasswordDialog(self.session, self)
        if dialog.exec() == ChangePasswordDialog.DialogCode.Accepted:
            self.notify(self.tr("Password changed. Use the new one from now on."), seconds=6.0)

    def open_settings(self) -> None:
        from authenticator.ui.settings.dialog import SettingsDialog

        vault = self.session.vault
        remembered = self.session.is_remembered() if vault else None
        dialog = SettingsDialog(self.settings, self, vault.settings if vault else None,
                                remembered=remembered)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        dialog.save()
        self.apply_settings()
        if self.session.is_unlocked:
            self.session.save()
            if dialog.remember.isChecked() != remembered:
                try:
                    self.session.set_remembered(dialog.remember.isChecked())
                except AuthenticatorError as exc:
                    self.notify(str(exc)[:1].upper() + str(exc)[1:], seconds=8.0)
        self.settings_changed.emit()

    settings_changed = Signal()

    def changeEvent(self, event: QEvent) -> None:
        if (event.type() == QEvent.Type.WindowStateChange and self.isMinimized()
                and self.settings.get("lock_on_minimize")):
            self.lock()
        super().changeEvent(event)

    def quit(self) -> None:
        self.really_quit = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.settings.get("close_to_tray") and not self.really_quit and self.tray_available():
            event.ignore()
            self.hide()
            return
        if not self.lock():
            event.ignore()  # the user chose to keep unsaved changes
            self.really_quit = False
            return
        self.settings.set_geometry(self.saveGeometry())
        self.settings.sync()
        self.clipboard.clear_now()
        self.ticker.stop()
        event.accept()
        self.quit_requested.emit()

    def tray_available(self) -> bool:
        return False  # the tray controller overrides this when a tray icon exists

    def raise_window(self) -> None:
        self.show()
        self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized)
                            | Qt.WindowState.WindowActive)
        self.raise_()
        self.activateWindow()
