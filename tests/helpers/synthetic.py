"""Deterministic synthetic QR images and video for tests and benchmarks (not shipped).

Renders QR codes with segno and degrades them the way real enrollment images are
degraded: page screenshots at odd scales, JPEG, dark mode, photos of a monitor (perspective,
blur, sensor noise, moiré), rotation. Every function takes a seeded ``numpy`` generator
so that the same seed always gives the same pixels. OpenCV and segno are imported lazily.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

Box = tuple[int, int, int, int]  # x, y, width, height

FRAME_WIDTH = 1280
FRAME_HEIGHT = 720


def _to_u8(values: np.ndarray) -> np.ndarray:
    return np.asarray(np.clip(values, 0, 255), dtype=np.uint8)


def qr_image(payload: str, *, module_px: int = 4, border: int = 4, error: str = "m") -> np.ndarray:
    """A black-on-white greyscale QR code with a quiet zone of ``border`` modules."""
    import segno

    code = segno.make_qr(payload, error=error)
    matrix = np.array([list(row) for row in code.matrix], dtype=np.uint8)
    image = np.where(matrix > 0, 0, 255).astype(np.uint8)
    image = np.pad(image, border, constant_values=255)
    return np.kron(image, np.ones((module_px, module_px), dtype=np.uint8))


def resize(image: np.ndarray, factor: float, *, smooth: bool = True) -> np.ndarray:
    import cv2

    h, w = image.shape[:2]
    size = (max(1, round(w * factor)), max(1, round(h * factor)))
    interpolation = cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR
    return cv2.resize(image, size, interpolation=interpolation if smooth else cv2.INTER_NEAREST)


def paste(canvas: np.ndarray, image: np.ndarray, x: int, y: int) -> None:
    """Copy ``image`` into ``canvas`` at (x, y), clipped to the canvas, in place."""
    h, w = image.shape[:2]
    ch, cw = canvas.shape[:2]
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(cw, x + w), min(ch, y + h)
    if x1 > x0 and y1 > y0:
        canvas[y0:y1, x0:x1] = image[y0 - y : y1 - y, x0 - x : x1 - x]


def enrollment_page(
    codes: Sequence[np.ndarray],
    rng: np.random.Generator,
    *,
    width: int = 1280,
    height: int = 800,
    title: str = "Set up two-factor authentication",
) -> tuple[np.ndarray, list[Box]]:
    """A fake web page (white, headings, paragraphs) and where its QR code(s) are."""
    import cv2

    page = np.full((height, width), 255, dtype=np.uint8)
    cv2.rectangle(page, (0, 0), (width, 56), 235, thickness=-1)
    cv2.putText(page, "Example Portal", (24, 38), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 40, 2)
    cv2.putText(page, title, (24, 110), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 20, 2)
    lines = [
        "1. Install an authenticator app on your phone or computer.",
        "2. Scan the QR code below, or enter the key by hand.",
        "3. Type the 6-digit code the app shows to finish.",
    ]
    for i, line in enumerate(lines):
        cv2.putText(page, line, (24, 150 + 30 * i), cv2.FONT_HERSHEY_SIMPLEX, 0.6, 60, 1)
    x = 40 + int(rng.integers(0, 60))
    top = 250
    boxes: list[Box] = []
    for code in codes:
        h, w = code.shape[:2]
        if x + w > width - 10:
            x = 40
            top += h + 20
        y = top + int(rng.integers(0, 20))
        paste(page, code, x, y)
        boxes.append((x, y, w, h))
        x += w + 40 + int(rng.integers(0, 40))
    footer_y = min(height - 20, top + max(c.shape[0] for c in codes) + 60) if codes else 400
    cv2.putText(page, "Can't scan? Key: XXXX XXXX XXXX XXXX", (24, footer_y),
                cv2.FONT_HERSHEY_SIMPLEX, 0.55, 90, 1)
    return page, boxes


def crop_around(image: np.ndarray, box: Box, margin: float) -> np.ndarray:
    """The part of ``image`` around ``box`` (x, y, w, h), ``margin`` box sizes each side."""
    x, y, w, h = box
    mx, my = int(w * margin), int(h * margin)
    ih, iw = image.shape[:2]
    return image[max(0, y - my) : min(ih, y + h + my), max(0, x - mx) : min(iw, x + w + mx)]


def rotate(image: np.ndarray, degrees: float, *, fill: int = 255) -> np.ndarray:
    """Rotate about the centre, growing the canvas so nothing is cut off."""
    import cv2

    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    nw, nh = int(h * sin + w * cos), int(h * cos + w * sin)
    matrix[0, 2] += nw / 2 - w / 2
    matrix[1, 2] += nh / 2 - h / 2
    return cv2.warpAffine(image, matrix, (nw, nh), flags=cv2.INTER_LINEAR,
                          borderValue=fill)


def perspective(image: np.ndarray, rng: np.random.Generator, strength: float = 0.15,
                *, fill: int = 255) -> np.ndarray:
    """Move each corner inwards by up to ``strength`` of the size (a camera at an angle)."""
    import cv2

    h, w = image.shape[:2]
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    jitter = rng.uniform(0, strength, size=(4, 2)) * np.array([w, h])
    signs = np.array([[1, 1], [-1, 1], [-1, -1], [1, -1]])
    dst = (src + signs * jitter).astype(np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    return cv2.warpPerspective(image, matrix, (w, h), flags=cv2.INTER_LINEAR,
                               borderValue=fill)


def blur(image: np.ndarray, sigma: float) -> np.ndarray:
    import cv2

    return cv2.GaussianBlur(image, (0, 0), sigma) if sigma > 0 else image


def noise(image: np.ndarray, rng: np.random.Generator, sigma: float) -> np.ndarray:
    return _to_u8(image.astype(np.float32) + rng.normal(0, sigma, size=image.shape))


def jpeg(image: np.ndarray, quality: int) -> np.ndarray:
    import cv2

    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:  # pragma: no cover - OpenCV always encodes JPEG
        return image
    decoded = cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)
    return image if decoded is None else np.asarray(decoded)


def moire(image: np.ndarray, rng: np.random.Generator, amplitude: float = 18.0) -> np.ndarray:
    """Interference stripes like a camera sees on an LCD screen."""
    h, w = image.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = rng.uniform(0, np.pi)
    freq = rng.uniform(0.25, 0.6)
    stripes = np.sin((xx * np.cos(angle) + yy * np.sin(angle)) * freq)
    return _to_u8(image.astype(np.float32) + amplitude * stripes)


def uneven_light(image: np.ndarray, rng: np.random.Generator, depth: float = 0.35) -> np.ndarray:
    """A brightness gradient (screen glare on one side, shadow on the other)."""
    h, w = image.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = rng.uniform(0, 2 * np.pi)
    ramp = (xx / w) * np.cos(angle) + (yy / h) * np.sin(angle)
    ramp = (ramp - ramp.min()) / max(float(np.ptp(ramp)), 1e-6)
    gain = 1.0 - depth * ramp
    return _to_u8(image.astype(np.float32) * gain)


def monitor_photo(page: np.ndarray, rng: np.random.Generator, *, strength: float = 1.0,
                  out_width: int = 1280, blur_sigma: float | None = None) -> np.ndarray:
    """A phone/webcam photo of a screen showing ``page``: dim, tilted, soft, noisy, moiré.

    ``blur_sigma`` (pixels of the photo) overrides the focus blur picked from ``strength``.
    """
    photo = _to_u8(page.astype(np.float32) * rng.uniform(0.55, 0.85) + rng.uniform(15, 45))
    photo = np.pad(photo, 60, constant_values=int(rng.uniform(10, 40)))  # the bezel
    photo = perspective(photo, rng, 0.12 * strength, fill=int(rng.uniform(30, 90)))
    photo = resize(photo, out_width / photo.shape[1])
    photo = moire(photo, rng, amplitude=10 * strength)
    photo = uneven_light(photo, rng, depth=0.3 * strength)
    sigma = rng.uniform(0.6, 1.6) * strength
    photo = blur(photo, sigma if blur_sigma is None else blur_sigma)
    photo = noise(photo, rng, 6 * strength)
    return jpeg(photo, int(rng.integers(60, 90)))


@dataclass
class SyntheticVideoSource:
    """A :class:`~authenticator.scan.camera.FrameSource` of 1280x720 camera-like frames.

    From frame ``show_from`` on, a QR code holding ``payload`` is pasted near the centre
    with a little hand shake; every frame gets fresh sensor noise. ``frames`` limits the
    length (``read`` then returns ``None``, as a camera does when it stops).
    """

    payload: str
    frames: int = 300
    seed: int = 0
    qr_width: int = 360
    show_from: int = 0
    noise_sigma: float = 5.0
    blur_sigma: float = 0.0  # out of focus

    def __post_init__(self) -> None:
        self._rng = np.random.default_rng(self.seed)
        code = qr_image(self.payload, module_px=4)
        self._code = resize(code, self.qr_width / code.shape[1])
        self._background = np.full((FRAME_HEIGHT, FRAME_WIDTH), 90, dtype=np.uint8)
        self._background = uneven_light(self._background + 60, self._rng, depth=0.4)
        self._index = 0
        self.released = False

    def read(self) -> np.ndarray | None:
        if self.released or self._index >= self.frames:
            return None
        frame = self._background.copy()
        if self._index >= self.show_from:
            h, w = self._code.shape
            shake = self._rng.integers(-12, 13, size=2)
            paste(frame, self._code, (FRAME_WIDTH - w) // 2 + int(shake[0]),
                  (FRAME_HEIGHT - h) // 2 + int(shake[1]))
        self._index += 1
        return noise(blur(frame, self.blur_sigma), self._rng, self.noise_sigma)

    def release(self) -> None:
        self.released = True
