"""The code list: a QAbstractListModel over the vault's accounts plus a filter/sort proxy.

One coarse tick per second (see ticker.py) calls :meth:`AccountListModel.tick`, which
emits ``dataChanged`` only for rows and roles that changed: countdown roles for the
time-based rows every second, code roles only for rows whose step changed.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from authenticator.core.account import Account, OtpKind
from authenticator.core.otp import CodeState, group_code, seconds_left, state_at, time_step
from authenticator.ui import avatar

URGENT_SECONDS = 5
MIME_ROWS = "application/x-authenticator-account-ids"

Index = QModelIndex | QPersistentModelIndex


class Role(enum.IntEnum):
    ACCOUNT = Qt.ItemDataRole.UserRole + 1
    ID = enum.auto()
    ISSUER = enum.auto()
    NAME = enum.auto()
    CODE = enum.auto()  # grouped for reading: "123 456"
    RAW_CODE = enum.auto()  # what is copied: "123456"
    NEXT_CODE = enum.auto()  # grouped, None for HOTP
    SECONDS_LEFT = enum.auto()  # int, whole seconds (ceil)
    FRACTION_LEFT = enum.auto()  # float 0..1 for the ring
    URGENT = enum.auto()  # bool: last 5 seconds
    KIND = enum.auto()
    FAVORITE = enum.auto()
    INITIALS = enum.auto()
    COLOUR = enum.auto()
    TAGS = enum.auto()
    LAST_USED = enum.auto()
    WEAK = enum.auto()


COUNTDOWN_ROLES = [Role.SECONDS_LEFT, Role.FRACTION_LEFT, Role.URGENT,
                   Qt.ItemDataRole.AccessibleTextRole]
CODE_ROLES = [Role.CODE, Role.RAW_CODE, Role.NEXT_CODE, *COUNTDOWN_ROLES]


def whole_seconds(seconds_left: float) -> int:
    """Seconds shown on the countdown: 30 at the start of a step, 1 in its last second."""
    whole = int(seconds_left)
    return whole if whole == seconds_left else whole + 1


def spoken_code(code: str) -> str:
    """'123 456' is read as two groups by screen readers; keep the grouping."""
    return group_code(code)


class AccountListModel(QAbstractListModel):
    """Rows = accounts in manual order. Codes are cached per step."""

    #: Emitted after the user reordered rows by drag and drop (ids in new order).
    reordered = Signal(list)

    def __init__(self, now: Callable[[], float], parent: Any = None) -> None:
        super().__init__(parent)
        self._now = now
        self._accounts: list[Account] = []
        self._states: list[CodeState] = []
        self._seconds: list[int] = []

    # -- content --------------------------------------------------------------------------
    def set_accounts(self, accounts: Sequence[Account]) -> None:
        self.beginResetModel()
        self._accounts = list(accounts)
        now = self._now()
        self._states = [state_at(a, now) for a in self._accounts]
        self._seconds = [whole_seconds(s.seconds_left) for s in self._states]
        self.endResetModel()

    def clear(self) -> None:
        self.set_accounts([])

    def accounts(self) -> list[Account]:
        return list(self._accounts)

    def row_of(self, account_id: str) -> int:
        for row, account in enumerate(self._accounts):
            if account.id == account_id:
                return row
        return -1

    def account_at(self, row: int) -> Account:
        return self._accounts[row]

    def upsert(self, account: Account) -> None:
        """Insert a new account at the end or replace the one with the same id."""
        row = self.row_of(account.id)
        state = state_at(account, self._now())
        if row < 0:
            row = len(self._accounts)
            self.beginInsertRows(QModelIndex(), row, row)
            self._accounts.append(account)
            self._states.append(state)
            self._seconds.append(whole_seconds(state.seconds_left))
            self.endInsertRows()
            return
        self._accounts[row] = account
        self._states[row] = state
        self._seconds[row] = whole_seconds(state.seconds_left)
        index = self.index(row)
        self.dataChanged.emit(index, index, [])

    def remove(self, account_id: str) -> None:
        row = self.row_of(account_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._accounts[row], self._states[row], self._seconds[row]
        self.endRemoveRows()

    # -- ticking --------------------------------------------------------------------------
    def tick(self) -> None:
        """Recompute from the injected clock; signal only what changed."""
        if not self._accounts:
            return
        now = self._now()
        first_countdown = last_countdown = -1
        code_rows: list[int] = []
        for row, account in enumerate(self._accounts):
            if account.kind is OtpKind.HOTP:
                continue
            old = self._states[row]
            seconds_changed = False
            if old.step != time_step(now, account.period):
                state = state_at(account, now)
                self._states[row] = state
                code_rows.append(row)
            else:
                state = CodeState(old.code, old.next_code, seconds_left(now, account.period),
                                  old.period, old.step)
                self._states[row] = state
            whole = whole_seconds(state.seconds_left)
            if whole != self._seconds[row]:
                self._seconds[row] = whole
                seconds_changed = True
            if seconds_changed:
                if first_countdown < 0:
                    first_countdown = row
                last_countdown = row
        if first_countdown >= 0:
            self.dataChanged.emit(self.index(first_countdown), self.index(last_countdown),
                                  COUNTDOWN_ROLES)
        for row in code_rows:
            index = self.index(row)
            self.dataChanged.emit(index, index, CODE_ROLES)

    # -- Qt API ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._accounts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._accounts):
            return None
        account = self._accounts[row]
        state = self._states[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return account.label
        if role == Role.CODE:
            return group_code(state.code)
        if role == Role.RAW_CODE:
            return state.code
        if role == Role.SECONDS_LEFT:
            return self._seconds[row] if account.is_time_based else None
        if role == Role.FRACTION_LEFT:
            return state.fraction_left if account.is_time_based else None
        if role == Role.URGENT:
            return account.is_time_based and self._seconds[row] <= URGENT_SECONDS
        if role == Role.NEXT_CODE:
            return group_code(state.next_code) if state.next_code else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(account, state, self._seconds[row])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(account)
        return self._static(account, role)

    def _static(self, account: Account, role: int) -> Any:
        if role == Role.ACCOUNT:
            return account
        if role == Role.ID:
            return account.id
        if role == Role.ISSUER:
            return account.issuer
        if role == Role.NAME:
            return account.name
        if role == Role.KIND:
            return account.kind.value
        if role == Role.FAVORITE:
            return account.favorite
        if role == Role.INITIALS:
            return avatar.initials(account.issuer, account.name)
        if role == Role.COLOUR:
            return avatar.colour(account.issuer, account.name)
        if role == Role.TAGS:
            return list(account.tags)
        if role == Role.LAST_USED:
            return account.last_used or 0.0
        if role == Role.WEAK:
            return account.is_weak
        return None

    def _spoken(self, account: Account, state: CodeState, seconds: int) -> str:
        who = ", ".join(p for p in (account.issuer, account.name) if p) or self.tr("Unnamed")
        code = spoken_code(state.code)
        if not account.is_time_based:
            return self.tr("{who}, code {code}, counter-based").format(who=who, code=code)
        return self.tr("{who}, code {code}, {seconds} seconds left").format(
            who=who, code=code, seconds=seconds)

    def _tooltip(self, account: Account) -> str:
        parts = [account.label]
        if account.note:
            parts.append(account.note)
        if account.tags:
            parts.append(self.tr("Tags: {tags}").format(tags=", ".join(account.tags)))
        if account.is_weak:
            parts.append(self.tr("Short key ({bits} bits)").format(bits=account.key_bits))
        return "\n".join(parts)

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        for role in Role:
            names[int(role)] = QByteArray(role.name.lower().encode())
        return names

    # -- drag and drop reordering ---------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_ROWS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = [self._accounts[i.row()].id for i in indexes if i.isValid()]
        data.setData(MIME_ROWS, QByteArray(json.dumps(ids).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_ROWS):
            return False
        try:
            ids = json.loads(bytes(data.data(MIME_ROWS).data()).decode())
        except ValueError:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._accounts)
        for account_id in ids:
            self.move_to(str(account_id), row)
            row = self.row_of(str(account_id)) + 1
        self.reordered.emit([a.id for a in self._accounts])
        return False  # we moved the rows ourselves: the view must not remove anything

    def move_to(self, account_id: str, target: int) -> None:
        source = self.row_of(account_id)
        if source < 0:
            return
        target = max(0, min(target, len(self._accounts)))
        if target in (source, source + 1):
            return
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target)
        dest = target - 1 if target > source else target
        self._accounts.insert(dest, self._accounts.pop(source))
        self._states.insert(dest, self._states.pop(source))
        self._seconds.insert(dest, self._seconds.pop(source))
        self.endMoveRows()


class SortMode(enum.StrEnum):
    MANUAL = "manual"
    NAME = "name"
    ISSUER = "issuer"
    RECENT = "recent"


class AccountFilterModel(QSortFilterProxyModel):
    """Search on issuer, name and tags; optional tag filter; favourites pinned on top."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._terms: list[str] = []
        self._tag: str | None = None
        self._mode = SortMode.MANUAL
        self.setDynamicSortFilter(False)

    def set_search(self, text: str) -> None:
        self._terms = text.casefold().split()
        self.invalidateFilter()

    def set_tag(self, tag: str | None) -> None:
        self._tag = tag or None
        self.invalidateFilter()

    @property
    def tag(self) -> str | None:
        return self._tag

    def set_sort_mode(self, mode: SortMode) -> None:
        self._mode = mode
        self.invalidate()
        self.sort(0)

    @property
    def sort_mode(self) -> SortMode:
        return self._mode

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        account: Account = model.data(index, Role.ACCOUNT)
        if account is None:
            return False
        if self._tag and self._tag not in account.tags:
            return False
        if not self._terms:
            return True
        haystack = " ".join((account.issuer, account.name, *account.tags)).casefold()
        return all(term in haystack for term in self._terms)

    def lessThan(self, left: Index, right: Index) -> bool:
        model = self.sourceModel()
        a: Account = model.data(left, Role.ACCOUNT)
        b: Account = model.data(right, Role.ACCOUNT)
        if a.favorite != b.favorite:
            return a.favorite
        if self._mode is SortMode.NAME:
            return (a.name.casefold(), a.issuer.casefold()) < (b.name.casefold(),
                                                                 b.issuer.casefold())
        if self._mode is SortMode.ISSUER:
            return (a.issuer.casefold(), a.name.casefold()) < (b.issuer.casefold(),
                                                                 b.name.casefold())
        if self._mode is SortMode.RECENT:
            return (a.last_used or 0.0) > (b.last_used or 0.0)
        return left.row() < right.row()
