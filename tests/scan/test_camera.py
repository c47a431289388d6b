"""Camera loop: rate limit and double read on an injected clock; camera errors; video."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from authenticator.core.account import Account
from authenticator.core.errors import AuthenticatorError
from authenticator.core.migration import MigrationBatch, encode_migration_uris
from authenticator.scan import camera as camera_module
from authenticator.scan.camera import (
    CameraError,
    FrameScanner,
    OpenCvCamera,
    center_square,
    list_cameras,
)
from authenticator.scan.pipeline import WEB_ADDRESS
from tests.helpers.scan_pages import SECRET_A, SECRET_B, otpauth, raw
from tests.helpers.synthetic import FRAME_HEIGHT, FRAME_WIDTH, SyntheticVideoSource

FRAME = np.zeros((FRAME_HEIGHT, FRAME_WIDTH), dtype=np.uint8)


class ScriptedDecoder:
    """Stands in for zxing-cpp: returns the scripted texts and counts its calls."""

    name = "zxing-cpp"

    def __init__(self, *answers: list[str]) -> None:
        self.answers = list(answers)
        self.calls = 0
        self.shapes: list[tuple[int, ...]] = []

    def available(self) -> bool:
        return True

    def decode(self, gray: np.ndarray) -> list[str]:
        self.calls += 1
        self.shapes.append(gray.shape)
        return self.answers.pop(0) if self.answers else []


def scanner_with(decoder: ScriptedDecoder, **kwargs: float) -> FrameScanner:
    return FrameScanner(steps=(("zxing-cpp", "grey"),), decoders=[decoder], **kwargs)


def test_decodes_at_most_ten_times_per_second_of_the_given_clock() -> None:
    decoder = ScriptedDecoder()
    scanner = scanner_with(decoder)
    # 30 frames per second for 2 seconds: 20 decodes, not 60.
    for i in range(60):
        assert scanner.feed(FRAME, i / 30) is None
    assert decoder.calls == scanner.decodes == 20


def test_frames_arriving_too_soon_are_skipped_without_decoding() -> None:
    decoder = ScriptedDecoder()
    scanner = scanner_with(decoder)
    scanner.feed(FRAME, 100.0)
    scanner.feed(FRAME, 100.05)
    scanner.feed(FRAME, 100.099)
    assert decoder.calls == 1
    scanner.feed(FRAME, 100.1)
    assert decoder.calls == 2


def test_a_payload_is_accepted_only_when_read_twice() -> None:
    decoder = ScriptedDecoder([otpauth()], [], [otpauth()])
    scanner = scanner_with(decoder)
    assert scanner.feed(FRAME, 0.0) is None  # first read: not yet trusted
    assert scanner.feed(FRAME, 0.1) is None  # nothing seen in between
    outcome = scanner.feed(FRAME, 0.2)  # same payload again: accepted
    assert isinstance(outcome, list)
    [account] = outcome
    assert isinstance(account, Account) and account.secret == raw(SECRET_A)


def test_two_different_reads_are_not_accepted() -> None:
    decoder = ScriptedDecoder([otpauth(SECRET_A)], [otpauth(SECRET_B)], [otpauth(SECRET_B)])
    scanner = scanner_with(decoder)
    assert scanner.feed(FRAME, 0.0) is None
    assert scanner.feed(FRAME, 0.1) is None  # differs from the first: start over
    [account] = scanner.feed(FRAME, 0.2)  # type: ignore[misc]
    assert account.secret == raw(SECRET_B)


def test_an_accepted_payload_is_not_reported_again_until_reset() -> None:
    decoder = ScriptedDecoder(*([[otpauth()]] * 6))
    scanner = scanner_with(decoder)
    outcomes = [scanner.feed(FRAME, t / 10) for t in range(4)]
    assert [o is not None for o in outcomes] == [False, True, False, False]
    scanner.reset()
    assert scanner.feed(FRAME, 1.0) is None
    assert scanner.feed(FRAME, 1.1) is not None


def test_migration_export_comes_back_as_a_batch() -> None:
    [link] = encode_migration_uris([Account(secret=raw(SECRET_A), issuer="X", name="y")])
    scanner = scanner_with(ScriptedDecoder([link], [link]))
    assert scanner.feed(FRAME, 0.0) is None
    batch = scanner.feed(FRAME, 0.1)
    assert isinstance(batch, MigrationBatch)
    assert [a.secret for a in batch.accounts] == [raw(SECRET_A)]


def test_a_web_address_gives_a_hint_not_a_result() -> None:
    scanner = scanner_with(ScriptedDecoder(["https://example.com"], ["https://example.com"]))
    assert scanner.feed(FRAME, 0.0) is None
    assert scanner.feed(FRAME, 0.1) is None
    assert scanner.message == WEB_ADDRESS
    scanner.feed(FRAME, 0.2)  # nothing in view any more
    assert scanner.message is None


def test_decodes_the_grey_central_square() -> None:
    decoder = ScriptedDecoder()
    scanner = scanner_with(decoder)
    colour = np.zeros((FRAME_HEIGHT, FRAME_WIDTH, 3), dtype=np.uint8)
    scanner.feed(colour, 0.0)
    assert decoder.shapes == [(FRAME_HEIGHT, FRAME_HEIGHT)]


def test_empty_or_odd_frames_are_skipped() -> None:
    decoder = ScriptedDecoder()
    scanner = scanner_with(decoder)
    assert scanner.feed(np.zeros((0, 0, 3), dtype=np.uint8), 0.0) is None
    assert scanner.feed(np.zeros((720, 1280, 5), dtype=np.uint8), 1.0) is None
    assert decoder.calls == 0


def test_center_square_is_centred() -> None:
    frame = np.arange(6 * 10, dtype=np.uint8).reshape(6, 10)
    crop = center_square(frame)
    assert crop.shape == (6, 6)
    assert crop[0, 0] == frame[0, 2]


def test_real_decoders_accept_the_key_from_synthetic_video() -> None:
    source = SyntheticVideoSource(otpauth(), frames=40, seed=1, show_from=10)
    scanner = FrameScanner()
    accepted: list[tuple[int, list[Account]]] = []
    now = 0.0
    index = 0
    while (frame := source.read()) is not None:
        assert frame.shape == (FRAME_HEIGHT, FRAME_WIDTH)
        outcome = scanner.feed(frame, now)
        if outcome is not None:
            assert isinstance(outcome, list)
            accepted.append((index, outcome))
        now += 1 / 30
        index += 1
    assert len(accepted) == 1  # once, not on every frame
    frame_index, [account] = accepted[0]
    assert frame_index > 10  # never before the code appeared
    assert account.secret == raw(SECRET_A)
    source.release()
    assert source.read() is None


def test_soft_focus_webcam_is_read_thanks_to_the_ladder() -> None:
    # Blur of ~0.4 module: the plain image never decodes; the sharpening steps do.
    def first_accept(steps: tuple[tuple[str, str], ...] | None) -> int | None:
        source = SyntheticVideoSource(otpauth(), frames=45, seed=2, qr_width=300,
                                      blur_sigma=3.0)
        scanner = FrameScanner(steps=steps)
        index = 0
        while (frame := source.read()) is not None:
            if scanner.feed(frame, index / 30) is not None:
                return index
            index += 1
        return None

    assert first_accept(None) is not None
    assert first_accept((("zxing-cpp", "grey"),)) is None


def test_synthetic_video_is_deterministic() -> None:
    a = SyntheticVideoSource(otpauth(), frames=3, seed=5)
    b = SyntheticVideoSource(otpauth(), frames=3, seed=5)
    for _ in range(3):
        assert np.array_equal(a.read(), b.read())  # type: ignore[arg-type]
    assert a.read() is None


# -- real cameras (this test machine has none) -------------------------------------------------


def _no_video_devices() -> bool:
    return sys.platform.startswith("linux") and not list(Path("/dev").glob("video*"))


@pytest.mark.skipif(not _no_video_devices(), reason="needs a Linux machine with no camera")
def test_list_cameras_without_devices_probes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # Prompt because OpenCV, whose probes can hang for seconds, is never asked.
    def no_probe(*_args: object) -> bool:
        raise AssertionError("OpenCV probed a camera that has no device node")

    monkeypatch.setattr(camera_module, "_can_open", no_probe)
    assert list_cameras(max_index=5) == []


def test_list_cameras_returns_what_opens() -> None:
    cameras = list_cameras(max_index=5)
    assert all(c.index < 5 and c.name for c in cameras)


@pytest.mark.skipif(not _no_video_devices(), reason="needs a Linux machine with no camera")
def test_opening_a_missing_camera_fails_before_opencv_with_advice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import cv2

    def no_probe(*_args: object) -> None:
        raise AssertionError("OpenCV probed a camera that has no device node")

    monkeypatch.setattr(cv2, "VideoCapture", no_probe)
    with pytest.raises(CameraError) as info:
        OpenCvCamera(63)
    message = str(info.value)
    assert isinstance(info.value, AuthenticatorError)
    assert "63" in message and "\n" not in message
    assert "try" in message


def test_negative_camera_number_is_refused() -> None:
    with pytest.raises(CameraError, match="count from 0"):
        OpenCvCamera(-1)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux device permissions")
def test_permission_problem_suggests_the_video_group(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from authenticator.scan import camera

    monkeypatch.setattr(camera.Path, "exists", lambda self: True)
    monkeypatch.setattr(camera.os, "access", lambda path, mode: False)
    with pytest.raises(CameraError, match="'video' group"):
        OpenCvCamera(0)
