"""Run slow work (KDF, decoding, network) off the GUI thread; results come back as signals.

Only plain data crosses threads: the function runs in a pool thread and its result or
its (user-facing) error is delivered on the GUI thread through a queued signal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from authenticator.core.errors import AuthenticatorError


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except AuthenticatorError as exc:
            self.relay.failed.emit(str(exc))
        except OSError as exc:
            self.relay.failed.emit(exc.strerror or "input/output error")
        except Exception as exc:  # never let a worker die silently or show internals
            self.relay.failed.emit(f"unexpected internal error ({type(exc).__name__})")
        else:
            self.relay.succeeded.emit(result)


_pending: set[_Relay] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_result: Callable[[Any], None],
    on_error: Callable[[str], None],
    pool: QThreadPool | None = None,
) -> None:
    """Run ``fn()`` in a pool thread; call ``on_result``/``on_error`` on the GUI thread."""
    relay = _Relay()
    _pending.add(relay)

    def done(result: Any) -> None:
        _pending.discard(relay)
        on_result(result)

    def failed(message: str) -> None:
        _pending.discard(relay)
        on_error(message)

    relay.succeeded.connect(done)
    relay.failed.connect(failed)
    (pool or QThreadPool.globalInstance()).start(_Job(fn, relay))


def pending_jobs() -> int:
    return len(_pending)
