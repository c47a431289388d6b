"""Hostile files and links: each must be refused within 2 s and 256 MiB (peak RSS).

Every case runs in a fresh child process; the parent measures its wall time and peak
resident memory (``wait4`` rusage) and prints the figures with the first words of the
refusal. Then the legitimate side of the budgets: the strongest vault this app can create
(64 MiB x 64 passes) passes the budget check, and a vault calibrated on this machine opens.
Exit status 1 if a hostile case is accepted or exceeds a limit.
Run: .venv/bin/python benchmarks/hostile.py
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LIMIT_SECONDS = 2.0
LIMIT_MIB = 256.0
PASSWORD = "benchmark password"


# -- the cases (run in the child) ----------------------------------------------------------
def _tampered_vault(path: Path, memory_kib: int, iterations: int, slots: int) -> None:
    from authenticator.storage import container, kdf

    params = kdf.KdfParams(memory_kib=memory_kib, iterations=iterations)
    made = tuple(container.Slot(container.new_id(), container.SLOT_PASSWORD, os.urandom(12),
                                os.urandom(48), params, os.urandom(16)) for _ in range(slots))
    path.write_bytes(container.seal(os.urandom(32), "v" * 32, made, b"{}"))


def _aegis(path: Path, n: int, r: int, p: int, slots: int) -> None:
    slot = {"type": 1, "uuid": "u", "key": "00" * 32, "n": n, "r": r, "p": p,
            "salt": "00" * 32, "key_params": {"nonce": "00" * 12, "tag": "00" * 16}}
    doc = {"version": 1, "header": {"slots": [slot] * slots,
                                    "params": {"nonce": "00" * 12, "tag": "00" * 16}},
           "db": base64.b64encode(b"x" * 32).decode()}
    path.write_text(json.dumps(doc))


def _migration_link(parts: int) -> str:
    def varint(v: int) -> bytes:
        out = bytearray()
        while True:
            byte, v = v & 0x7F, v >> 7
            out.append(byte | (0x80 if v else 0))
            if not v:
                return bytes(out)
    payload = b"\x10\x01" + b"\x18" + varint(parts) + b"\x20\x00" + b"\x28\x07"
    return "otpauth-migration://offline?data=" + base64.b64encode(payload).decode()


def _cli(*args: str) -> None:
    """Exit 1 when the command refused the input (an ``error:`` line, or nothing imported
    and the reason listed), 3 when it accepted it."""
    import contextlib
    import io

    from authenticator.cli.main import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(list(args))
    text = err.getvalue().strip()
    print(text.splitlines()[0] if text else "", file=sys.stderr)
    refused = code == 1 or ("could not read" in text and "imported" not in text)
    raise SystemExit(1 if refused else 3)


def child(case: str, work: Path) -> None:
    os.environ["AUTHENTICATOR_PASSWORD"] = PASSWORD
    os.environ["AUTHENTICATOR_IMPORT_PASSWORD"] = PASSWORD
    vault = work / "vault.authvault"
    if case == "vault-4gib-memory":
        _tampered_vault(vault, 4 * 1024 * 1024, 1, 1)
    elif case == "vault-2000-slots":
        _tampered_vault(vault, 8, 1, 2000)
    elif case == "vault-256mib-x64":
        _tampered_vault(vault, 256 * 1024, 64, 1)
    elif case == "vault-fifo":
        os.mkfifo(vault)
    elif case == "vault-dev-zero":
        vault = Path("/dev/zero")
    elif case == "vault-8gib-sparse":
        with vault.open("wb") as f:
            f.truncate(8 * 1024**3)
    if case.startswith("vault-"):
        _cli("list", "--vault", str(vault))
        return
    source = work / "export"
    if case == "google-2^31-parts":
        source.write_text(_migration_link(2**31 - 1))
    elif case == "google-100000-parts-add":
        _cli("add", "--vault", str(work / "none"), _migration_link(100_000))
        return
    elif case == "aegis-scrypt-2^20-r32-p16":
        _aegis(source, 2**20, 32, 16, 1)
    elif case == "aegis-300-slots":
        _aegis(source, 2**15, 8, 1, 300)
    elif case == "backup-argon2-4gib-x64":
        _tampered_vault(source, 4 * 1024 * 1024, 64, 1)
    elif case == "andotp-2^32-iterations":
        source.write_bytes((2**32 - 1).to_bytes(4, "big") + os.urandom(12 + 12 + 40))
    else:
        raise SystemExit(f"unknown case {case}")
    _cli("import", str(source), "--dry-run",
         *(["--format", "andotp"] if case.startswith("andotp") else []))


CASES = ["vault-4gib-memory", "vault-2000-slots", "vault-256mib-x64", "vault-fifo",
         "vault-dev-zero", "vault-8gib-sparse", "google-2^31-parts", "google-100000-parts-add",
         "aegis-scrypt-2^20-r32-p16", "aegis-300-slots", "backup-argon2-4gib-x64",
         "andotp-2^32-iterations"]


def run_case(case: str) -> tuple[float, float, int, str]:
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, __file__, "--child", case, folder],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _pid, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out, err = (s.decode(errors="replace") for s in proc.communicate())
        text = (err.strip().splitlines() or out.strip().splitlines() or ["?"])[0]
        peak_mib = usage.ru_maxrss / 1024 if sys.platform != "darwin" else \
            usage.ru_maxrss / 1024 / 1024
        return elapsed, peak_mib, proc.returncode, text


def legit() -> None:
    from authenticator.storage import Vault, container, kdf

    strongest = container.Slot("s", container.SLOT_PASSWORD, b"\0" * 12, b"\0" * 48,
                               kdf.KdfParams(kdf.DEFAULT_MEMORY_KIB, kdf.MAX_ITERATIONS),
                               b"\0" * 16)
    parsed = container.parse(container.seal(os.urandom(32), "v" * 32, (strongest,), b"{}"))
    parsed.check_budget()
    print(f"{'strongest vault the app creates (64 MiB x 64)':<44} within the budget")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "v.authvault"
        params = kdf.calibrate_kdf()
        Vault.create(path, PASSWORD, kdf=params).close()
        start = time.perf_counter()
        Vault.open(path, PASSWORD).close()
        label = f"vault calibrated here ({params.memory_kib // 1024} MiB x {params.iterations})"
        print(f"{label:<44} opens in {time.perf_counter() - start:.2f} s")


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], Path(sys.argv[3]))
        return 0
    failed = False
    print(f"{'case':<28} {'seconds':>8} {'peak MiB':>9}  result")
    for case in CASES:
        elapsed, peak, code, text = run_case(case)
        ok = code == 1 and elapsed <= LIMIT_SECONDS and peak <= LIMIT_MIB
        failed |= not ok
        print(f"{case:<28} {elapsed:8.2f} {peak:9.1f}  {'PASS' if ok else 'FAIL'} "
              f"{text[:90]}")
    legit()
    print(f"limits: {LIMIT_SECONDS} s and {LIMIT_MIB:.0f} MiB per case; "
          f"{'FAIL' if failed else 'all refused within the limits'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
