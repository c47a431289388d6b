"""The preprocessing ladder of the scanner: which decoder tries which variant of the
image (enlarged, sharpened, thresholded, without moiré...), cheapest and most successful
first. :mod:`authenticator.scan.pipeline` climbs it until a key is found."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from authenticator.scan.decoders import Decoder, available_decoders

if TYPE_CHECKING:
    import numpy as np

# Images are decoded at most this big; larger ones are shrunk first (phone photos).
MAX_WORK_SIDE = 2600
# Screenshots of a small QR code are enlarged to about this size.
SMALL_IMAGE_SIDE = 1000
ENLARGED_SIDE = 1600

Transform = Callable[["np.ndarray"], "np.ndarray | None"]


def _identity(gray: np.ndarray) -> np.ndarray | None:
    return gray


def _enlarge(gray: np.ndarray) -> np.ndarray | None:
    """Small screenshots: modules of 1-2 pixels decode better at 2-3x."""
    import cv2

    side = max(gray.shape)
    if side >= SMALL_IMAGE_SIDE:
        factor = 2.0 if side <= MAX_WORK_SIDE // 2 else 0.0
    else:
        factor = ENLARGED_SIDE / side
    if factor <= 1.0:
        return None
    return cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)


def _smooth(gray: np.ndarray) -> np.ndarray | None:
    """Photos: remove sensor noise, JPEG blocks and moiré stripes before binarising."""
    import cv2

    return cv2.GaussianBlur(gray, (0, 0), 1.2)


def _threshold(gray: np.ndarray) -> np.ndarray | None:
    """Uneven light (glare, shadows): a local threshold gives clean black and white."""
    import cv2

    block = max(15, (max(gray.shape) // 24) | 1)
    soft = cv2.GaussianBlur(gray, (0, 0), 1.0)
    return cv2.adaptiveThreshold(soft, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY,
                                 block, 4)


def _unsharp(gray: np.ndarray, sigma: float = 3.0, amount: float = 2.0) -> np.ndarray:
    """Soften the noise a little, then boost the edges (an unsharp mask)."""
    import cv2

    soft = cv2.GaussianBlur(gray, (0, 0), 1.0)
    halo = cv2.GaussianBlur(soft, (0, 0), sigma)
    sharp: np.ndarray = cv2.addWeighted(soft, 1.0 + amount, halo, -amount, 0)
    return sharp


def _sharpen(gray: np.ndarray) -> np.ndarray | None:
    """Out-of-focus photos with modules of 4+ pixels."""
    return _unsharp(gray)


def _double(gray: np.ndarray) -> np.ndarray | None:
    import cv2

    if max(gray.shape) * 2 > MAX_WORK_SIDE:
        return None
    big: np.ndarray = cv2.resize(gray, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC)
    return big


def _deblur(gray: np.ndarray) -> np.ndarray | None:
    """Out-of-focus photos of small codes: enlarge 2x first so the mask has room to work."""
    big = _double(gray)
    return None if big is None else _unsharp(big)


def _deblur_light(gray: np.ndarray) -> np.ndarray | None:
    """The camera's deblurring: 1.5x (bilinear) instead of 2x, so one decoding step of a
    720x720 crop stays well under 50 ms on a busy 2-core machine (2x: 4 times the pixels
    of the crop, p99 over 50 ms); camera codes fill the crop, 1.5x is room enough."""
    import cv2

    if max(gray.shape) * 1.5 > MAX_WORK_SIDE:
        return None
    big = cv2.resize(gray, None, fx=1.5, fy=1.5, interpolation=cv2.INTER_LINEAR)
    return _unsharp(big)


def _demoire(gray: np.ndarray) -> np.ndarray | None:
    """Photos of screens: remove the two strongest periodic stripe patterns, then sharpen.

    Moiré is a near-pure spatial frequency: a narrow notch in the spectrum removes it while
    the QR code, whose energy is spread over all frequencies, loses almost nothing.
    """
    import numpy as np

    spectrum = np.fft.rfft2(gray.astype(np.float32))
    fy = np.fft.fftfreq(gray.shape[0])[:, None]
    fx = np.fft.rfftfreq(gray.shape[1])[None, :]
    magnitude = np.abs(spectrum)
    magnitude[np.hypot(fx, fy) < 0.02] = 0  # keep the picture itself (low frequencies)
    for _ in range(2):
        iy, ix = np.unravel_index(int(np.argmax(magnitude)), magnitude.shape)
        cy, cx = fy[iy, 0], fx[0, ix]
        notch = (np.hypot(fx - cx, fy - cy) < 0.006) | (np.hypot(fx + cx, fy + cy) < 0.006)
        spectrum[notch] = 0
        magnitude[notch] = 0
    clean = np.fft.irfft2(spectrum, s=gray.shape)
    return _unsharp(np.clip(clean, 0, 255).astype(np.uint8))


def _demoire_enlarged(gray: np.ndarray) -> np.ndarray | None:
    """Moiré on a small code: enlarge 2x first, as for :func:`_deblur`."""
    big = _double(gray)
    return None if big is None else _demoire(big)


def _invert(gray: np.ndarray) -> np.ndarray | None:
    """Dark mode (light modules on a dark page) for decoders that don't try it."""
    return 255 - gray


def _shrink(gray: np.ndarray) -> np.ndarray | None:
    """Huge codes or heavy noise: half size averages the noise away."""
    import cv2

    if min(gray.shape) < 600:
        return None
    return cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)


@dataclass(frozen=True)
class Rung:
    """One step of the ladder: a decoder on a preprocessed variant of the image."""

    decoder: str
    variant: str
    transform: Transform


_VARIANTS: dict[str, Transform] = {
    "grey": _identity,
    "enlarged": _enlarge,
    "smoothed": _smooth,
    "threshold": _threshold,
    "sharpened": _sharpen,
    "deblurred": _deblur,
    "deblurred-light": _deblur_light,
    "demoired": _demoire,
    "demoired-enlarged": _demoire_enlarged,
    "inverted": _invert,
    "shrunk": _shrink,
}

# Cheapest and most successful first: zxing-cpp is fast and also tries rotated, inverted
# and downscaled versions itself; the other decoders catch what it misses.
DEFAULT_LADDER: tuple[tuple[str, str], ...] = (
    ("zxing-cpp", "grey"),
    ("zxing-cpp", "enlarged"),
    ("zxing-cpp", "deblurred"),
    ("zxing-cpp", "sharpened"),
    ("zxing-cpp", "smoothed"),
    ("zxing-cpp", "threshold"),
    ("zxing-cpp", "demoired"),
    ("zxing-cpp", "demoired-enlarged"),
    ("pyzbar", "grey"),
    ("pyzbar", "inverted"),
    ("pyzbar", "smoothed"),
    ("pyzbar", "enlarged"),
    ("opencv", "grey"),
    ("opencv", "inverted"),
    ("opencv", "threshold"),
    ("zxing-cpp", "shrunk"),
)

def build_ladder(steps: Sequence[tuple[str, str]] = DEFAULT_LADDER,
                 decoders: Sequence[Decoder] | None = None) -> list[tuple[Decoder, Rung]]:
    """The steps whose decoder is available, as (decoder, rung) pairs in order."""
    by_name = {d.name: d for d in (decoders if decoders is not None else _decoders())}
    return [(by_name[name], Rung(name, variant, _VARIANTS[variant]))
            for name, variant in steps if name in by_name]


_DECODERS: list[Decoder] | None = None


def _decoders() -> list[Decoder]:
    global _DECODERS  # one cached set per process: loading the libraries is costly
    if _DECODERS is None:
        _DECODERS = available_decoders()
    return _DECODERS
