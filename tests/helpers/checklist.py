"""Clicking the checkbox of a row of :class:`~authenticator.ui.common.checklist.AccountChecklist`
the way a person does (the mouse on the box itself)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from authenticator.ui.common.checklist import AccountChecklist


def check_box_centre(view: AccountChecklist, row: int) -> QPoint:
    """Where the checkbox of ``row`` is drawn, in viewport coordinates."""
    index = view.model().index(row, 0)
    view.scrollTo(index)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    rect = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator,
                                       option, view)
    return rect.center()


def click_check(qtbot, view: AccountChecklist, row: int) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=check_box_centre(view, row))
