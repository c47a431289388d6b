"""Vault timings with 1,000 accounts: unlock (KDF vs the rest), save, KDF calibration.

Targets: unlock without the KDF <= 50 ms; save (incl. backup, fsync, rename) <= 50 ms and
zero KDF runs during saves. Prints measured figures and PASS/FAIL; exit status 1 on FAIL.
Run: .venv/bin/python benchmarks/vault.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from authenticator.core.account import Account
from authenticator.storage import Vault, calibrate_kdf, kdf

ACCOUNTS = 1000
SAVES = 10
UNLOCKS = 3
TARGET_MS = 50.0
PASSWORD = "benchmark password"


class CountingKdf:
    """Wraps kdf.derive_key: counts calls and the time spent inside."""

    def __init__(self) -> None:
        self.real = kdf.derive_key
        self.calls = 0
        self.seconds = 0.0

    def __call__(self, password: str, params: kdf.KdfParams, salt: bytes) -> bytes:
        start = time.perf_counter()
        try:
            return self.real(password, params, salt)
        finally:
            self.calls += 1
            self.seconds += time.perf_counter() - start


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    start = time.perf_counter()
    params = calibrate_kdf()
    calibration = time.perf_counter() - start
    print(f"KDF calibration: {calibration * 1000:.0f} ms -> Argon2id memory "
          f"{params.memory_kib} KiB, iterations {params.iterations}, lanes {params.lanes} "
          f"(OWASP minimum met: {params.meets_owasp_minimum})")

    counter = CountingKdf()
    kdf.derive_key = counter  # type: ignore[assignment]
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "vault.authvault"
        vault = Vault.create(path, PASSWORD, kdf=params)
        for i in range(ACCOUNTS):
            vault.add(Account(secret=os.urandom(20), issuer=f"Service {i}",
                              name=f"user{i}@example.com", tags=("bench",)))
        vault.save()
        print(f"vault file: {path.stat().st_size / 1024:.0f} KiB with {ACCOUNTS} accounts")

        runs = []
        for _ in range(UNLOCKS):
            counter.calls, counter.seconds = 0, 0.0
            start = time.perf_counter()
            vault = Vault.open(path, PASSWORD)
            total = time.perf_counter() - start
            runs.append((total, counter.seconds, counter.calls))
        total, kdf_seconds, calls = sorted(runs, key=lambda run: run[0] - run[1])[UNLOCKS // 2]
        rest_ms = (total - kdf_seconds) * 1000
        ok = rest_ms <= TARGET_MS and calls == 1
        failed |= not ok
        print(f"unlock (median of {UNLOCKS}): {total * 1000:.0f} ms total = KDF "
              f"{kdf_seconds * 1000:.0f} ms ({calls} run) + rest {rest_ms:.1f} ms "
              f"(target <= {TARGET_MS:.0f} ms) {verdict(ok)}")

        counter.calls = 0
        timings = []
        for i in range(SAVES):
            account = vault.accounts[i]
            vault.update(account.evolve(note=f"edit {i}"))
            start = time.perf_counter()
            vault.save()
            timings.append((time.perf_counter() - start) * 1000)
        median, worst = statistics.median(timings), max(timings)
        ok = median <= TARGET_MS and counter.calls == 0
        failed |= not ok
        print(f"save (backup + write + fsync + rename + dir fsync), {SAVES} saves: median "
              f"{median:.1f} ms, worst {worst:.1f} ms (target <= {TARGET_MS:.0f} ms) "
              f"{verdict(median <= TARGET_MS)}")
        print(f"KDF runs during {SAVES} saves: {counter.calls} (target 0) "
              f"{verdict(counter.calls == 0)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
