"""The code list: a QAbstractListModel over the vault's accounts plus a filter/sort proxy.

One coarse tick per second (see ticker.py) calls :meth:`AccountListModel.tick` with the
rows the user can see; it emits ``dataChanged`` only for those rows and only for the roles
that changed: the countdown roles every second, the code roles when a step ends. Rows out
of sight cost nothing per tick: they are painted from fresh data when scrolled to, so the
idle cost does not grow with the number of accounts.
"""

from __future__ import annotations

import enum
import json
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, Qt, Signal

from authenticator.core.account import Account, OtpKind
from authenticator.core.otp import CodeState, group_code, seconds_left, state_at, time_step
from authenticator.core.text import printable
from authenticator.ui.codes import avatar

URGENT_SECONDS = 5
MIME_ROWS = "application/x-authenticator-account-ids"

if TYPE_CHECKING:
    from PySide6.QtCore import QPersistentModelIndex

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
    PAINT = enum.auto()  # PaintState: everything the delegate repaints each second, at once
    SEARCH = enum.auto()  # str matched by the filter proxy (see search_text)


#: Everything the delegate repaints each second, in one ``data()`` call per painted row
#: instead of six. A named tuple in the functional form: the class form's annotations are
#: strings here (compiled one by one at import), and a dataclass costs more to define and
#: to make for each row painted.
PaintState = NamedTuple("PaintState", [  # noqa: UP014 (see above)
    ("account_id", str),
    ("code", str),  # grouped
    ("next_code", str | None),  # grouped
    ("seconds", int | None),  # None for counter-based rows
    ("fraction", float),
    ("urgent", bool),
])


#: What moves every second: only the countdown ring (arc and number) is repainted.
COUNTDOWN_ROLES = [Role.SECONDS_LEFT, Role.FRACTION_LEFT, Role.PAINT,
                   Qt.ItemDataRole.AccessibleTextRole]
#: Entering the last seconds: the code turns urgent and the next code appears.
URGENT_ROLES = [Role.URGENT, Role.NEXT_CODE, *COUNTDOWN_ROLES]
CODE_ROLES = [Role.CODE, Role.RAW_CODE, Role.NEXT_CODE, Role.URGENT, *COUNTDOWN_ROLES]
_CODE_ROLE_SET = frozenset(int(r) for r in CODE_ROLES)
#: Roles whose change only moves the countdown ring (see countdown.CountdownListView).
RING_ONLY_ROLES = frozenset(int(r) for r in COUNTDOWN_ROLES)


def whole_seconds(seconds_left: float) -> int:
    """Seconds shown on the countdown: 30 at the start of a step, 1 in its last second."""
    whole = int(seconds_left)
    return whole if whole == seconds_left else whole + 1


class SortMode(enum.StrEnum):
    MANUAL = "manual"
    NAME = "name"
    ISSUER = "issuer"
    RECENT = "recent"


def sort_accounts(accounts: Sequence[Account], mode: SortMode) -> list[Account]:
    """Display order: favourites pinned on top, then by ``mode`` (manual = vault order).

    Stable sorts with C-level keys where possible: this runs for every account when the
    vault opens, so it must stay cheap with thousands of them.
    """
    if mode is SortMode.NAME:
        ordered = sorted(accounts, key=lambda a: (a.name.casefold(), a.issuer.casefold()))
    elif mode is SortMode.ISSUER:
        ordered = sorted(accounts, key=lambda a: (a.issuer.casefold(), a.name.casefold()))
    elif mode is SortMode.RECENT:
        ordered = sorted(accounts, key=lambda a: a.last_used or 0.0, reverse=True)
    else:
        ordered = list(accounts)
    # Stable, so ties keep the order above (``reverse`` keeps stability in Python).
    return sorted(ordered, key=_FAVORITE, reverse=True)


_FAVORITE = operator.attrgetter("favorite")


class _Period:
    """Countdown shared by every row with the same period: one computation per tick."""

    __slots__ = ("period", "seconds", "step", "whole")

    def __init__(self, period: int, now: float) -> None:
        self.period = period
        self.step = time_step(now, period)
        self.seconds = seconds_left(now, period)
        self.whole = whole_seconds(self.seconds)

    def advance(self, now: float) -> list[Any] | None:
        """Update to ``now``; returns the roles that changed for its rows (None: nothing)."""
        step = time_step(now, self.period)
        self.seconds = seconds_left(now, self.period)
        whole = whole_seconds(self.seconds)
        if step != self.step:
            roles: list[Any] | None = CODE_ROLES
        elif whole == self.whole:
            roles = None
        elif (whole <= URGENT_SECONDS) != (self.whole <= URGENT_SECONDS):
            roles = URGENT_ROLES
        else:
            roles = COUNTDOWN_ROLES
        self.step, self.whole = step, whole
        return roles


_ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
              | Qt.ItemFlag.ItemIsDragEnabled)
_DROP_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
               | Qt.ItemFlag.ItemIsDropEnabled)


class AccountListModel(QAbstractListModel):
    """Rows = accounts in manual order.

    Idle cost is what matters for an app that ticks all day: the countdown is computed
    once per distinct period (not per row), and codes are computed lazily, when a row is
    painted or read, and cached for their step.
    """

    #: Emitted after the user reordered rows by drag and drop (ids in new order).
    reordered = Signal(list)

    def __init__(self, now: Callable[[], float], parent: Any = None) -> None:
        super().__init__(parent)
        self._now = now
        self._accounts: list[Account] = []
        self._codes: dict[str, CodeState] = {}  # account id -> cached state of its step
        self._periods: dict[int, _Period] = {}
        self.sort_mode = SortMode.MANUAL

    # -- content --------------------------------------------------------------------------
    def ordered(self, accounts: Sequence[Account]) -> list[Account]:
        return sort_accounts(accounts, self.sort_mode)

    def set_sort_mode(self, mode: SortMode) -> None:
        self.sort_mode = mode
        self.set_accounts(self._accounts)

    def set_accounts(self, accounts: Sequence[Account]) -> None:
        """Replace the rows with ``accounts`` in display order."""
        self.beginResetModel()
        self._accounts = self.ordered(accounts)
        self._codes.clear()
        self._refresh_periods()
        self.endResetModel()

    def _refresh_periods(self) -> None:
        now = self._now()
        wanted = {a.period for a in self._accounts if a.kind is not OtpKind.HOTP}
        self._periods = {p: self._periods.get(p) or _Period(p, now) for p in wanted}

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
        self._codes.pop(account.id, None)
        if row < 0:
            row = len(self._accounts)
            self.beginInsertRows(QModelIndex(), row, row)
            self._accounts.append(account)
            self._refresh_periods()
            self.endInsertRows()
            return
        self._accounts[row] = account
        self._refresh_periods()
        index = self.index(row)
        self.dataChanged.emit(index, index, [])

    def remove(self, account_id: str) -> None:
        row = self.row_of(account_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._accounts[row]
        self._codes.pop(account_id, None)
        self._refresh_periods()
        self.endRemoveRows()

    # -- ticking --------------------------------------------------------------------------
    def tick(self, rows: Iterable[int] | None = None) -> None:
        """Advance to the injected clock's time; signal what changed for ``rows`` only.

        ``rows`` are the (source) rows someone looks at, normally those on screen; None
        means every row (callers without a view, a clock jump). The countdowns are shared
        per period, so the cost is one computation per distinct period plus one
        ``dataChanged`` per contiguous run of the given rows: nothing for rows out of
        sight, which are painted from fresh data when they come into view, and nothing at
        all when ``rows`` is empty (hidden window). Every second the countdown roles
        change; entering the last seconds adds the urgent roles; at a step boundary (or a
        clock jump, forwards or back) the code roles.
        """
        if not self._periods:
            return
        now = self._now()
        changed: dict[int, list[Any]] = {}
        for period in self._periods.values():
            roles = period.advance(now)
            if roles is not None:
                changed[period.period] = roles
        if not changed:
            return
        accounts = self._accounts
        wanted = range(len(accounts)) if rows is None else sorted(
            r for r in rows if 0 <= r < len(accounts))
        runs: list[tuple[int, int, list[Any]]] = []
        for row in wanted:
            account = accounts[row]
            roles = changed.get(account.period) if account.is_time_based else None
            if roles is None:
                continue
            if runs and runs[-1][1] == row - 1 and runs[-1][2] is roles:
                runs[-1] = (runs[-1][0], row, roles)
            else:
                runs.append((row, row, roles))
        for first, last, roles in runs:
            self.dataChanged.emit(self.index(first), self.index(last), roles)

    def _state(self, account: Account) -> CodeState:
        """The account's code state for the current tick (cached per step)."""
        if account.kind is OtpKind.HOTP:
            cached = self._codes.get(account.id)
            if cached is None or cached.step != account.counter:
                cached = state_at(account, 0.0)
                self._codes[account.id] = cached
            return cached
        period = self._periods.get(account.period)
        if period is None:  # not ticked yet (e.g. between insert and refresh)
            period = self._periods[account.period] = _Period(account.period, self._now())
        cached = self._codes.get(account.id)
        if cached is None or cached.step != period.step:
            cached = state_at(account, period.step * account.period)
            self._codes[account.id] = cached
        return cached

    # -- Qt API ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._accounts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._accounts):
            return None
        account = self._accounts[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return account.safe_label  # imported names may hide controls or bidi tricks
        if role in _CODE_ROLE_SET:
            return self._code_data(account, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(account)
        return self._static(account, role)

    def _code_data(self, account: Account, role: int) -> Any:
        state = self._state(account)
        period = self._periods.get(account.period) if account.is_time_based else None
        if role == Role.PAINT:
            return PaintState(
                account_id=account.id,
                code=group_code(state.code),
                next_code=group_code(state.next_code) if state.next_code else None,
                seconds=period.whole if period else None,
                fraction=period.seconds / period.period if period else 0.0,
                urgent=bool(period and period.whole <= URGENT_SECONDS))
        if role == Role.CODE:
            return group_code(state.code)
        if role == Role.RAW_CODE:
            return state.code
        if role == Role.NEXT_CODE:
            return group_code(state.next_code) if state.next_code else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(account, state, period.whole if period else 0)
        if period is None:
            return False if role == Role.URGENT else None
        if role == Role.SECONDS_LEFT:
            return period.whole
        if role == Role.FRACTION_LEFT:
            return period.seconds / period.period
        return period.whole <= URGENT_SECONDS  # Role.URGENT

    def _static(self, account: Account, role: int) -> Any:
        if role == Role.ACCOUNT:
            return account
        if role == Role.ID:
            return account.id
        if role == Role.ISSUER:
            return printable(account.issuer)
        if role == Role.NAME:
            return printable(account.name)
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
        if role == Role.SEARCH:
            return search_text(account)
        return None

    def _spoken(self, account: Account, state: CodeState, seconds: int) -> str:
        who = ", ".join(p for p in (account.issuer, account.name) if p) or self.tr("Unnamed")
        code = group_code(state.code)  # read as groups by screen readers
        if not account.is_time_based:
            return self.tr("{who}, code {code}, counter-based").format(who=who, code=code)
        if seconds <= URGENT_SECONDS and state.next_code:
            return self.tr("{who}, code {code}, {seconds} seconds left, next {next}").format(
                who=who, code=code, seconds=seconds, next=group_code(state.next_code))
        return self.tr("{who}, code {code}, {seconds} seconds left").format(
            who=who, code=code, seconds=seconds)

    def _tooltip(self, account: Account) -> str:
        parts = [account.safe_label]
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
        # Called for every row painted, every second: constants, no enum arithmetic.
        return _ROW_FLAGS if index.isValid() else _DROP_FLAGS

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
        self._refresh_periods()
        self.endMoveRows()


SEARCH_TAGS, SEARCH_TEXT = "\x1e", "\x1f"  # separators in the search text (Role.SEARCH)


def clean_search(text: str) -> str:
    return text.replace(SEARCH_TAGS, " ").replace(SEARCH_TEXT, " ")


def search_text(account: Account) -> str:
    """What the filter matches: the tags as they are, then issuer, name and tags casefolded."""
    tags = [clean_search(t) for t in account.tags]
    haystack = " ".join((account.issuer, account.name, *account.tags)).casefold()
    return (f"{SEARCH_TAGS}{SEARCH_TAGS.join(tags)}{SEARCH_TAGS}"
            f"{SEARCH_TEXT}{clean_search(haystack)}")
