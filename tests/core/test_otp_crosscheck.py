"""Our engine against two independent implementations: oathtool (C) and pyotp."""

from __future__ import annotations

import hashlib
import random
import shutil
import subprocess
from dataclasses import dataclass

import pyotp
import pytest

from authenticator.core.account import Account, Algorithm, OtpKind
from authenticator.core.otp import code_at, code_for_step, time_step

CASES = 2000
WINDOW = 2  # oathtool -w 2: the step of the given time and the two after it


@dataclass(frozen=True)
class Case:
    account: Account
    now: int


def _random_cases(seed: int, count: int) -> list[Case]:
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        account = Account(
            secret=rng.randbytes(rng.randint(10, 64)),
            algorithm=rng.choice(list(Algorithm)),
            digits=rng.randint(6, 8),
            period=rng.randint(15, 120),
        )
        cases.append(Case(account, rng.randint(0, 2**34)))
    return cases


def _oathtool_command(case: Case) -> str:
    account = case.account
    return (
        f"oathtool --totp={account.algorithm.value.lower()} -d {account.digits}"
        f" -s {account.period} -N @{case.now} -w {WINDOW} {account.secret.hex()}"
    )


@pytest.mark.skipif(shutil.which("oathtool") is None,
                    reason="oathtool is not installed (apt-get install oathtool)")
def test_oathtool_agrees_on_random_cases() -> None:
    cases = _random_cases(seed=20240611, count=CASES)
    # One shell runs every oathtool call: a couple of seconds instead of minutes.
    script = "\n".join(_oathtool_command(case) for case in cases) + "\n"
    result = subprocess.run(["sh", "-s"], input=script, capture_output=True, text=True,
                            check=True, timeout=120)
    lines = result.stdout.split()
    assert len(lines) == CASES * (WINDOW + 1), result.stderr[-500:]
    mismatches = []
    for index, case in enumerate(cases):
        step = time_step(case.now, case.account.period)
        ours = [code_for_step(case.account, step + k) for k in range(WINDOW + 1)]
        theirs = lines[index * (WINDOW + 1) : (index + 1) * (WINDOW + 1)]
        if ours != theirs:
            mismatches.append((_oathtool_command(case), ours, theirs))
    assert mismatches == []
    # The seeded cases cover what the brief asks for.
    assert {case.account.algorithm for case in cases} == set(Algorithm)
    assert {case.account.digits for case in cases} == {6, 7, 8}
    assert min(len(c.account.secret) for c in cases) == 10
    assert max(len(c.account.secret) for c in cases) == 64


_PYOTP_DIGEST = {
    Algorithm.SHA1: hashlib.sha1,
    Algorithm.SHA256: hashlib.sha256,
    Algorithm.SHA512: hashlib.sha512,
}


def test_pyotp_agrees_for_keys_of_128_bits_and_more() -> None:
    rng = random.Random(7)
    for _ in range(500):
        account = Account(
            secret=rng.randbytes(rng.randint(16, 64)),
            algorithm=rng.choice(list(Algorithm)),
            digits=rng.randint(6, 10),
            period=rng.randint(1, 120),  # pyotp refuses longer periods
        )
        now = rng.randint(0, 2**34)
        totp = pyotp.TOTP(account.secret_b32, digits=account.digits, interval=account.period,
                          digest=_PYOTP_DIGEST[account.algorithm])
        assert code_at(account, now) == totp.at(now)
        counter = rng.randint(0, 2**63)
        hotp_account = account.evolve(kind=OtpKind.HOTP, counter=counter)
        reference = pyotp.HOTP(account.secret_b32, digits=account.digits,
                               digest=_PYOTP_DIGEST[account.algorithm])
        assert code_at(hotp_account, now) == reference.at(counter)
