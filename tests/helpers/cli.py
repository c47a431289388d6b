"""What the command-line tests share: a real subprocess, the vault's password, checks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from authenticator.core.account import Account
from authenticator.storage.vault import Vault

PASSWORD = "cli test password"


def run(*args: str, env: dict[str, str] | None = None,
        stdin: str = "") -> subprocess.CompletedProcess[str]:
    """``python -m authenticator ARGS`` with no AUTHENTICATOR_* variables but ``env``."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("AUTHENTICATOR_")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "authenticator", *args], capture_output=True,
                          text=True, env=full_env, input=stdin, timeout=120)


def assert_one_error_line(stderr: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    assert "Traceback" not in stderr


def no_secrets(text: str, accounts: list[Account]) -> None:
    for account in accounts:
        assert account.secret_b32 not in text
        assert account.secret_b32.lower() not in text


def fill(path: Path, accounts: list[Account]) -> None:
    with Vault.open(path, PASSWORD) as v:
        for account in accounts:
            v.add(account)
        v.save()


def stored(path: Path, password: str = PASSWORD) -> list[Account]:
    with Vault.open(path, password, read_only=True) as v:
        return list(v.accounts)
