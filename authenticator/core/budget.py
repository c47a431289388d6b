"""A total budget of key-derivation work for one open or one import.

A file chooses its own KDF parameters, so a tampered or hostile file could ask for 4 GiB of
memory per slot, a thousand slots, or an hour of work. Each open or import gets one
budget; every derivation the file would need is checked against it *before* the first one
runs, and anything beyond is refused at once with a clear message. The limits are
parameters, not seconds: a vault made on a fast machine still opens on a slow one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from authenticator.core.errors import AuthenticatorError

MIB = 1024 * 1024


class KdfBudgetError(AuthenticatorError):
    """The file asks for more key-derivation work than allowed (nothing was derived)."""


@dataclass(frozen=True, slots=True)
class KdfCost:
    """One derivation: the memory it needs and its passes over that memory (PBKDF2: memory
    1, passes = iterations)."""

    memory: int
    passes: int


@dataclass(frozen=True, slots=True)
class KdfBudget:
    """``max_memory`` per derivation, ``max_work`` = sum of memory x passes, ``max_runs``
    derivations (i.e. password slots tried)."""

    max_memory: int
    max_work: int
    max_runs: int

    def check(self, costs: Sequence[KdfCost], what: str) -> None:
        """Refuse (KdfBudgetError) if running all of ``costs`` would exceed the budget."""
        prefix = f"{what} asks for more key-derivation work than Authenticator allows"
        suffix = "; it was not made by a supported app, or it was tampered with"
        if len(costs) > self.max_runs:
            raise KdfBudgetError(f"{prefix} ({len(costs)} password slots, at most "
                                 f"{self.max_runs}){suffix}")
        for cost in costs:
            if cost.memory > self.max_memory:
                raise KdfBudgetError(f"{prefix} ({_size(cost.memory)} of memory, at most "
                                     f"{_size(self.max_memory)}){suffix}")
        total = sum(c.memory * c.passes for c in costs)
        if total > self.max_work:
            raise KdfBudgetError(f"{prefix} ({self._work(total)}, at most "
                                 f"{self._work(self.max_work)}){suffix}")

    def _work(self, work: int) -> str:
        if self.max_memory == 1:
            return f"{work:,} iterations"
        return f"{work // MIB:,} MiB x passes"


def _size(memory: int) -> str:
    return f"{memory // MIB} MiB" if memory >= MIB else f"{memory} bytes"


#: Our vault (Argon2id). The app creates 64 MiB with at most 64 passes (calibration's cap),
#: one password slot: so 4 GiB x passes in total, 256 MiB per derivation, 2 slots.
VAULT_BUDGET = KdfBudget(max_memory=256 * MIB, max_work=64 * MIB * 64, max_runs=2)
#: Aegis (scrypt N=2^15 r=8 p=1 = 32 MiB by default; memory 128*r*N, passes p).
SCRYPT_BUDGET = KdfBudget(max_memory=256 * MIB, max_work=1024 * MIB, max_runs=4)
#: PBKDF2 (andOTP uses 140,000-160,000 iterations, 2FAS 10,000): total iterations.
PBKDF2_BUDGET = KdfBudget(max_memory=1, max_work=2_000_000, max_runs=2)
