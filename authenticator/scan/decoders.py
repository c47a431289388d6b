"""Three interchangeable QR decoders behind one small protocol.

Each decoder takes an 8-bit greyscale ``numpy`` image and returns the text of every QR
code it finds. Libraries are imported inside the methods so that importing this module
costs nothing; a decoder whose library is missing reports ``available() == False``
instead of raising. Decoded texts may contain secrets: they are never logged here.
"""

from __future__ import annotations

import functools
import threading
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    import numpy as np


@runtime_checkable
class Decoder(Protocol):
    """Finds QR codes in a greyscale image."""

    name: str

    def available(self) -> bool:
        """True when the underlying library (and any system library it needs) loads."""
        ...

    def decode(self, gray: np.ndarray) -> list[str]:
        """The text of every QR code found in ``gray`` (2-D uint8), possibly empty."""
        ...


def _dedupe(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(t for t in texts if t))


@functools.cache
def _zxing_loads() -> bool:
    try:
        import zxingcpp  # noqa: F401
    except Exception:  # ImportError, or a broken binary wheel (OSError)
        return False
    return True


@functools.cache
def _pyzbar_loads() -> bool:
    # pyzbar loads the system libzbar0 at import time and raises ImportError when it is
    # missing; any other failure (broken library) must not take the scanner down either.
    try:
        from pyzbar import pyzbar  # noqa: F401
    except Exception:
        return False
    return True


@functools.cache
def _opencv_aruco_loads() -> bool:
    try:
        import cv2
    except Exception:
        return False
    return hasattr(cv2, "QRCodeDetectorAruco")


class ZxingDecoder:
    """zxing-cpp: the best decoder on photos and screenshots (QR codes only)."""

    name = "zxing-cpp"

    def __init__(self, *, try_harder: bool = True) -> None:
        # try_harder: let zxing also try rotated, inverted and downscaled versions itself.
        self._try_harder = try_harder

    def available(self) -> bool:
        return _zxing_loads()

    def decode(self, gray: np.ndarray) -> list[str]:
        import zxingcpp

        results = zxingcpp.read_barcodes(
            gray,
            formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode),
            try_rotate=self._try_harder,
            try_downscale=self._try_harder,
            try_invert=self._try_harder,
        )
        return _dedupe([r.text for r in results if r.valid])


class PyzbarDecoder:
    """ZBar through pyzbar; only when the system library ``libzbar0`` is installed."""

    name = "pyzbar"

    def available(self) -> bool:
        return _pyzbar_loads()

    def decode(self, gray: np.ndarray) -> list[str]:
        import numpy as np
        from pyzbar import pyzbar

        image = np.ascontiguousarray(gray)
        symbols = pyzbar.decode(image, symbols=[pyzbar.ZBarSymbol.QRCODE])
        return _dedupe([_utf8(s.data) for s in symbols])


class OpenCvDecoder:
    """OpenCV's ``QRCodeDetectorAruco``: weakest on photos, but always installed."""

    name = "opencv"

    def __init__(self) -> None:
        # One detector per thread: the GUI may decode a file and camera frames at once.
        self._local = threading.local()

    def available(self) -> bool:
        return _opencv_aruco_loads()

    def decode(self, gray: np.ndarray) -> list[str]:
        import cv2

        detector = getattr(self._local, "detector", None)
        if detector is None:
            detector = self._local.detector = cv2.QRCodeDetectorAruco()
        try:
            ok, texts, _points, _straight = detector.detectAndDecodeMulti(gray)
        except cv2.error:
            return []
        if not ok:
            return []
        return _dedupe([str(t) for t in texts])


def _utf8(data: bytes) -> str:
    # QR byte mode is usually UTF-8 for otpauth links; fall back to Latin-1 (ISO 8859-1,
    # the QR default) so that a decoded code is never lost to an encoding error.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def all_decoders() -> list[Decoder]:
    """Every decoder, best first (available or not)."""
    return [ZxingDecoder(), PyzbarDecoder(), OpenCvDecoder()]


def available_decoders() -> list[Decoder]:
    """The decoders that load on this machine, best first."""
    return [d for d in all_decoders() if d.available()]


def decoder_note() -> str | None:
    """One line for people when an optional decoder is missing, else None.

    Scanning still works without ZBar (zxing-cpp reads more codes anyway); we just say so.
    """
    missing = [d.name for d in all_decoders() if not d.available()]
    if not missing:
        return None
    if missing == ["pyzbar"]:
        return ("the optional ZBar decoder is not installed (Debian/Ubuntu: sudo apt-get "
                "install libzbar0); scanning uses zxing-cpp and OpenCV")
    return f"some QR decoders are unavailable ({', '.join(missing)}); scanning uses the others"
