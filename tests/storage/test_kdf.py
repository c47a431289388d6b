from __future__ import annotations

import time

import pytest

from authenticator.storage import KdfParams, calibrate_kdf


def test_real_calibration_is_quick_and_meets_owasp() -> None:
    start = time.perf_counter()
    params = calibrate_kdf(target_seconds=0.3)
    assert time.perf_counter() - start < 1.5
    assert params.meets_owasp_minimum
    assert params.memory_kib == 65536


def test_calibration_never_goes_below_the_owasp_minimum() -> None:
    params = calibrate_kdf(target_seconds=0.0, memory_kib=1024)
    assert params.memory_kib >= 19 * 1024 and params.iterations >= 2
    assert params.meets_owasp_minimum


def test_params_validation() -> None:
    assert not KdfParams.for_tests().meets_owasp_minimum
    assert KdfParams.minimum().meets_owasp_minimum
    assert not KdfParams(memory_kib=19 * 1024, iterations=1).meets_owasp_minimum
    assert KdfParams(memory_kib=47 * 1024, iterations=1).meets_owasp_minimum
    with pytest.raises(ValueError):
        KdfParams(memory_kib=4, iterations=1)
    with pytest.raises(ValueError):
        KdfParams(iterations=0)
