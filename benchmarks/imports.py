"""Hostile import files are refused fast: time to refusal vs a normal import of the format.

Run: ``python benchmarks/imports.py``. Each hostile file claims huge work (a KDF count of
2^31 - 1, a 200 MB ZIP entry, an XML entity bomb, a 3 MB SQLite value...). Prints the
median time of each refusal and its ratio to importing an ordinary file of the same
format; exits 1 when a refusal takes longer than REFUSAL_TARGET_S.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from authenticator.portability.base import ImportFailed
from authenticator.portability.registry import import_bytes, import_file
from tests.portability import app_writers as w
from tests.portability.test_apps_backups import freeotp2_tokens
from tests.portability.writers import SAMPLE, make_andotp_encrypted

REFUSAL_TARGET_S = 1.0
PW = "benchmark pw"
RUNS = 3


def timed(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        with contextlib.suppress(ImportFailed):
            action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    folder = Path(tempfile.mkdtemp())
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Accounts.txt", b"\0" * (200 * 1024 * 1024))
    big = folder / "databases"
    conn = sqlite3.connect(big)
    conn.execute("CREATE TABLE accounts (email TEXT, secret TEXT, type INTEGER, "
                 "counter INTEGER, issuer TEXT)")
    conn.execute("INSERT INTO accounts VALUES ('a', ?, 0, 0, '')", ("A" * 3_000_000,))
    conn.commit()
    conn.close()
    normal_db = w.make_google_db(folder / "normal", [("a@b", w.b32(b"x" * 20), 0, 0, "A")])
    xml_bomb = ('<?xml version="1.0"?><!DOCTYPE map [<!ENTITY a "aaaaaaaaaa">'
                + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
                          for p, c in zip("abcdefgh", "bcdefghi", strict=True))
                + ']><map><string name="tokenOrder">&i;</string></map>').encode()
    hostile_freeotp = w.make_freeotp_backup([], PW, iterations=1000,
                                            declared_iterations=2**31 - 1)
    normal_freeotp = w.make_freeotp_backup(freeotp2_tokens(), PW)
    hostile_andotp = (2**31 - 1).to_bytes(4, "big") + os.urandom(200)
    normal_andotp = make_andotp_encrypted(SAMPLE, PW)
    normal_zip = w.make_authplus_zip(f"otpauth://totp/a?secret={w.b32(b'k' * 20)}\n", PW)
    fake_sqlite = b"SQLite format 3\x00" + os.urandom(8192)
    cases: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        ("FreeOTP backup, 2^31-1 PBKDF2 iterations",
         lambda: import_bytes(hostile_freeotp, password=PW),
         lambda: import_bytes(normal_freeotp, password=PW)),
        ("andOTP, 2^31-1 PBKDF2 iterations",
         lambda: import_bytes(hostile_andotp, format_name="andotp", password=PW),
         lambda: import_bytes(normal_andotp, password=PW)),
        ("ZIP bomb (200 MB Accounts.txt)",
         lambda: import_bytes(bomb.getvalue(), password=PW),
         lambda: import_bytes(normal_zip, password=PW)),
        ("SQLite with a 3 MB value", lambda: import_file(big), lambda: import_file(normal_db)),
        ("SQLite header + random bytes",
         lambda: import_bytes(fake_sqlite, format_name="google-authenticator-db"),
         lambda: import_file(normal_db)),
        ("XML entity bomb", lambda: import_bytes(xml_bomb, format_name="freeotp-xml"),
         lambda: import_bytes(w.make_freeotp_xml([w.freeotp_token(b"k" * 20, "A", "b")]))),
    ]
    failed = False
    print(f"{'hostile file':44} {'refused in':>11} {'normal import':>14} {'ratio':>7}")
    for name, hostile, normal in cases:
        refused, ordinary = timed(hostile), timed(normal)
        failed |= refused > REFUSAL_TARGET_S
        print(f"{name:44} {refused * 1000:9.1f} ms {ordinary * 1000:11.1f} ms "
              f"{refused / ordinary:7.2f}")
    shutil.rmtree(folder, ignore_errors=True)
    print(f"target: every refusal under {REFUSAL_TARGET_S:.1f} s: "
          f"{'missed' if failed else 'met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
