"""The window's code list as features see it: ``ui/host.py``'s ``CodeList``.

The code list's own options (gestures, privacy mode, icon packs) reach the list's view,
search field and row painting only through this, not through the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractItemView

from authenticator.ui.codes.model import Role

if TYPE_CHECKING:
    from authenticator.ui.codes.view import CodesPage
    from authenticator.ui.host import CodeShownRule, IconPainter


class ListAccess:
    """``CodeList`` on the window's codes page; ``copy`` copies a row's code."""

    def __init__(self, page: CodesPage, copy: Callable[[QModelIndex], None]) -> None:
        self._page = page
        self._copy = copy

    def view_widget(self) -> QAbstractItemView:
        return self._page.view

    def copy_row(self, index: QModelIndex) -> None:
        self._copy(index)

    def type_in_search(self, text: str) -> None:
        search = self._page.search
        search.setFocus(Qt.FocusReason.OtherFocusReason)
        search.insert(text)

    def set_code_shown_rule(self, rule: CodeShownRule | None) -> None:
        self._page.delegate.row_shown = rule

    def set_codes_revealed(self, revealed: bool) -> None:
        self._page.delegate.revealed = revealed

    def set_icon_painter(self, painter: IconPainter | None) -> None:
        if painter is None:
            self._page.delegate.pack_icon = None
            return

        def paint(qp: QPainter, rect: QRect, index: Any) -> bool:
            account = index.data(Role.ACCOUNT)
            return account is not None and painter(qp, rect, account)

        self._page.delegate.pack_icon = paint

    def repaint(self, icons_changed: bool = False) -> None:
        if icons_changed:
            self._page.delegate.clear_cache()
        self._page.view.viewport().update()
