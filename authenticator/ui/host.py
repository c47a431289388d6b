"""What a feature package may use of the application: the narrow host interface.

Each feature package (``ui/codes``, ``ui/enroll``, ``ui/transfer``, ``ui/clock``, ...)
exposes ``install(host: Host) -> object`` and is handed an object implementing this
protocol; only the application's entry point calls ``install``. A feature never imports
the main window or another feature: whatever it needs of the app is here. This module
imports no other ``ui`` module (the concrete types are structural).

See docs/architecture.md for the layers and how a new feature plugs in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QModelIndex, QObject, QRect, SignalInstance
    from PySide6.QtGui import QAction, QPainter
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QDialog,
        QMenu,
        QStyleOptionViewItem,
        QWidget,
    )

    from authenticator.core.account import Account

#: Adds per-account entries to an account's right-click menu.
RowMenuHook = Callable[["QMenu", "Account"], None]
#: Builds a settings section (a widget) for the settings dialog it is given, showing and
#: editing the dialog's draft of the settings (``ui.common.settings.SettingsDraft``: the
#: store's ``get``/``set``). The widget's ``save()``, called on OK, writes what it shows
#: into the draft; the dialog then applies the draft and the store emits ``changed``.
SettingsSectionFactory = Callable[["QDialog", Any], "QWidget"]
#: Whether a row's code may show, from the row's index and paint options (their ``state``:
#: pointed at, selected); False paints dots instead. Asked for every row painted.
CodeShownRule = Callable[[Any, "QStyleOptionViewItem"], bool]
#: Paints an account's icon into the rectangle (the row's disc) and returns True; False
#: leaves the row its built-in icon.
IconPainter = Callable[["QPainter", "QRect", "Account"], bool]


class CodeList(Protocol):
    """The code list as the code list's own options (``ui/codes``: gestures, privacy,
    icon packs) see it: ``Host.code_list``."""

    def view_widget(self) -> QAbstractItemView:
        """The list widget: its clicks and keys (signals, an event filter), its rows."""

    def copy_row(self, index: QModelIndex) -> None:
        """Select the row at ``index`` (of the view's model) and copy its code."""

    def type_in_search(self, text: str) -> None:
        """Move the focus to the search field and type ``text`` there."""

    def set_code_shown_rule(self, rule: CodeShownRule | None) -> None:
        """Which rows show their code (None: every row)."""

    def set_codes_revealed(self, revealed: bool) -> None:
        """False: every row shows dots instead of its code, whatever the rule says."""

    def set_icon_painter(self, painter: IconPainter | None) -> None:
        """Paints the rows' icons before the built-in ones (None: only the built-in)."""

    def repaint(self, icons_changed: bool = False) -> None:
        """Paint the rows on screen again (``icons_changed``: not from cached images)."""


class ClockAdvisor(Protocol):
    """What the clock feature tells others (the Add dialog's confirmation page)."""

    def uncorrected_offset(self) -> float | None:
        """The measured offset when codes would be off by it, else None."""

    def use_measured_correction(self) -> None: ...


class Host(Protocol):
    """The application as a feature sees it."""

    # -- what the app has ------------------------------------------------------------------
    @property
    def session(self) -> Any:
        """The vault session (``ui.common.session.VaultSession``): accounts and changes."""

    @property
    def settings(self) -> Any:
        """The settings store (``ui.common.settings.AppSettings``): every option declared
        in ``core/options.py``, app-level or in the vault, read with ``get(option)`` (typed,
        validated), written with ``set(option, value)``; ``changed(name)`` after a change
        (from here, the settings dialog, or another device's save merged into the vault)."""

    @property
    def time(self) -> Any:
        """The one time base (``ui.common.timebase.TimeBase``) every code comes from."""

    @property
    def clipboard(self) -> Any:
        """The auto-clearing clipboard (``ui.common.clipboard.SecureClipboard``)."""

    @property
    def ticked(self) -> SignalInstance:
        """Emitted once per second, aligned to the second boundary."""

    @property
    def settings_changed(self) -> SignalInstance:
        """Emitted after the settings dialog was accepted and applied (for one option,
        listen to ``settings.changed`` instead)."""

    @property
    def add_requested(self) -> SignalInstance:
        """``add_requested(incoming)``: the person asked to add an account (button, menu,
        Ctrl+N: ``incoming`` is None); the enroll feature answers it."""

    @property
    def settings_requested(self) -> SignalInstance:
        """The person asked for the settings (menu, Ctrl+,); the settings feature answers."""

    @property
    def menu_shown(self) -> SignalInstance:
        """The main menu is about to show (update what its entries enable)."""

    @property
    def activation_changed(self) -> SignalInstance:
        """The window became the active window or stopped being it (``is_active``)."""

    @property
    def code_list(self) -> CodeList:
        """The code list (for the list's own options, ``ui/codes``)."""

    def window(self) -> QWidget:
        """The parent for the feature's dialogs and objects: only ever passed on (as a
        parent, an owner), never used itself (tests/test_layers.py checks)."""

    def is_active(self) -> bool:
        """The window is the active window (no other window or application in front)."""

    # -- what the app does for a feature ---------------------------------------------------
    def notify(self, text: str, seconds: float = 4.0,
               action: tuple[str, Any] | None = None) -> None:
        """A short notice (toast), optionally with one action button."""

    def current_account(self) -> Account | None: ...

    def select_account(self, account_id: str) -> None: ...

    def refresh_codes(self) -> None:
        """Recompute what the code list shows now (after a change of time base)."""

    def raise_window(self) -> None:
        """Bring the main window to the front (from the tray or another app)."""

    # -- registration points ---------------------------------------------------------------
    def add_banner(self, banner: QWidget) -> None:
        """Place a banner above the code list (the feature shows and hides it)."""

    def add_menu_action(self, action: QAction) -> None:
        """Add an entry to the main menu (before Settings)."""

    def add_row_menu_hook(self, hook: RowMenuHook) -> None: ...

    def add_tick_hook(self, hook: Callable[[], None]) -> None:
        """Run on every tick, even when the window is hidden or the vault locked."""

    def add_settings_section(self, factory: SettingsSectionFactory) -> None:
        """A section of the settings dialog: ``factory(dialog, draft)`` (see above)."""

    def settings_sections(self) -> list[SettingsSectionFactory]:
        """The sections features registered, in order (for the settings dialog)."""

    def add_window_action(self, action: QAction) -> None:
        """A keyboard shortcut that works anywhere in the window (not shown in a menu)."""

    def add_drop_handler(self, handler: QObject) -> None:
        """An event filter that gets drags and drops onto the window and the code list."""

    def apply_settings(self) -> None:
        """Apply changed settings to the window, then emit ``settings_changed``."""

    def set_clock_advisor(self, advisor: ClockAdvisor) -> None:
        """The clock feature offers its measurement to other features."""

    def clock_advisor(self) -> ClockAdvisor | None: ...

    def replace_vault_from(self, backup: Path, password: str) -> bool:
        """Lock, make ``backup`` the vault file and unlock it; False if nothing changed."""
