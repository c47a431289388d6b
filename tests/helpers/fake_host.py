"""A small host for feature tests: one feature installed on it, no main window.

:class:`FakeHost` implements the whole ``ui/host.py`` protocol (mypy checks it: see the
end of this module) with real parts where the app has them: a real
:class:`~authenticator.ui.common.session.VaultSession` on a vault in the test's folder
(cheap KDF), the real settings store, the injected :class:`FakeTimeBase`, the real
auto-clearing :class:`SecureClipboard`, real Qt signals. What a feature registers is
kept and reachable: banners sit in the fake's window (so ``isVisible()`` means what it
means in the app), menu entries in a real menu, row-menu hooks build a real menu, tick
hooks run on :meth:`FakeHost.tick`, settings sections are listed for the settings
dialog. Notices are recorded instead of shown.

The fake is itself the window features parent their objects to: a top-level widget the
``fake_host`` fixture registers with qtbot and tears down (session locked, dialogs
closed, deleted on the GUI thread), so nothing it made outlives the test and gets
collected in a later test's worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from authenticator.core import options
from authenticator.core.account import Account
from authenticator.storage.kdf import KdfParams
from authenticator.ui.common.clipboard import SecureClipboard
from authenticator.ui.common.session import VaultSession
from authenticator.ui.common.settings import AppSettings
from authenticator.ui.common.timebase import FakeTimeBase
from authenticator.ui.host import (
    ClockAdvisor,
    CodeShownRule,
    IconPainter,
    RowMenuHook,
    SettingsSectionFactory,
)

if TYPE_CHECKING:
    from authenticator.ui.host import Host

PASSWORD = "correct horse battery staple"  # of the vaults GUI tests create
T0 = 1_700_000_020.0  # the tests' start time: 20 s left in the 30 s step


@dataclass(frozen=True)
class Notice:
    """One ``notify()`` call, as the window would have shown it in its toast."""

    text: str
    seconds: float
    action: tuple[str, Any] | None


class FakeCodeList:
    """``Host.code_list`` of the fake: a real list widget (one row per label given to
    :meth:`show_rows`) and a real search field; what features set is kept, the rows
    copied and the repaints asked for are recorded."""

    def __init__(self) -> None:
        self.view = QListWidget()
        self.view.setMinimumHeight(90)
        self.search = QLineEdit()
        self.rule: CodeShownRule | None = None
        self.revealed = True
        self.icon_painter: IconPainter | None = None
        self.copied: list[int] = []  # rows, in order
        self.repaints: list[bool] = []  # icons_changed of each repaint()

    def show_rows(self, *labels: str) -> None:
        self.view.clear()
        self.view.addItems(list(labels))

    def view_widget(self) -> QAbstractItemView:
        return self.view

    def copy_row(self, index: QModelIndex) -> None:
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.copied.append(index.row())

    def type_in_search(self, text: str) -> None:
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search.insert(text)

    def set_code_shown_rule(self, rule: CodeShownRule | None) -> None:
        self.rule = rule

    def set_codes_revealed(self, revealed: bool) -> None:
        self.revealed = revealed

    def set_icon_painter(self, painter: IconPainter | None) -> None:
        self.icon_painter = painter

    def repaint(self, icons_changed: bool = False) -> None:
        self.repaints.append(icons_changed)
        self.view.viewport().update()


class FakeHost(QWidget):
    """The application as a feature sees it, without the main window (see module doc)."""

    settings_changed = Signal()
    add_requested = Signal(object)
    settings_requested = Signal()
    ticked = Signal()
    activation_changed = Signal()

    def __init__(self, vault_path: Path, settings: AppSettings, timebase: FakeTimeBase,
                 *, kdf: KdfParams | None = None) -> None:
        super().__init__()
        self.setWindowTitle("Fake host")
        self.resize(480, 360)
        self._session = VaultSession(vault_path, kdf=kdf or KdfParams.for_tests(), parent=self)
        self._settings = settings
        settings.bind_vault(self._session)  # vault options through the session, as the window
        self._time = timebase
        self._clipboard = SecureClipboard(timebase.monotonic, self)
        self._clipboard.delay_seconds = settings.get(options.CLIPBOARD_CLEAR_SECONDS)
        self._session.notice.connect(self.notify)  # as the window does

        layout = QVBoxLayout(self)
        self.banner_area = QVBoxLayout()
        layout.addLayout(self.banner_area)
        #: Stands in for the code list: takes the focus, gets drops (like its viewport).
        self.list_area = QLabel("codes")
        self.list_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.list_area.setMinimumHeight(120)
        layout.addWidget(self.list_area, 1)
        self._code_list = FakeCodeList()
        layout.addWidget(self._code_list.search)
        layout.addWidget(self._code_list.view, 1)
        self.main_menu = QMenu(self)

        # What features registered or asked for (tests read these).
        self.notices: list[Notice] = []
        self.banners: list[QWidget] = []
        self.menu_actions: list[QAction] = []
        self.window_actions: list[QAction] = []
        self.row_menu_hooks: list[RowMenuHook] = []
        self.tick_hooks: list[Callable[[], None]] = []
        self.drop_handlers: list[QObject] = []
        self._sections: list[SettingsSectionFactory] = []
        self._advisor: ClockAdvisor | None = None
        self._current_id: str | None = None
        self.selected: list[str] = []
        self.refreshes = 0
        self.raised = 0
        self.applied = 0
        self.replaced: list[Path] = []

    # -- what the app has ------------------------------------------------------------------
    @property
    def session(self) -> VaultSession:
        return self._session

    @property
    def settings(self) -> AppSettings:
        return self._settings

    @property
    def time(self) -> FakeTimeBase:
        return self._time

    @property
    def clipboard(self) -> SecureClipboard:
        return self._clipboard

    @property
    def menu_shown(self) -> SignalInstance:
        return self.main_menu.aboutToShow

    @property
    def code_list(self) -> FakeCodeList:
        return self._code_list

    def window(self) -> QWidget:
        return self

    def is_active(self) -> bool:
        return self.isActiveWindow()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange:
            self.activation_changed.emit()

    # -- what the app does for a feature ---------------------------------------------------
    def notify(self, text: str, seconds: float = 4.0,
               action: tuple[str, Any] | None = None) -> None:
        self.notices.append(Notice(text, seconds, action))

    def current_account(self) -> Account | None:
        if self._current_id is None:
            return None
        return self._session.get(self._current_id)

    def select_account(self, account_id: str) -> None:
        self._current_id = account_id
        self.selected.append(account_id)

    def refresh_codes(self) -> None:
        self.refreshes += 1

    def raise_window(self) -> None:
        self.raised += 1
        self.show()
        self.raise_()
        self.activateWindow()

    # -- registration points ---------------------------------------------------------------
    def add_banner(self, banner: QWidget) -> None:
        self.banners.append(banner)
        self.banner_area.addWidget(banner)

    def add_menu_action(self, action: QAction) -> None:
        self.menu_actions.append(action)
        self.main_menu.addAction(action)

    def add_row_menu_hook(self, hook: RowMenuHook) -> None:
        self.row_menu_hooks.append(hook)

    def add_tick_hook(self, hook: Callable[[], None]) -> None:
        self.tick_hooks.append(hook)

    def add_settings_section(self, factory: SettingsSectionFactory) -> None:
        self._sections.append(factory)

    def settings_sections(self) -> list[SettingsSectionFactory]:
        return list(self._sections)

    def add_window_action(self, action: QAction) -> None:
        self.window_actions.append(action)
        self.addAction(action)

    def add_drop_handler(self, handler: QObject) -> None:
        self.drop_handlers.append(handler)
        self.setAcceptDrops(True)
        self.installEventFilter(handler)
        self.list_area.setAcceptDrops(True)
        self.list_area.installEventFilter(handler)

    def apply_settings(self) -> None:
        """What the window applies itself (the clipboard delay), then the signal."""
        self.applied += 1
        self._clipboard.delay_seconds = self._settings.get(options.CLIPBOARD_CLEAR_SECONDS)
        self.settings_changed.emit()

    def set_clock_advisor(self, advisor: ClockAdvisor) -> None:
        self._advisor = advisor

    def clock_advisor(self) -> ClockAdvisor | None:
        return self._advisor

    def replace_vault_from(self, backup: Path, password: str) -> bool:
        """As the window does: lock, make ``backup`` the vault file, unlock it."""
        from authenticator.storage.backups import restore_backup

        path = self._session.path
        self.lock()
        restore_backup(path, backup, self._time.wall(), damaged=False)
        self.replaced.append(backup)
        self._session.unlock(password)
        return True

    # -- driving it from a test ------------------------------------------------------------
    def tick(self) -> None:
        """One tick of the window: tick hooks, the clipboard's deadline, ``ticked``."""
        for hook in list(self.tick_hooks):
            hook()
        self._clipboard.tick()
        self.ticked.emit()

    def lock(self) -> None:
        """What locking the window does: close what is open over it, clear the clipboard,
        lock the session (nothing when it is locked already)."""
        if not self._session.is_unlocked:
            return
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        self._clipboard.clear_now()
        self._session.lock()

    def create_vault(self, qtbot: Any, password: str = PASSWORD) -> None:
        """A new vault, unlocked (what the welcome page's Create does)."""
        self._session.create(password)
        qtbot.waitUntil(lambda: self._session.is_unlocked, timeout=10_000)

    def unlock(self, qtbot: Any, password: str = PASSWORD) -> None:
        self._session.unlock(password)
        qtbot.waitUntil(lambda: self._session.is_unlocked, timeout=10_000)

    def open_settings(self) -> None:
        """The person asks for the settings (answered by the settings feature)."""
        self.settings_requested.emit()

    def row_menu(self, account: Account) -> QMenu:
        """An account's right-click menu, made of what the hooks add."""
        menu = QMenu(self)
        for hook in self.row_menu_hooks:
            hook(menu, account)
        return menu

    def notice_texts(self) -> list[str]:
        return [notice.text for notice in self.notices]

    def last_notice(self) -> str:
        return self.notices[-1].text if self.notices else ""

    def menu_texts(self) -> list[str]:
        """The main menu's entries as shown (after ``menu_shown``), without accelerators."""
        self.main_menu.aboutToShow.emit()
        return [a.text().replace("&", "") for a in self.main_menu.actions()
                if not a.isSeparator()]

    def tear_down(self) -> None:
        """Lock and close whatever is open over the fake (its dialogs, questions)."""
        self.lock()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()


def shown_fake_host(qtbot: Any, tmp_path: Path, settings: AppSettings,
                    timebase: FakeTimeBase) -> Iterator[FakeHost]:
    """The body of the ``fake_host`` fixture (tests/ui/conftest.py): shown and active.

    Registered with qtbot, which at the test's end (before fixtures are finalized) tears
    it down, closes it and deletes it; the suite's gc fixture then runs the deletion of
    the fake and of every object parented to it (session, features) on the GUI thread.
    """
    vault = tmp_path / "data" / "vault.authvault"
    vault.parent.mkdir(parents=True, exist_ok=True)
    host = FakeHost(vault, settings, timebase)
    qtbot.addWidget(host, before_close_func=lambda _widget: host.tear_down())
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitActive(host)
    yield host


if TYPE_CHECKING:
    def _implements_the_protocol(fake: FakeHost) -> Host:
        return fake  # mypy: FakeHost must keep up with ui/host.py
