"""The command-line tests' vault in the environment (helpers: tests/helpers/cli.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from authenticator.storage.kdf import KdfParams
from authenticator.storage.vault import Vault
from tests.helpers.cli import PASSWORD


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty vault (cheap KDF) that the CLI finds through its environment variables."""
    path = tmp_path / "vault.authvault"
    Vault.create(path, PASSWORD, kdf=KdfParams.for_tests()).close()
    monkeypatch.setenv("AUTHENTICATOR_VAULT", str(path))
    monkeypatch.setenv("AUTHENTICATOR_PASSWORD", PASSWORD)
    return path
