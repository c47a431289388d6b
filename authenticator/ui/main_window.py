"""The main window: welcome / unlock / code list, driven by one second-aligned tick."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
)

from authenticator.core import options
from authenticator.core.account import Account
from authenticator.ui.codes.access import ListAccess
from authenticator.ui.codes.autolock import ActivityFilter, autolock_due
from authenticator.ui.codes.filter import AccountFilterModel
from authenticator.ui.codes.listing import CodeList
from authenticator.ui.codes.model import AccountListModel, SortMode
from authenticator.ui.codes.rows import RowCommands
from authenticator.ui.codes.view import CodesPage
from authenticator.ui.common.caret import CaretBlink
from authenticator.ui.common.clipboard import SecureClipboard
from authenticator.ui.common.first_paint import after_first_paint
from authenticator.ui.common.icons import icon
from authenticator.ui.common.session import VaultSession
from authenticator.ui.common.settings import AppSettings
from authenticator.ui.common.ticker import SecondTicker
from authenticator.ui.common.timebase import TimeBase
from authenticator.ui.common.widgets import window_action
from authenticator.ui.vault.recovery import VaultRecovery
from authenticator.ui.vault.window_pages import VaultPages
from authenticator.ui.window_host import WindowHost

if TYPE_CHECKING:
    from authenticator.ui.vault.pages import UnlockPage, WelcomePage

QUIET_TICK_SECONDS = 5  # between ticks while nothing on screen moves


class MainWindow(VaultPages, WindowHost, QMainWindow):
    """Owns the pages, the code model and the tick. Every change goes through the session."""

    quit_requested = Signal()
    settings_changed = Signal()
    #: ``add_requested(incoming)``: answered by the enroll feature (ui/host.py).
    add_requested = Signal(object)
    #: answered by the settings feature.
    settings_requested = Signal()
    #: the window became active or inactive (ui/host.py: ``is_active``).
    activation_changed = Signal()

    def __init__(self, session: VaultSession, settings: AppSettings, timebase: TimeBase,
                 *, ticker: SecondTicker | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._watching_input = False
        self.session = session
        self.settings = settings
        settings.bind_vault(session)  # vault options are read and written through it
        self.time = timebase
        self.setWindowTitle(self.tr("Authenticator"))
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(420, 480)
        self.resize(560, 680)

        self.model = AccountListModel(timebase.now, self)
        self.proxy = AccountFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.clipboard = SecureClipboard(timebase.monotonic, self)
        self.activity = ActivityFilter(timebase.monotonic, self)  # for auto-lock
        # Application-wide, once the window is on screen: a filter on the whole application
        # sees every event of start-up, and PySide6 meets dozens of Qt classes there for the
        # first time (creating their Python types and enums: tens of ms before the paint).
        after_first_paint(self, self.watch_input)
        self.really_quit = False
        self.features: Any = None  # what ui.app.install_features installed (ui/app.py)
        self._last_retry = -1e9  # monotonic time of the last retry of a failed save
        self._save_error = ""

        self.pages = QStackedWidget()
        self._welcome: WelcomePage | None = None  # built when first shown (start-up speed)
        self._unlock_page: UnlockPage | None = None
        self.codes = CodesPage(self.proxy)
        self.listing = CodeList(session, settings, self.codes, self.model, self.proxy, self)
        self.rows = RowCommands(self, self.codes, self.model, self.proxy)
        self.code_list = ListAccess(self.codes, self.rows.copy_index)  # for features
        self.pages.addWidget(self.codes)
        self.setCentralWidget(self.pages)

        self._make_actions()
        self._connect()
        self.listing.sort_changed.connect(self._update_actions)
        self._apply_settings()
        settings.changed.connect(self._setting_changed)
        geometry = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)

        self.caret = CaretBlink(QGuiApplication.styleHints())
        self._codes_were_shown = False
        self.ticker = ticker if ticker is not None else SecondTicker(self, self.time)
        self.ticker.ticked.connect(self.tick)
        self._init_host()
        self.recovery = VaultRecovery(self, self)  # damaged vault: restore from backups
        self.show_start_page()
        self.ticker.start()  # locked too: carets stop blinking, clipboard still clears

    def watch_input(self) -> None:
        """Note keyboard and mouse input anywhere in the app from now on (for auto-lock);
        the app calls it at once when the window starts hidden."""
        app = QApplication.instance()
        if app is not None and not self._watching_input:
            self._watching_input = True
            app.installEventFilter(self.activity)

    # -- set-up ---------------------------------------------------------------------------
    def _make_actions(self) -> None:
        act = partial(window_action, self)
        self.add_action = act(self.tr("&Add account…"), "Ctrl+N", self.add_account, "add")
        self.lock_action = act(self.tr("&Lock"), "Ctrl+L", lambda: self.lock(), "lock")
        self.find_action = act(self.tr("&Find"), "Ctrl+F", self.listing.focus_search)
        self.settings_action = act(self.tr("&Settings…"), "Ctrl+,", self.open_settings)
        self.password_action = act(self.tr("Change pass&word…"), None, self.change_password)
        self.quit_action = act(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.quit)
        self.about_action = act(self.tr("A&bout Authenticator"), None, self.about)

        menu = QMenu(self)
        menu.addAction(self.add_action)
        self.listing.add_menus(menu)
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
        s.save_failed.connect(self._on_save_failed)
        s.notice.connect(self.notify)
        c = self.codes
        c.save_banner.add_button(self.tr("&Try again"), self._retry_save)
        c.add_button.clicked.connect(self.add_account)
        c.lock_button.clicked.connect(lambda: self.lock())  # not lock(checked)
        assert c.empty.button is not None
        c.empty.button.clicked.connect(self.add_account)

    def _apply_settings(self) -> None:
        self.clipboard.delay_seconds = self.settings.get(options.CLIPBOARD_CLEAR_SECONDS)
        self.listing.set_sort_mode(SortMode(self.settings.get(options.SORT_MODE)), save=False)

    def _setting_changed(self, name: str) -> None:
        if name == options.CLIPBOARD_CLEAR_SECONDS.name:
            self.clipboard.delay_seconds = self.settings.get(options.CLIPBOARD_CLEAR_SECONDS)

    # -- pages ----------------------------------------------------------------------------
    def _update_actions(self) -> None:
        unlocked = self.session.is_unlocked
        for action in (self.add_action, self.lock_action, self.find_action, self.password_action,
                       *self.rows.actions):
            action.setEnabled(unlocked)
        manual = self.model.sort_mode is SortMode.MANUAL
        for action in (self.rows.up_action, self.rows.down_action):  # moving: manual order
            action.setEnabled(unlocked and manual)

    def _on_unlocked(self) -> None:
        for page in (self._welcome, self._unlock_page):
            if page is not None:
                page.reset()
        self.settings.set(options.LAST_VAULT, str(self.session.path))
        self.activity.touch()
        self.listing.sync_model()
        self.pages.setCurrentWidget(self.codes)
        self._update_actions()
        self.codes.view.setFocus()
        self.ticker.start()

    # -- list state -----------------------------------------------------------------------
    # -- ticking --------------------------------------------------------------------------
    def tick(self) -> None:
        """Called once per second (tests call it after advancing the injected time)."""
        for hook in list(self.tick_hooks):
            hook()
        self.clipboard.tick()
        now = self.time.monotonic()
        self.codes.toast.expire(now)
        self.caret.update(self.activity.idle_seconds())
        # Nothing on screen moves (hidden, minimised, locked): wake every few seconds;
        # every second while a copied code waits to be cleared or a dialog is open (its
        # countdowns use the same tick); back at once when shown.
        shown = self._shows_codes()
        busy = (shown or self.clipboard.pending
                or QApplication.activeModalWidget() is not None)
        self.ticker.set_interval(1 if busy else QUIET_TICK_SECONDS)
        if not self.session.is_unlocked:
            return
        minutes = self.settings.get(options.AUTOLOCK_MINUTES)
        # Never lose a key: changes that could not be saved yet keep the vault open (the
        # banner says so) until a retry, once a minute, succeeds.
        saved = not self.session.unsaved or (now - self._last_retry >= 60
                                             and self._retry_save())
        if autolock_due(minutes, self.activity.idle_seconds(), saved):
            self.lock(confirm_unsaved=False)
            return
        # Only rows on screen are signalled; hidden in the tray or minimised nothing is on
        # screen: the shared countdowns advance (one computation per period), no row is
        # touched and nothing is painted. Showing the window paints every row afresh.
        if shown and not self._codes_were_shown:
            self.codes.view.viewport().update()  # back in sight, should the platform not
        self._codes_were_shown = shown           # repaint a restored window by itself
        self.model.tick(self.codes.view.visible_source_rows() if shown else ())

    def _shows_codes(self) -> bool:
        return (self.isVisible() and not self.isMinimized()
                and self.pages.currentWidget() is self.codes)

    def _back_in_sight(self) -> None:
        """Shown or restored: tick now (fresh codes for the first paint), then every second."""
        if self.ticker.interval != 1 and self.session.is_unlocked:
            self.tick()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._back_in_sight()

    # -- row actions ----------------------------------------------------------------------
    def current_account(self) -> Account | None:
        return self.listing.current_account()

    def add_account(self) -> None:
        if self.session.is_unlocked:
            self.add_requested.emit(None)  # the enroll feature opens the Add dialog

    def select_account(self, account_id: str) -> None:
        self.listing.select_account(account_id)

    # -- notices --------------------------------------------------------------------------
    def notify(self, text: str, seconds: float = 4.0,
               action: tuple[str, Any] | None = None) -> None:
        self.codes.toast.show_message(text, self.time.monotonic(), seconds, action)

    def _on_save_failed(self, message: str) -> None:
        self._save_error = message
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

    # -- locking and quitting -------------------------------------------------------------
    def replace_vault_from(self, backup: Path, password: str) -> bool:
        return self.recovery.replace_from(backup, password)

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
        self.rows.forget_undo()
        self.codes.search.clear()
        self.model.clear()
        self.session.lock()
        self.codes.save_banner.hide()
        self.show_start_page()
        return True

    def about(self) -> None:
        from authenticator.ui.common.about import show_about

        show_about(self, self.session.path)

    def open_settings(self) -> None:
        self.settings_requested.emit()  # the settings feature opens the dialog

    def changeEvent(self, event: QEvent) -> None:
        if (event.type() == QEvent.Type.WindowStateChange and self.isMinimized()
                and self.settings.get(options.LOCK_ON_MINIMIZE)):
            self.lock()
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and not self.isMinimized():
            self._back_in_sight()
        if event.type() == QEvent.Type.ActivationChange:
            self.activation_changed.emit()

    def quit(self) -> None:
        self.really_quit = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if (self.settings.get(options.CLOSE_TO_TRAY) and not self.really_quit
                and self.tray_available()):
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
