"""Fixtures of the scan tests (the builders are in tests/helpers/scan_pages.py)."""

from __future__ import annotations

import numpy as np
import pytest

from tests.helpers.scan_pages import otpauth, page_with


@pytest.fixture
def key_page() -> np.ndarray:
    return page_with(otpauth())
