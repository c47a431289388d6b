"""OTP engine speed and CLI start-up time, as measured ratios with targets.

Run: ``python benchmarks/otp.py`` (from the repository root). Prints one line per
figure with PASS/FAIL next to each target; exits 1 when a target is missed.

1. Codes per second of ``code_at`` on a typical account (20-byte key, SHA1, 6 digits,
   30 s) against a bare ``hmac`` + ``struct`` TOTP written inline below.
   Target: engine / baseline >= 0.5.
2. Start-up of ``python -m authenticator code --uri URI`` against ``python -c pass``,
   median of several runs each. Target: ratio <= 3.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import statistics
import struct
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from authenticator.core.account import Account  # noqa: E402
from authenticator.core.otp import code_at  # noqa: E402

SECRET = bytes(range(20))
URI = "otpauth://totp/Bench:user?secret=AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQT&issuer=Bench"
ENGINE_TARGET = 0.5
STARTUP_TARGET = 3.0
CODES = 50_000
REPEATS = 5
STARTUP_RUNS = 10


def baseline_code(key: bytes, now: int) -> str:
    """The simplest correct TOTP: what a few lines of hmac + struct give."""
    mac = hmac.new(key, struct.pack(">Q", now // 30), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 1_000_000).zfill(6)


def codes_per_second(make_code: Callable[[int], str]) -> float:
    """Best of several timed loops over distinct time steps."""
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for i in range(CODES):
            make_code(1_700_000_000 + 30 * i)
        best = min(best, time.perf_counter() - start)
    return CODES / best


def median_seconds(command: list[str]) -> float:
    times = []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # Measure what users get: byte-code cached after the first start (some environments,
    # this project's CI machine among them, set PYTHONDONTWRITEBYTECODE).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)  # warm-up
    for _ in range(STARTUP_RUNS):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def bench_engine() -> bool:
    account = Account(secret=SECRET, issuer="Bench", name="user")
    # Both must agree before their speeds are worth comparing.
    for now in (0, 59, 1_700_000_000, 2**33):
        assert code_at(account, now) == baseline_code(SECRET, now)
    engine = codes_per_second(lambda now: code_at(account, now))
    baseline = codes_per_second(lambda now: baseline_code(SECRET, now))
    ratio = engine / baseline
    ok = ratio >= ENGINE_TARGET
    print(f"engine   code_at          {engine:12,.0f} codes/s")
    print(f"baseline hmac+struct      {baseline:12,.0f} codes/s")
    print(f"engine/baseline ratio     {ratio:12.2f}   target >= {ENGINE_TARGET}  "
          f"{verdict(ok)}")
    return ok


def bench_startup() -> bool:
    cli = [sys.executable, "-m", "authenticator", "code", "--uri", URI]
    probe = subprocess.run(cli, cwd=ROOT, capture_output=True, text=True, check=False)
    code = probe.stdout.strip()
    if probe.returncode != 0 or not (len(code) == 6 and code.isdigit()):
        reason = (probe.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"start-up  `code --uri` does not print a code yet ({reason[:80]})  FAIL")
        return False
    cli_time = median_seconds(cli)
    bare_time = median_seconds([sys.executable, "-c", "pass"])
    ratio = cli_time / bare_time
    ok = ratio <= STARTUP_TARGET
    print(f"start-up  code --uri      {cli_time * 1000:9.1f} ms (median of {STARTUP_RUNS})")
    print(f"start-up  python -c pass  {bare_time * 1000:9.1f} ms (median of {STARTUP_RUNS})")
    print(f"start-up ratio            {ratio:12.2f}   target <= {STARTUP_TARGET}  "
          f"{verdict(ok)}")
    return ok


def main() -> int:
    results = [bench_engine(), bench_startup()]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
