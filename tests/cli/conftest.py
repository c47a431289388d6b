"""Shared by the command-line tests: a vault in the environment, and a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from authenticator.storage.kdf import KdfParams
from authenticator.storage.vault import Vault

PASSWORD = "cli test password"


def run(*args: str, env: dict[str, str] | None = None,
        stdin: str = "") -> subprocess.CompletedProcess[str]:
    """``python -m authenticator ARGS`` with no AUTHENTICATOR_* variables but ``env``."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("AUTHENTICATOR_")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "authenticator", *args], capture_output=True,
                          text=True, env=full_env, input=stdin, timeout=120)


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty vault (cheap KDF) that the CLI finds through its environment variables."""
    path = tmp_path / "vault.authvault"
    Vault.create(path, PASSWORD, kdf=KdfParams.for_tests()).close()
    monkeypatch.setenv("AUTHENTICATOR_VAULT", str(path))
    monkeypatch.setenv("AUTHENTICATOR_PASSWORD", PASSWORD)
    return path
