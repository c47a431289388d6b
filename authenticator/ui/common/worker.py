"""Run slow work (KDF, decoding, network) off the GUI thread; results come back as signals.

Only plain data crosses threads: the function runs in a pool thread and its result or
its error is delivered on the GUI thread through a queued signal, to an owner (``context``)
whose destruction drops late results. The error is always a typed
:class:`AuthenticatorError` without its traceback (whose frames could hold a password):
an ``OSError`` becomes a :class:`FileSystemError`, anything else an :class:`InternalError`
named by its type. ``ui.common.messages.describe`` gives its sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from authenticator.core.errors import AuthenticatorError, FileSystemError, InternalError

_home: QObject | None = None


def _relay_home() -> QObject:
    """The parent of every relay: owned by C++, a relay is never deleted by Python
    dropping its last reference (which could happen in the pool thread)."""
    global _home
    if _home is None or not shiboken6.isValid(_home):
        _home = QObject()
    return _home


class _Relay(QObject):
    """Carries the result from the pool thread to the GUI thread. It does not depend on the
    owner: it still exists when the job ends, whatever happened to the owner meanwhile.

    Clean-up happens on the GUI thread, once the result was delivered or can no longer be
    (the owner died). Qt 6 drops queued calls of a deleted sender, so the relay must
    outlive the delivery of its result.
    """

    succeeded = Signal(object)
    failed = Signal(object)  # AuthenticatorError

    def __init__(self) -> None:
        super().__init__(_relay_home())
        self.delivery: QObject | None = None
        self._released = False
        # Connected first, so it runs just before the delivery's own queued call.
        self.succeeded.connect(self._finish)
        self.failed.connect(self._finish)

    def _finish(self, _value: object) -> None:
        if self.delivery is None or not shiboken6.isValid(self.delivery):
            self.release()  # the owner died: nobody will take the result

    def release(self) -> None:
        if not self._released:
            self._released = True
            _pending.discard(self)
            self.deleteLater()


class _Delivery(QObject):
    """A child of the owner: it dies with it, and Qt then drops the queued result."""

    def __init__(self, owner: QObject, relay: _Relay, on_result: Callable[[Any], None],
                 on_error: Callable[[AuthenticatorError], None]) -> None:
        super().__init__(owner)
        self._owner = owner
        self._relay = relay
        self._on_result: Callable[[Any], None] | None = on_result
        self._on_error: Callable[[AuthenticatorError], None] | None = on_error
        relay.delivery = self

    def deliver(self, result: object) -> None:
        callback, self._on_result, self._on_error = self._on_result, None, None
        try:
            if callback is not None and shiboken6.isValid(self._owner):
                callback(result)
        finally:
            self._relay.release()
            self.deleteLater()

    def deliver_error(self, error: AuthenticatorError) -> None:
        callback, self._on_result, self._on_error = self._on_error, None, None
        try:
            if callback is not None and shiboken6.isValid(self._owner):
                callback(error)
        finally:
            self._relay.release()
            self.deleteLater()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # never let a worker die silently or show internals
            self.relay.failed.emit(typed_error(exc))
        else:
            self.relay.succeeded.emit(result)


def typed_error(exc: Exception) -> AuthenticatorError:
    """What a failed job hands to the GUI thread: typed, and with no traceback."""
    if isinstance(exc, AuthenticatorError):
        error = exc
    elif isinstance(exc, OSError):
        error = FileSystemError.of(exc)
    else:
        error = InternalError(type(exc).__name__)
    error.__traceback__ = error.__context__ = error.__cause__ = None
    return error


_pending: set[_Relay] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_result: Callable[[Any], None],
    on_error: Callable[[AuthenticatorError], None],
    *,
    context: QObject,
    pool: QThreadPool | None = None,
) -> None:
    """Run ``fn()`` in a pool thread; call ``on_result``/``on_error`` on the GUI thread.

    ``context`` owns the work: once it is destroyed (a dialog closed and deleted, a window
    gone), a late result or error is dropped instead of reaching widgets that no longer
    exist. Pass bound methods of the owner (or of its children) as the callbacks.
    """
    relay = _Relay()
    _pending.add(relay)
    delivery = _Delivery(context, relay, on_result, on_error)
    # Bound methods of a QObject: Qt disconnects them when ``delivery`` is destroyed.
    relay.succeeded.connect(delivery.deliver)
    relay.failed.connect(delivery.deliver_error)
    (pool or QThreadPool.globalInstance()).start(_Job(fn, relay))


def pending_jobs() -> int:
    """Jobs whose result has not come back to the GUI thread yet."""
    return len(_pending)
