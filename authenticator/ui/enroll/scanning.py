"""Decoding for the Add dialog: one job at a time in a worker, newer jobs drop older ones.

Image files, pasted images and screen grabs are decoded in a worker thread; listing the
cameras counts as a job too. A result arrives only if its job is still the newest and
the dialog is open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt

from authenticator.ui.common.messages import error_sentence
from authenticator.ui.common.worker import run_in_background

if TYPE_CHECKING:
    import numpy as np

    from authenticator.core.account import Account
    from authenticator.core.errors import AuthenticatorError
    from authenticator.core.migration import MigrationBatch
    from authenticator.scan.pipeline import ScanResult


def scan_arrays(arrays: Sequence[np.ndarray]) -> list[ScanResult]:
    from authenticator.scan.pipeline import scan_array

    return [scan_array(a) for a in arrays]


def scan_paths(paths: Sequence[str]) -> list[ScanResult]:
    from authenticator.scan.pipeline import scan_file

    return [scan_file(p) for p in paths]


class ScanHost(Protocol):
    """What the jobs need from the Add dialog."""

    def show_info(self, text: str) -> None: ...
    def show_error(self, error: str | AuthenticatorError) -> None: ...
    def accept_found(self, accounts: list[Account], batches: list[MigrationBatch]) -> None: ...
    def setCursor(self, cursor: Qt.CursorShape) -> None: ...
    def unsetCursor(self) -> None: ...


class ScanJobs:
    """Numbered jobs for ``host``; ``closed`` (the dialog went away) drops every result."""

    def __init__(self, host: ScanHost, owner: QObject) -> None:
        self._host = host
        self._owner = owner  # late results are dropped once it is deleted
        self._job = 0
        self._pending = 0
        self.closed = False

    def next(self) -> int:
        """A new job number: results of every older job are dropped from now on."""
        self._job += 1
        return self._job

    def current(self, job: int) -> bool:
        return not self.closed and job == self._job

    def pending(self) -> bool:
        """A decode is running (the busy cursor shows)."""
        return self._pending == self._job and self._job != 0

    def cancel(self) -> None:
        """Forget running decodes (their results are dropped)."""
        if self.pending():
            self._host.unsetCursor()
        self.next()

    def scan(self, work: Callable[[], list[ScanResult]],
             on_nothing: Callable[[str], None] | None = None) -> None:
        """Decode in a worker; what is found goes to ``host.accept_found``, else the first
        error (``on_nothing`` instead, for the screen route's drag-a-box step)."""
        job = self.next()
        self._pending = job
        host = self._host
        host.show_info(QCoreApplication.translate("EnrollDialog", "Looking for a QR code…"))
        host.setCursor(Qt.CursorShape.BusyCursor)

        def done(results: list[ScanResult]) -> None:
            if not self.current(job):
                return
            self._pending = 0
            host.unsetCursor()
            accounts = [a for r in results for a in r.accounts]
            batches = [b for r in results for b in r.migration_batches]
            if accounts or batches:
                host.accept_found(accounts, batches)
                return
            from authenticator.scan.pipeline import ScanError, ScanProblem

            failure = next((r.failure() for r in results if r.problem is not None),
                           ScanError(ScanProblem.NO_QR))
            if on_nothing is not None:
                on_nothing(error_sentence(failure))
            else:
                host.show_error(failure)

        def failed(error: AuthenticatorError) -> None:
            if self.current(job):
                self._pending = 0
                host.unsetCursor()
                host.show_error(error)

        run_in_background(work, done, failed, context=self._owner)
