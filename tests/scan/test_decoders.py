"""Each decoder on its own: reads a clean code, finds several, never raises for junk."""

from __future__ import annotations

import numpy as np
import pytest

from authenticator.scan.decoders import (
    Decoder,
    PyzbarDecoder,
    ZxingDecoder,
    all_decoders,
    available_decoders,
)
from tests.helpers.scan_pages import SECRET_A, SECRET_B, otpauth, page_with


def _require(decoder: Decoder) -> Decoder:
    if not decoder.available():
        reason = ("system library libzbar0 is not installed" if decoder.name == "pyzbar"
                  else f"{decoder.name} is not installed")
        pytest.skip(reason)
    return decoder


@pytest.fixture(params=["zxing-cpp", "pyzbar", "opencv"])
def decoder(request: pytest.FixtureRequest) -> Decoder:
    by_name = {d.name: d for d in all_decoders()}
    return _require(by_name[request.param])


def test_decoders_follow_the_protocol() -> None:
    for d in all_decoders():
        assert isinstance(d, Decoder)
        assert isinstance(d.available(), bool)  # never raises, even when missing
    assert [d.name for d in all_decoders()] == ["zxing-cpp", "pyzbar", "opencv"]


def test_zxing_and_opencv_are_always_available() -> None:
    # Both ship as self-contained wheels; the app must be able to scan without libzbar0.
    names = [d.name for d in available_decoders()]
    assert "zxing-cpp" in names and "opencv" in names


def test_reads_a_clean_code(decoder: Decoder) -> None:
    assert decoder.decode(page_with(otpauth())) == [otpauth()]


def test_finds_two_codes_in_one_image(decoder: Decoder) -> None:
    texts = decoder.decode(page_with(otpauth(SECRET_A), otpauth(SECRET_B)))
    assert sorted(texts) == sorted([otpauth(SECRET_A), otpauth(SECRET_B)])


def test_blank_and_noise_give_nothing(decoder: Decoder) -> None:
    rng = np.random.default_rng(0)
    assert decoder.decode(np.full((300, 300), 255, dtype=np.uint8)) == []
    assert decoder.decode(rng.integers(0, 256, (300, 300), dtype=np.uint8)) == []


def test_non_ascii_text_survives(decoder: Decoder) -> None:
    link = otpauth(issuer="Société Générale", name="zoë@example.fr")
    assert decoder.decode(page_with(link)) == [link]


def test_zxing_without_try_harder_still_reads_upright_codes() -> None:
    fast = _require(ZxingDecoder(try_harder=False))
    assert fast.decode(page_with(otpauth())) == [otpauth()]


def test_pyzbar_missing_library_means_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulate a machine without libzbar0: importing pyzbar.pyzbar raises ImportError.
    import builtins

    from authenticator.scan import decoders

    real_import = builtins.__import__

    def fake_import(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("pyzbar"):
            raise ImportError("Unable to find zbar shared library")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    decoders._pyzbar_loads.cache_clear()
    monkeypatch.setattr(builtins, "__import__", fake_import)
    try:
        assert PyzbarDecoder().available() is False
        assert "pyzbar" not in [d.name for d in available_decoders()]
    finally:
        monkeypatch.undo()
        decoders._pyzbar_loads.cache_clear()
