from __future__ import annotations

import pytest

from authenticator.storage import KdfParams, calibrate_kdf, kdf


def test_real_calibration_meets_owasp() -> None:
    params = calibrate_kdf(target_seconds=0.3)
    assert params.meets_owasp_minimum
    assert params.memory_kib == 65536


@pytest.mark.parametrize(
    ("fixed", "per_pass", "target", "expected"),
    [(0.05, 0.1, 0.55, 5), (0.0, 0.25, 1.0, 4), (0.0, 2.0, 0.5, 1),
     # a second pass that looks almost free is taken as a quarter of the first (noise)
     (0.2, 0.01, 0.3, 3)],
)
def test_calibration_solves_for_the_pass_count_from_two_derivations(
    monkeypatch: pytest.MonkeyPatch, fixed: float, per_pass: float, target: float,
    expected: int,
) -> None:
    # Quick means few derivations, whatever the machine's speed: a fake timing (so the
    # test does not measure this machine) says what each one would cost.
    measured: list[KdfParams] = []

    def fake_timing(params: KdfParams) -> float:
        measured.append(params)
        return fixed + per_pass * params.iterations

    monkeypatch.setattr(kdf, "_time_derivation", fake_timing)
    params = calibrate_kdf(target_seconds=target)
    assert [p.iterations for p in measured] == [1, 2]
    assert params.iterations == expected
    assert params.meets_owasp_minimum


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
