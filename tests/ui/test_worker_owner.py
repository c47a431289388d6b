"""Background work belongs to an owner: a result that arrives after its dialog is gone is
dropped instead of touching deleted widgets (what locking does to open dialogs)."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject, Qt

from authenticator.core.errors import InternalError
from authenticator.ui.common.worker import pending_jobs, run_in_background
from authenticator.ui.transfer.common import PasswordGate


def test_password_gate_result_after_the_dialog_was_deleted_is_dropped(qtbot):
    release = threading.Event()
    started = threading.Event()
    passed: list[bool] = []

    def verify(password: str) -> bool:
        started.set()
        release.wait(10)
        return password == "secret"

    gate = PasswordGate(verify, "Purpose.", lambda: passed.append(True))
    gate.show()
    qtbot.keyClicks(gate.password, "secret")
    qtbot.mouseClick(gate.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=5000)
    gate.reject()  # what locking does to every open dialog ...
    shiboken6.delete(gate)  # ... and the dialog is deleted afterwards
    release.set()
    qtbot.waitUntil(lambda: pending_jobs() == 0, timeout=5000)
    qtbot.wait(20)  # let any queued delivery run (pytest-qt fails on exceptions in slots)
    assert passed == []


def test_results_reach_a_living_owner(qtbot):
    owner = QObject()
    got: list[object] = []
    run_in_background(lambda: 41 + 1, got.append, got.append, context=owner)
    qtbot.waitUntil(lambda: got == [42], timeout=5000)
    run_in_background(lambda: 1 / 0, got.append, got.append, context=owner)
    qtbot.waitUntil(lambda: len(got) == 2, timeout=5000)
    error = got[1]
    assert isinstance(error, InternalError)  # typed, named by its type only
    assert str(error) == "unexpected internal error (ZeroDivisionError)"
    assert error.__traceback__ is None  # its frames could hold a password


def test_errors_after_the_owner_died_are_dropped(qtbot):
    owner = QObject()
    release = threading.Event()
    got: list[object] = []

    def slow() -> int:
        release.wait(10)
        raise OSError(5, "Input/output error")

    run_in_background(slow, got.append, got.append, context=owner)
    shiboken6.delete(owner)
    release.set()
    qtbot.waitUntil(lambda: pending_jobs() == 0, timeout=5000)
    qtbot.wait(20)
    assert got == []
