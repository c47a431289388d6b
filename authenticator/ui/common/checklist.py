"""A list of accounts with a checkbox each: one model and one view for every place that
asks "which of these accounts?" (the Add dialog's review step, the import and restore
previews, the Google Authenticator export).

Rows are plain data (:class:`CheckRow`); the checkbox is in the first column. A row that
cannot be chosen (``enabled=False``) is greyed and has no checkbox. With no headers the
view looks like a plain list (one column, no header row).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from authenticator.core.account import Account

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class CheckRow:
    """One account: its texts (one per column), whether it is ticked and can be."""

    account: Account = field(repr=False)
    cells: tuple[str, ...]
    checked: bool = True
    enabled: bool = True


class AccountCheckModel(QAbstractTableModel):
    """The rows of an :class:`AccountChecklist`; ``checks_changed`` after every tick."""

    checks_changed = Signal()

    def __init__(self, headers: Sequence[str] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[CheckRow] = []

    # -- Qt model ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else max(1, len(self._headers))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column] if column < len(row.cells) else ""
        if role == Qt.ItemDataRole.CheckStateRole and column == 0 and row.enabled:
            return Qt.CheckState.Checked if row.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return row.account
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or not self._rows[index.row()].enabled:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.CheckStateRole or not index.isValid()
                or index.column() != 0 or not self._rows[index.row()].enabled):
            return False
        self.set_checked(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and section < len(self._headers)):
            return self._headers[section]
        return None

    # -- ours -------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[CheckRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self.checks_changed.emit()

    def rows(self) -> list[CheckRow]:
        return list(self._rows)

    def set_checked(self, row: int, checked: bool) -> None:
        current = self._rows[row]
        if not current.enabled or current.checked == checked:
            return
        self._rows[row] = replace(current, checked=checked)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checks_changed.emit()

    def set_all_checked(self, checked: bool) -> None:
        """Tick (or untick) every row that can be chosen, with one ``checks_changed``."""
        changed = False
        for row, current in enumerate(self._rows):
            if current.enabled and current.checked != checked:
                self._rows[row] = replace(current, checked=checked)
                changed = True
        if changed:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])
            self.checks_changed.emit()

    def checked_accounts(self) -> list[Account]:
        return [r.account for r in self._rows if r.enabled and r.checked]


class AccountChecklist(QTableView):
    """The view: rows of accounts with a checkbox in front (click it, or press Space)."""

    checks_changed = Signal()

    def __init__(self, headers: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checks = AccountCheckModel(headers, self)
        self.setModel(self.checks)
        self.checks.checks_changed.connect(self.checks_changed)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        if headers:
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        else:  # a plain list
            header.hide()
            self.setShowGrid(False)

    def set_rows(self, rows: Iterable[CheckRow]) -> None:
        self.checks.set_rows(rows)

    def count(self) -> int:
        return self.checks.rowCount()

    def texts(self, column: int = 0) -> list[str]:
        """The text of ``column`` in every row (for tests and screen readers)."""
        return [r.cells[column] if column < len(r.cells) else "" for r in self.checks.rows()]

    def is_checked(self, row: int) -> bool:
        current = self.checks.rows()[row]
        return current.enabled and current.checked

    def set_checked(self, row: int, checked: bool) -> None:
        self.checks.set_checked(row, checked)

    def set_all_checked(self, checked: bool) -> None:
        self.checks.set_all_checked(checked)

    def checked_accounts(self) -> list[Account]:
        return self.checks.checked_accounts()
