"""Camera frames to accounts, without Qt.

* :class:`FrameSource` is anything with ``read()``/``release()``: :class:`OpenCvCamera`
  wraps ``cv2.VideoCapture``; ``tests.helpers.synthetic.SyntheticVideoSource``
  feeds tests and benchmarks.
* :class:`FrameScanner` is pure logic (no I/O, no clock of its own): it crops the central
  square of each frame, decodes at most ``max_rate_hz`` times per second of the *given*
  time, and accepts a payload only once two decodes read the same thing (as Electrum's
  qrreader does), so a half-focused frame never enrolls a misread.

The GUI runs ``feed`` in a worker thread and hands results back through a signal.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from authenticator.core.account import Account
from authenticator.core.errors import AuthenticatorError
from authenticator.core.migration import MigrationBatch
from authenticator.scan.decoders import Decoder
from authenticator.scan.ladder import build_ladder
from authenticator.scan.pipeline import ScanError, ScanProblem, scan_gray, to_gray

if TYPE_CHECKING:
    import numpy as np

# One decoding step per decoded frame, cycling: each step stays under 25 ms (median) on a
# 720x720 crop and its p99 under 50 ms on a busy 2-core machine (benchmarks/scan.py); the
# plain image every other decode, and in between the variants that rescue soft-focus
# webcams and uneven light.
CAMERA_LADDER: tuple[tuple[str, str], ...] = (
    ("zxing-cpp", "grey"),
    ("zxing-cpp", "sharpened"),
    ("zxing-cpp", "grey"),
    ("zxing-cpp", "deblurred-light"),
    ("zxing-cpp", "grey"),
    ("zxing-cpp", "threshold"),
)
# If zxing-cpp is missing, fall back to the others on the plain crop.
FALLBACK_CAMERA_LADDER: tuple[tuple[str, str], ...] = (("pyzbar", "grey"), ("opencv", "grey"))


class CameraError(AuthenticatorError):
    """The camera cannot be used; the message says what to try. Kinds: ``missing``,
    ``permission``, ``negative``, ``no-picture``, ``blocked-macos``, ``blocked-windows``,
    ``busy`` (field ``index``, the camera number), ``stopped``, ``no-decoder`` and
    ``failed`` (field ``name``, the type of the unexpected driver error)."""


class FrameSource(Protocol):
    """A stream of BGR or greyscale frames."""

    def read(self) -> np.ndarray | None:
        """The next frame, or ``None`` when no frame is available (stopped, unplugged)."""
        ...

    def release(self) -> None:
        """Free the device; ``read`` returns ``None`` afterwards."""
        ...


@dataclass(frozen=True)
class CameraInfo:
    index: int
    name: str


# -- OpenCV camera ----------------------------------------------------------------------


@contextlib.contextmanager
def _quiet_opencv() -> Iterator[None]:
    """OpenCV prints backend warnings to stderr when probing; we report errors ourselves."""
    import cv2

    previous = cv2.utils.logging.getLogLevel()
    cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_SILENT)
    try:
        yield
    finally:
        cv2.utils.logging.setLogLevel(previous)


def _backend() -> int:
    import cv2

    if sys.platform.startswith("linux"):
        return int(cv2.CAP_V4L2)
    if sys.platform == "win32":
        return int(cv2.CAP_MSMF)
    if sys.platform == "darwin":
        return int(cv2.CAP_AVFOUNDATION)
    return int(cv2.CAP_ANY)


def _linux_device(index: int) -> Path:
    return Path(f"/dev/video{index}")


def _linux_name(index: int) -> str | None:
    try:
        return Path(f"/sys/class/video4linux/video{index}/name").read_text().strip() or None
    except OSError:
        return None


def _check_linux_device(index: int) -> None:
    device = _linux_device(index)
    if not device.exists():
        raise CameraError(
            f"no camera found at number {index}: check that a camera is plugged in "
            "and not switched off, then try again", kind="missing", index=index
        )
    if not os.access(device, os.R_OK | os.W_OK):
        raise CameraError(
            f"permission denied for camera {index}: add your user to the 'video' group "
            "(sudo usermod -aG video $USER), then log out and back in", kind="permission",
            index=index
        )


class OpenCvCamera:
    """A camera opened through ``cv2.VideoCapture``; raises :class:`CameraError`."""

    def __init__(self, index: int = 0, *, width: int = 1280, height: int = 720) -> None:
        if index < 0:
            raise CameraError(f"there is no camera number {index}; cameras count from 0",
                              kind="negative", index=index)
        self.index = index
        if sys.platform.startswith("linux"):
            _check_linux_device(index)  # prompt, specific errors before OpenCV probes
        import cv2

        with _quiet_opencv():
            capture = cv2.VideoCapture(index, _backend())
            if not capture.isOpened():
                capture.release()
                raise self._cannot_open()
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, width)
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
            ok, _frame = capture.read()
        if not ok:
            capture.release()
            raise CameraError(
                f"camera {index} opened but sends no picture: it is probably busy; close "
                "other programs using it (video calls, browsers) and try again",
                kind="no-picture", index=index
            )
        self._capture: object | None = capture

    def _cannot_open(self) -> CameraError:
        index = self.index
        if sys.platform == "darwin":
            return CameraError(f"camera {index} cannot be opened: allow camera access in "
                               "System Settings > Privacy & Security > Camera, then try again",
                               kind="blocked-macos", index=index)
        if sys.platform == "win32":
            return CameraError(f"camera {index} cannot be opened: check Settings > Privacy > "
                               "Camera and close other programs that use it, then try again",
                               kind="blocked-windows", index=index)
        return CameraError(f"camera {index} cannot be opened: it may be busy in another "
                           "program (video calls, browsers); close it and try again",
                           kind="busy", index=index)

    def read(self) -> np.ndarray | None:
        capture = self._capture
        if capture is None:
            return None
        ok, frame = capture.read()  # type: ignore[attr-defined]
        return frame if ok else None

    def release(self) -> None:
        if self._capture is not None:
            self._capture.release()  # type: ignore[attr-defined]
            self._capture = None

    def __enter__(self) -> OpenCvCamera:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def list_cameras(max_index: int = 5) -> list[CameraInfo]:
    """Cameras numbered 0..max_index-1 that can be opened. Returns promptly when none.

    On Linux only existing ``/dev/videoN`` nodes are probed (no device: no probing at all);
    elsewhere each index is opened briefly.
    """
    found: list[CameraInfo] = []
    for index in range(max(0, max_index)):
        if sys.platform.startswith("linux"):
            if not _linux_device(index).exists():
                continue
            name = _linux_name(index) or f"Camera {index}"
        else:
            name = f"Camera {index}"
        if _can_open(index):
            found.append(CameraInfo(index, name))
    return found


def _can_open(index: int) -> bool:
    try:
        import cv2
    except ImportError:
        return False
    with _quiet_opencv():
        capture = cv2.VideoCapture(index, _backend())
        try:
            return bool(capture.isOpened())
        finally:
            capture.release()


# -- frame scanner ----------------------------------------------------------------------

ScanOutcome = list[Account] | MigrationBatch


def center_square(gray: np.ndarray, fraction: float = 1.0) -> np.ndarray:
    """The central square of ``gray``, its side ``fraction`` of the shorter side."""
    h, w = gray.shape[:2]
    side = max(1, int(min(h, w) * fraction))
    top, left = (h - side) // 2, (w - side) // 2
    return gray[top : top + side, left : left + side]


class FrameScanner:
    """Turns a stream of frames into accepted enrollment payloads.

    ``feed(frame, now)`` returns the accounts (a list) or a :class:`MigrationBatch` the
    moment a payload has been read twice, else ``None``. ``now`` is any monotonic time in
    seconds supplied by the caller. ``message`` holds a hint for the user when the camera
    sees a QR code that is not an authenticator key (for example a web address).
    """

    def __init__(
        self,
        *,
        max_rate_hz: float = 10.0,
        confirmations: int = 2,
        crop_fraction: float = 1.0,
        steps: Sequence[tuple[str, str]] | None = None,
        decoders: Sequence[Decoder] | None = None,
    ) -> None:
        self._interval = 1.0 / max_rate_hz if max_rate_hz > 0 else 0.0
        self._confirmations = max(1, confirmations)
        self._crop_fraction = crop_fraction
        ladder = build_ladder(steps if steps is not None else CAMERA_LADDER, decoders)
        if not ladder and steps is None:
            ladder = build_ladder(FALLBACK_CAMERA_LADDER, decoders)
        self._ladder = ladder
        self._step = 0
        self._last_decode: float | None = None
        self._candidate: str | None = None
        self._count = 0
        self._accepted: set[str] = set()
        self.decodes = 0
        #: why the QR code in view is not a key (a hint to show), else None
        self.hint: ScanError | None = None

    @property
    def can_decode(self) -> bool:
        """False when no QR decoder library loads on this machine."""
        return bool(self._ladder)

    @property
    def message(self) -> str | None:
        """The hint in one English line."""
        return str(self.hint) if self.hint is not None else None

    def reset(self) -> None:
        """Forget candidates and accepted payloads (a new scanning session)."""
        self._candidate, self._count = None, 0
        self._accepted.clear()
        self._last_decode = None
        self.hint = None

    def feed(self, frame: np.ndarray, now: float) -> ScanOutcome | None:
        if not self._ladder:
            return None
        # The tolerance absorbs float rounding (100.1 - 100.0 < 0.1 in binary floating point).
        if self._last_decode is not None and now - self._last_decode < self._interval - 1e-6:
            return None
        self._last_decode = now
        gray = to_gray(frame)
        if gray is None:
            return None
        crop = center_square(gray, self._crop_fraction)
        rung = self._ladder[self._step % len(self._ladder)]
        self._step += 1
        self.decodes += 1
        result = scan_gray(crop, [rung])
        # A QR code that is there but is not a key deserves a hint; "nothing" does not.
        self.hint = (result.failure() if result.problem not in (None, ScanProblem.NO_QR)
                     else None)
        if not result.found:
            return None
        key = hashlib.sha256("\n".join(sorted(result.payloads)).encode()).hexdigest()
        if key in self._accepted:
            return None
        if key == self._candidate:
            self._count += 1
        else:
            self._candidate, self._count = key, 1
        if self._count < self._confirmations:
            return None
        self._accepted.add(key)
        self._candidate, self._count = None, 0
        if result.accounts:
            return list(result.accounts)
        return result.migration_batches[0]
