"""The main window's side of ``ui/host.py``: the registration points features use.

A mixin of :class:`~authenticator.ui.main_window.MainWindow` (kept apart so the window
class stays about its pages, menu and tick). It reads only what the window declares below.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from authenticator.ui.host import ClockAdvisor, RowMenuHook, SettingsSectionFactory

if TYPE_CHECKING:
    from authenticator.ui.codes.model import AccountListModel
    from authenticator.ui.codes.rows import RowCommands
    from authenticator.ui.codes.view import CodesPage
    from authenticator.ui.common.ticker import SecondTicker


class WindowHost:
    """Banners, menu entries, row-menu hooks, tick hooks, settings sections, shortcuts."""

    codes: CodesPage
    rows: RowCommands
    model: AccountListModel
    ticker: SecondTicker
    main_menu: QMenu
    settings_action: QAction
    settings_changed: Any

    def _init_host(self) -> None:
        self.tick_hooks: list[Callable[[], None]] = []  # run on every tick
        self._settings_sections: list[tuple[int, SettingsSectionFactory]] = []
        self._row_hooks: list[tuple[int, RowMenuHook]] = []
        self._menu_entries: list[tuple[int, QAction]] = []
        self._clock_advisor: ClockAdvisor | None = None
        self._rank = 0

    def installing(self, rank: int) -> None:
        """What features register from now on belongs at ``rank`` (ui/app.py installs some
        features after the first paint: their menu entries, row-menu entries and settings
        sections still take the place of their rank, not the order of installation)."""
        self._rank = rank

    def _place(self, entries: list[tuple[int, Any]], item: Any) -> int:
        """Insert after every entry of a lower or equal rank; the index it took."""
        index = bisect.bisect_right([rank for rank, _ in entries], self._rank)
        entries.insert(index, (self._rank, item))
        return index

    def _apply_settings(self) -> None:
        raise NotImplementedError

    @property
    def ticked(self) -> Any:
        return self.ticker.ticked

    def window(self) -> QWidget:
        return cast(QWidget, self)

    def is_active(self) -> bool:
        return self.window().isActiveWindow()

    def refresh_codes(self) -> None:
        self.model.tick()

    def raise_window(self) -> None:
        window = self.window()
        window.show()
        window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized)
                              | Qt.WindowState.WindowActive)
        window.raise_()
        window.activateWindow()

    def add_banner(self, banner: QWidget) -> None:
        self.codes.banners.addWidget(banner)

    def add_menu_action(self, action: QAction) -> None:
        index = self._place(self._menu_entries, action)
        later = self._menu_entries[index + 1:]
        self.main_menu.insertAction(later[0][1] if later else self.settings_action, action)

    def add_row_menu_hook(self, hook: RowMenuHook) -> None:
        self._place(self._row_hooks, hook)
        self.rows.menu_hooks[:] = [hook for _, hook in self._row_hooks]

    def add_tick_hook(self, hook: Callable[[], None]) -> None:
        self.tick_hooks.append(hook)

    def add_settings_section(self, factory: SettingsSectionFactory) -> None:
        self._place(self._settings_sections, factory)

    def settings_sections(self) -> list[SettingsSectionFactory]:
        return [factory for _, factory in self._settings_sections]

    def add_window_action(self, action: QAction) -> None:
        self.window().addAction(action)

    def add_drop_handler(self, handler: QObject) -> None:
        window = self.window()
        window.setAcceptDrops(True)
        window.installEventFilter(handler)
        self.codes.view.viewport().installEventFilter(handler)

    @property
    def menu_shown(self) -> Any:
        return self.main_menu.aboutToShow

    def apply_settings(self) -> None:
        self._apply_settings()
        self.settings_changed.emit()

    def set_clock_advisor(self, advisor: ClockAdvisor) -> None:
        self._clock_advisor = advisor

    def clock_advisor(self) -> ClockAdvisor | None:
        return self._clock_advisor
