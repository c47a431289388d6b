"""What the once-a-second tick does: rows on screen only, rings only, nothing when hidden.

An authenticator ticks all day in the tray; these tests pin down the behaviour that keeps
it quiet (the measured figures are in benchmarks/gui.py). Time is injected: no sleeping.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication, QImage, QRegion
from PySide6.QtWidgets import QApplication

from authenticator.core.account import Account, OtpKind
from authenticator.core.otp import code_at, group_code
from authenticator.ui.codes.countdown import CountdownListView
from authenticator.ui.codes.delegate import AccountDelegate
from authenticator.ui.codes.filter import AccountFilterModel
from authenticator.ui.codes.model import CODE_ROLES, COUNTDOWN_ROLES, AccountListModel, Role
from authenticator.ui.common.timebase import FakeTimeBase
from authenticator.ui.main_window import QUIET_TICK_SECONDS
from tests.helpers.gui import create_vault

ACCOUNTS = 60


def accounts(count: int) -> list[Account]:
    return [Account(secret=os.urandom(20), issuer=f"Issuer {i:03d}", name=f"user{i}",
                    kind=OtpKind.STEAM if i % 7 == 0 else OtpKind.TOTP) for i in range(count)]


@pytest.fixture
def crowded(qtbot, window):
    """The real window with more accounts than fit on screen."""
    create_vault(qtbot, window)
    window.session.add_many(accounts(ACCOUNTS))
    qtbot.waitUntil(lambda: window.model.rowCount() == ACCOUNTS)
    window.tick()  # the first tick in sight repaints everything once
    QApplication.processEvents()
    return window


class PaintRegions(QObject):
    """Collects the regions the viewport repaints."""

    def __init__(self, widget) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.regions: list[QRegion] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.regions.append(QRegion(event.region()))
        return False


class Spy:
    """Records the model's dataChanged rows/roles and the list's repaints."""

    def __init__(self, win) -> None:  # type: ignore[no-untyped-def]
        self.changed: list[tuple[int, int, list[int]]] = []
        win.model.dataChanged.connect(
            lambda a, b, roles: self.changed.append((a.row(), b.row(), list(roles))))
        self.paints = PaintRegions(win.codes.view.viewport())

    @property
    def painted(self) -> int:
        return len(self.paints.regions)

    def rows(self) -> set[int]:
        return {r for first, last, _ in self.changed for r in range(first, last + 1)}


def ring_area(win) -> QRegion:  # type: ignore[no-untyped-def]
    view = win.codes.view
    area = QRegion()
    for row in view.visible_rows():
        rect = view.visualRect(win.proxy.index(row, 0))
        area = area.united(view.itemDelegate().ring_rect(view.font(), rect))
    return area


def test_tick_signals_only_rows_on_screen_and_only_countdown_roles(crowded, timebase):
    on_screen = crowded.codes.view.visible_source_rows()
    assert 0 < len(on_screen) < ACCOUNTS / 2
    spy = Spy(crowded)
    timebase.advance(1)  # 19 s left: only the countdown moved
    crowded.tick()
    assert spy.rows() and spy.rows() <= set(on_screen)
    assert all(roles == [int(r) for r in COUNTDOWN_ROLES] for _, _, roles in spy.changed)
    spy.changed.clear()
    timebase.advance(19)  # a new step: the codes change, still only on screen
    crowded.tick()
    assert spy.rows() == set(on_screen)
    assert all(Role.CODE in roles for _, _, roles in spy.changed)


def settle(qtbot, regions: PaintRegions) -> None:
    """Qt 6 repaints on the window's next frame: wait for that paint (not for a time)."""
    qtbot.waitUntil(lambda: bool(regions.regions))


def test_countdown_tick_repaints_only_the_rings(qtbot, crowded, timebase):
    viewport = crowded.codes.view.viewport()
    regions = PaintRegions(viewport)
    viewport.update()
    settle(qtbot, regions)  # nothing left over from start-up
    regions.regions.clear()
    timebase.advance(1)
    crowded.tick()
    settle(qtbot, regions)
    rings = ring_area(crowded)
    for region in regions.regions:
        assert region.subtracted(rings).isEmpty(), "painted more than the rings"
    regions.regions.clear()
    timebase.advance(19)  # new codes: whole rows are repainted
    crowded.tick()
    settle(qtbot, regions)
    painted = QRegion()
    for region in regions.regions:
        painted = painted.united(region)
    assert not painted.subtracted(rings).isEmpty()


def _on_screen(win) -> QImage:  # type: ignore[no-untyped-def]
    """What the window's backing store holds for the list (not a fresh render)."""
    view = win.codes.view
    top_left = view.viewport().mapTo(win, view.viewport().rect().topLeft())
    shot = win.screen().grabWindow(win.winId()).toImage()
    ratio = shot.devicePixelRatio()
    size = view.viewport().size()
    return shot.copy(QRect(int(top_left.x() * ratio), int(top_left.y() * ratio),
                           int(size.width() * ratio), int(size.height() * ratio)))


def test_ring_only_repaints_show_what_a_full_repaint_shows(qtbot, crowded, timebase,
                                                           monkeypatch):
    viewport = crowded.codes.view.viewport()
    regions = PaintRegions(viewport)
    drawn: list[int] = []
    paint_rings = AccountDelegate.paint_rings

    def counting(delegate, painter, font, rows):  # type: ignore[no-untyped-def]
        done = paint_rings(delegate, painter, font, rows)
        drawn.append(len(rows) if done else 0)
        return done

    monkeypatch.setattr(AccountDelegate, "paint_rings", counting)
    viewport.update()
    settle(qtbot, regions)
    for _ in range(3):  # 17 s left after partial repaints of the rings only
        regions.regions.clear()
        timebase.advance(1)
        crowded.tick()
        settle(qtbot, regions)
    on_screen = len(crowded.codes.view.visible_rows())
    assert drawn and all(n == on_screen for n in drawn)  # all rings in one call, each tick
    partial = _on_screen(crowded)
    if partial.isNull():
        pytest.skip("this platform plugin cannot read back the window")
    regions.regions.clear()
    viewport.update()  # everything painted from scratch
    settle(qtbot, regions)
    assert regions.regions[-1].boundingRect() == viewport.rect()
    assert _on_screen(crowded) == partial
    index = crowded.proxy.index(0, 0)
    assert index.data(Role.SECONDS_LEFT) == 17


@pytest.mark.parametrize("how", ["hidden", "minimised"])
def test_window_out_of_sight_does_no_row_work(qtbot, crowded, timebase, how):
    if how == "hidden":
        crowded.hide()  # what "close to tray" does
    else:
        crowded.showMinimized()
        qtbot.waitUntil(crowded.isMinimized)
    QApplication.processEvents()
    spy = Spy(crowded)
    for _ in range(65):  # through two step boundaries
        timebase.advance(1)
        crowded.tick()
        QApplication.processEvents()
    assert spy.changed == [] and spy.painted == 0
    crowded.showNormal()
    qtbot.waitExposed(crowded)
    crowded.tick()  # same second (a restored window may not be repainted by the platform)
    # Shown again: painted from fresh data, not from what was current when it went away.
    qtbot.waitUntil(lambda: spy.painted > 0)
    assert spy.changed == []
    index = crowded.proxy.index(0, 0)
    account = index.data(Role.ACCOUNT)
    state = index.data(Role.PAINT)
    assert state.code == group_code(code_at(account, timebase.now()))
    assert state.seconds == 15


def test_locked_window_ticks_without_rows_and_carets_stop_blinking(qtbot, crowded, timebase):
    hints = QGuiApplication.styleHints()
    blinking = hints.cursorFlashTime()
    crowded.lock()
    spy = Spy(crowded)
    assert crowded.ticker.is_active()  # auto-lock is done, clipboard clearing goes on
    try:
        timebase.advance(3)
        crowded.tick()
        assert hints.cursorFlashTime() == blinking
        timebase.advance(3)  # 6 s without input: the caret stays, steady
        crowded.tick()
        assert hints.cursorFlashTime() == 0
        qtbot.keyClick(crowded.unlock_page.password, Qt.Key.Key_A)
        crowded.tick()
        assert hints.cursorFlashTime() == blinking
        assert spy.changed == []
    finally:
        hints.setCursorFlashTime(blinking)


def test_model_tick_touches_only_the_rows_it_is_given():
    time = FakeTimeBase(1_700_000_020.0)
    model = AccountListModel(time.now)
    model.set_accounts(accounts(2_000))
    seen: list[tuple[int, int, list[int]]] = []
    model.dataChanged.connect(lambda a, b, roles: seen.append((a.row(), b.row(), list(roles))))
    time.advance(20)  # the step ends: codes change for every row...
    model.tick([1500, 5, 6, 7, 9])
    assert seen == [(5, 7, [int(r) for r in CODE_ROLES]), (9, 9, [int(r) for r in CODE_ROLES]),
                    (1500, 1500, [int(r) for r in CODE_ROLES])]
    seen.clear()
    time.advance(30)
    model.tick([])  # ...but nobody looks: nothing is signalled
    assert seen == []
    time.advance(25)  # entering the last seconds: urgent roles, without the codes
    model.tick(range(3))
    assert [roles for _, _, roles in seen] == [[int(Role.URGENT), int(Role.NEXT_CODE),
                                                *(int(r) for r in COUNTDOWN_ROLES)]]
    assert Role.CODE not in seen[0][2]
    seen.clear()
    model.tick()  # None: every row (no view, or a clock jump)
    assert seen == []  # same second: nothing moved
    time.advance(1)
    model.tick()
    assert seen == [(0, 1_999, [int(r) for r in COUNTDOWN_ROLES])]


def test_view_reports_rows_on_screen_through_the_filter(qtbot):
    time = FakeTimeBase(1_700_000_020.0)
    model = AccountListModel(time.now)
    model.set_accounts(accounts(200))
    proxy = AccountFilterModel()
    proxy.setSourceModel(model)
    view = CountdownListView()
    view.setModel(proxy)
    view.setItemDelegate(AccountDelegate(view))
    view.setUniformItemSizes(True)
    view.resize(500, 400)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    proxy.set_search("issuer 1")  # Issuer 001, 010-019, 100-199: not contiguous
    view.scrollToTop()
    QApplication.processEvents()
    rows = view.visible_source_rows()
    assert rows and rows[0] == 1 and rows[1:3] == [10, 11]
    assert [model.index(r, 0).data(Role.ISSUER) for r in rows] == [
        proxy.index(r, 0).data(Role.ISSUER) for r in view.visible_rows()]
    view.hide()
    assert view.visible_source_rows() == []


@pytest.mark.parametrize(("search", "tag", "expected"), [
    ("", None, ["GitHub", "Bank (x.y)", "Straße", "Cloud"]),
    ("git", None, ["GitHub"]),
    ("GIT hub", None, ["GitHub"]),
    ("(x.y", None, ["Bank (x.y)"]),         # regular expression characters are text
    ("x*y", None, []),
    ("STRASSE", None, ["Straße"]),          # casefolded, as before
    ("work", None, ["GitHub", "Cloud"]),    # tags are searched too, any case
    ("", "Work", ["GitHub"]),               # the tag filter is exact
    ("", "c++", ["Cloud"]),
    ("hub", "c++", []),
    ("", "work", ["Cloud"]),
])
def test_filter_is_done_by_qt_with_the_same_matches(search, tag, expected):
    time = FakeTimeBase(1_700_000_020.0)
    model = AccountListModel(time.now)
    key = os.urandom(20)
    model.set_accounts([Account(secret=key, issuer="GitHub", name="alice", tags=("Work",)),
                        Account(secret=key, issuer="Bank (x.y)", name="bob"),
                        Account(secret=key, issuer="Straße", name="carol"),
                        Account(secret=key, issuer="Cloud", name="dan", tags=("c++", "work"))])
    proxy = AccountFilterModel()
    proxy.setSourceModel(model)
    proxy.set_search(search)
    proxy.set_tag(tag)
    assert type(proxy).filterAcceptsRow is AccountFilterModel.__mro__[1].filterAcceptsRow
    assert [proxy.index(r, 0).data(Role.ISSUER) for r in range(proxy.rowCount())] == expected


def test_ticks_are_sparse_while_nothing_on_screen_moves(qtbot, crowded, timebase):
    ticker = crowded.ticker
    assert ticker.interval == 1
    crowded.hide()
    crowded.tick()
    assert ticker.interval == QUIET_TICK_SECONDS and ticker.is_active()
    crowded.clipboard.copy("123456")  # a code waits to be cleared: every second again
    crowded.tick()
    assert ticker.interval == 1
    timebase.advance(crowded.clipboard.delay_seconds)
    crowded.tick()  # cleared on time
    assert not crowded.clipboard.pending and ticker.interval == QUIET_TICK_SECONDS
    timebase.advance(7)  # between two sparse ticks...
    crowded.show()  # ...the window comes back: fresh at once, and every second again
    assert ticker.interval == 1
    state = crowded.proxy.index(0, 0).data(Role.PAINT)
    account = crowded.proxy.index(0, 0).data(Role.ACCOUNT)
    assert state.code == group_code(code_at(account, timebase.now()))
    assert state.seconds == 30 - int(timebase.now()) % 30
    crowded.lock()
    crowded.tick()
    assert ticker.interval == QUIET_TICK_SECONDS  # the unlock page: nothing moves either
