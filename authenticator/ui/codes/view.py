"""The code list page: search bar, banners, the list view and its empty states."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from authenticator.ui.codes.countdown import CountdownListView
from authenticator.ui.codes.delegate import AccountDelegate
from authenticator.ui.codes.filter import AccountFilterModel
from authenticator.ui.common.icons import icon
from authenticator.ui.common.widgets import Banner, EmptyState, Toast


class CodeListView(CountdownListView):
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
