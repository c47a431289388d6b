"""The parts of a multi-code Google Authenticator export, collected in any order.

Big exports are split into several QR codes (``batch_size`` > 1); each part parses on its
own (:func:`~authenticator.core.migration.parse_migration_uri`) and the assembler says
which parts are still missing.
"""

from __future__ import annotations

from collections.abc import Sequence

from authenticator.core.account import Account
from authenticator.core.migration import MigrationBatch
from authenticator.core.uri import UriError


def part_ranges(numbers: Sequence[int]) -> str:
    """Part numbers as short ranges, e.g. ``1, 3-5, 9`` (sorted input)."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


class MigrationAssembler:
    """Collects the parts of a multi-code export, in any order."""

    def __init__(self) -> None:
        self._batches: dict[int, MigrationBatch] = {}
        self._size = 0
        self._batch_id: int | None = None

    def add(self, batch: MigrationBatch) -> None:
        """Add one part (adding the same part twice is harmless)."""
        if self._batch_id is not None:
            if batch.batch_id != self._batch_id:
                raise UriError(
                    "this code belongs to a different export; "
                    "scan the remaining codes of the same export"
                )
            if batch.batch_size != self._size:
                raise UriError(
                    f"this code says the export has {batch.batch_size} parts, "
                    f"the earlier ones said {self._size}"
                )
        else:
            self._batch_id = batch.batch_id
            self._size = batch.batch_size
        self._batches[batch.batch_index] = batch

    def missing(self) -> list[int]:
        """1-based part numbers still to scan (empty before the first part is added)."""
        return [i + 1 for i in range(self._size) if i not in self._batches]

    def received(self) -> list[int]:
        """1-based part numbers read so far, in order."""
        return [i + 1 for i in sorted(self._batches)]

    @property
    def complete(self) -> bool:
        return self._batch_id is not None and len(self._batches) == self._size

    @property
    def skipped(self) -> list[str]:
        return [reason for i in sorted(self._batches) for reason in self._batches[i].skipped]

    def accounts(self) -> list[Account]:
        """Accounts of the parts added so far, in export order."""
        return [account for i in sorted(self._batches) for account in self._batches[i].accounts]
