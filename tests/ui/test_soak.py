"""Soak: a ticking list must survive hours of updates.

PySide6 6.12.0 aborted (bool_dealloc) after ~20,000 dataChanged emissions or data()
calls; we pin below 6.12. This test is the regression guard for that pin and for any
future upgrade: 50,000 model updates with a real view attached and painting.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListView

from authenticator.core.account import Account, OtpKind
from authenticator.ui.codes.delegate import AccountDelegate
from authenticator.ui.codes.filter import AccountFilterModel
from authenticator.ui.codes.model import AccountListModel, Role
from authenticator.ui.common.timebase import FakeTimeBase

UPDATES = 50_000


@pytest.mark.slow
def test_fifty_thousand_updates_with_view_attached(qtbot):
    time = FakeTimeBase(1_700_000_000.0)
    model = AccountListModel(time.now)
    kinds = [OtpKind.TOTP, OtpKind.STEAM, OtpKind.HOTP]
    model.set_accounts([Account(secret=os.urandom(20), issuer=f"Issuer {i}", name=f"user{i}",
                                kind=kinds[i % 3], period=30 if i % 4 else 15)
                        for i in range(12)])
    proxy = AccountFilterModel()
    proxy.setSourceModel(model)
    view = QListView()
    view.setModel(proxy)
    view.setItemDelegate(AccountDelegate(view))
    view.resize(500, 900)
    qtbot.addWidget(view)
    view.show()
    emitted = 0

    def count(*_args: object) -> None:
        nonlocal emitted
        emitted += 1

    model.dataChanged.connect(count)
    ticks = 0
    while emitted < UPDATES:
        time.advance(1)
        model.tick()
        ticks += 1
        if ticks % 50 == 0:
            view.viewport().repaint()  # paints every row: thousands of data() calls
            QApplication.processEvents()
    first = proxy.index(0, 0)
    assert first.data(Role.SECONDS_LEFT) in range(1, 31)
    assert first.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Issuer 0, user0, code ")
    assert emitted >= UPDATES
