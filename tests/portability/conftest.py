"""Fixtures shared by the portability tests (encrypted files are built once per session:
the key derivations of the real formats take a noticeable fraction of a second)."""

from __future__ import annotations

import pytest

from tests.helpers.sample_files import BUILDERS


@pytest.fixture(scope="session")
def sample_files() -> dict[str, tuple[bytes, str | None]]:
    return {name: (build(), password) for name, (build, password) in BUILDERS.items()}
