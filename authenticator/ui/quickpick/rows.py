"""The few rows the quick pick box shows: a small model (codes computed for shown rows
only, refreshed on the app's tick) and a delegate that paints label, code and countdown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from authenticator.core.account import Account, OtpKind
from authenticator.core.otp import group_code, seconds_left, state_at

ACCOUNT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Row:
    account: Account
    code: str  # grouped for reading
    seconds: int | None  # None for counter-based accounts

    @property
    def title(self) -> str:
        return self.account.issuer or self.account.name

    @property
    def subtitle(self) -> str:
        return self.account.name if self.account.issuer else ""


def make_row(account: Account, now: float) -> Row:
    code = group_code(state_at(account, now).code)
    if account.kind is OtpKind.HOTP:
        return Row(account, code, None)
    left = seconds_left(now, account.period)
    whole = int(left)
    return Row(account, code, whole if whole == left else whole + 1)


class PickModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_accounts(self, accounts: Sequence[Account], now: float) -> None:
        self.beginResetModel()
        self._rows = [make_row(a, now) for a in accounts]
        self.endResetModel()

    def refresh(self, now: float) -> None:
        """New codes and countdowns for the same accounts (once per second)."""
        if not self._rows:
            return
        self._rows = [make_row(r.account, now) for r in self._rows]
        self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1),
                              [ROW_ROLE, Qt.ItemDataRole.DisplayRole])

    def clear(self) -> None:
        self.set_accounts([], 0.0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's API)
        return 0 if parent.isValid() else len(self._rows)

    def row(self, number: int) -> Row | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role == ACCOUNT_ROLE:
            return row.account
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            left = "" if row.seconds is None else self.tr(", {n} s left").format(n=row.seconds)
            who = f"{row.title} ({row.subtitle})" if row.subtitle else row.title
            return f"{who}: {row.code}{left}"
        return None


class PickDelegate(QStyledItemDelegate):
    ROW_HEIGHT = 46

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(300, self.ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: Row | None = index.data(ROW_ROLE)
        if row is None:
            return
        painter.save()
        rect: QRect = option.rect
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.highlight())
        text = palette.highlightedText() if selected else palette.text()
        dim = palette.highlightedText() if selected else palette.placeholderText()
        inner = rect.adjusted(12, 4, -12, -4)
        base: QFont = option.font
        seconds_width = 44
        code_font = QFont(base)
        code_font.setPointSizeF(base.pointSizeF() * 1.35)
        code_font.setBold(True)
        code_font.setStyleHint(QFont.StyleHint.Monospace)
        painter.setFont(code_font)
        code_width = painter.fontMetrics().horizontalAdvance(row.code) + 8
        code_rect = QRect(inner.right() - seconds_width - code_width, inner.top(), code_width,
                          inner.height())
        painter.setPen(text.color())
        painter.drawText(code_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                         row.code)
        if row.seconds is not None:
            small = QFont(base)
            painter.setFont(small)
            painter.setPen(dim.color())
            painter.drawText(QRect(inner.right() - seconds_width, inner.top(), seconds_width,
                                   inner.height()),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             f"{row.seconds} s")
        label_width = code_rect.left() - inner.left() - 8
        title_font = QFont(base)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text.color())
        metrics = painter.fontMetrics()
        half = inner.height() // 2
        if row.subtitle:
            painter.drawText(QRect(inner.left(), inner.top(), label_width, half),
                             Qt.AlignmentFlag.AlignBottom,
                             metrics.elidedText(row.title, Qt.TextElideMode.ElideRight,
                                                label_width))
            painter.setFont(base)
            painter.setPen(dim.color())
            painter.drawText(QRect(inner.left(), inner.top() + half, label_width, half),
                             Qt.AlignmentFlag.AlignTop,
                             painter.fontMetrics().elidedText(
                                 row.subtitle, Qt.TextElideMode.ElideRight, label_width))
        else:
            painter.drawText(QRect(inner.left(), inner.top(), label_width, inner.height()),
                             Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(row.title, Qt.TextElideMode.ElideRight,
                                                label_width))
        painter.restore()
