"""From an image (file, bytes or array) to the authenticator keys its QR codes hold.

Contract: :func:`scan_file`, :func:`scan_bytes` and :func:`scan_array` never raise for
bad input (missing, empty, corrupt or huge files, images without a QR code, QR codes
holding something else). They always return a :class:`ScanResult`: either accounts and/or
migration batches were found, or ``error`` holds one line for a person explaining why
not. Messages never include the file name (the caller knows it) nor any secret.
:meth:`ScanResult.require` turns "nothing found" into a :class:`ScanError` for callers
that prefer an exception.

The pipeline runs the decoders best-first over a short ladder of preprocessing variants
and stops at the first variant in which a usable authenticator payload is found. Other
QR codes beside it (a decoy link to the service's help page) are then ignored.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from authenticator.core.account import Account
from authenticator.core.errors import AuthenticatorError
from authenticator.core.links import LinkKind, link_kind, parse_link
from authenticator.core.migration import MigrationBatch
from authenticator.scan import MAX_IMAGE_PIXELS
from authenticator.scan.decoders import Decoder
from authenticator.scan.ladder import (
    DEFAULT_LADDER,
    MAX_WORK_SIDE,
    Rung,
    build_ladder,
)

if TYPE_CHECKING:
    import numpy as np

# Bigger files are not enrollment screenshots or photos; refuse before reading them.
MAX_FILE_BYTES = 64 * 1024 * 1024
# Decompression-bomb guard (a 30000x30000 PNG compresses to under 1 MB).
MAX_PIXELS = MAX_IMAGE_PIXELS
# The smallest QR code (21 modules) cannot fit in fewer pixels than this.
MIN_SIDE = 21

class ScanProblem(Enum):
    """Why an image yielded nothing, as the English sentence (``{}``: the detail)."""

    NO_QR = "no QR code found in this image"
    WEB_ADDRESS = "this QR code contains a web address, not an authenticator key"
    TEXT_ONLY = "this QR code contains text, not an authenticator key"
    BAD_OTPAUTH = "this QR code holds an otpauth link that could not be read: {}"
    BAD_MIGRATION = ("this QR code holds a Google Authenticator export that could not be "
                     "read: {}")
    EMPTY_FILE = "the file is empty"
    NOT_A_FILE = "there is no such file"
    IS_A_FOLDER = "this is a folder, not an image file"
    NO_PERMISSION = "the file cannot be opened: permission denied"
    UNREADABLE = "the file cannot be read: {}"
    FILE_TOO_BIG = "the file is too large to be a screenshot or photo"
    NOT_AN_IMAGE = ("the file is not an image that can be read (corrupt or unsupported "
                    "format)")
    TOO_MANY_PIXELS = "the image is too large to scan; crop it around the QR code and try again"
    BAD_ARRAY = "the image has an unsupported pixel format"
    TOO_SMALL = "the image is too small to hold a QR code"
    NO_PICTURE = "the screenshot service did not write a picture file"

    def sentence(self, detail: str = "") -> str:
        return self.value.format(detail) if "{}" in self.value else self.value


# The sentences by their old names (the command line and tests compare with them).
NO_QR = ScanProblem.NO_QR.value
WEB_ADDRESS = ScanProblem.WEB_ADDRESS.value
TEXT_ONLY = ScanProblem.TEXT_ONLY.value
BAD_OTPAUTH = ScanProblem.BAD_OTPAUTH.value
BAD_MIGRATION = ScanProblem.BAD_MIGRATION.value
EMPTY_FILE = ScanProblem.EMPTY_FILE.value
NOT_A_FILE = ScanProblem.NOT_A_FILE.value
IS_A_FOLDER = ScanProblem.IS_A_FOLDER.value
NO_PERMISSION = ScanProblem.NO_PERMISSION.value
UNREADABLE = ScanProblem.UNREADABLE.value
FILE_TOO_BIG = ScanProblem.FILE_TOO_BIG.value
NOT_AN_IMAGE = ScanProblem.NOT_AN_IMAGE.value
TOO_MANY_PIXELS = ScanProblem.TOO_MANY_PIXELS.value
BAD_ARRAY = ScanProblem.BAD_ARRAY.value
TOO_SMALL = ScanProblem.TOO_SMALL.value


class ScanError(AuthenticatorError):
    """Nothing usable was found in an image; the message says why, in one line. ``kind``
    is the :class:`ScanProblem`'s name; fields ``problem`` and ``detail``."""

    def __init__(self, problem: ScanProblem, detail: str = "") -> None:
        super().__init__(problem.sentence(detail), kind=problem.name, problem=problem,
                         detail=detail)
        self.problem = problem


@dataclass
class ScanResult:
    """What one image yielded.

    ``payloads`` are the raw texts of the QR codes that were used; they contain secrets,
    so they are left out of ``repr`` and must never be logged or shown.
    """

    accounts: list[Account] = field(default_factory=list)
    migration_batches: list[MigrationBatch] = field(default_factory=list)
    payloads: list[str] = field(default_factory=list, repr=False)
    problem: ScanProblem | None = None
    detail: str = ""  # what fills the problem's sentence (a nested reason), if anything
    decoder: str | None = None
    variant: str | None = None

    @property
    def error(self) -> str | None:
        """Why nothing was found, in one English line (None when something was)."""
        return self.problem.sentence(self.detail) if self.problem is not None else None

    def failure(self) -> ScanError:
        """Why nothing was found, as a typed error (not raised)."""
        return ScanError(self.problem or ScanProblem.NO_QR, self.detail)

    @property
    def found(self) -> bool:
        """True when the image holds at least one account or migration batch."""
        return bool(self.accounts or self.migration_batches)

    def all_accounts(self) -> list[Account]:
        """Accounts from otpauth links followed by those of the migration batches."""
        out = list(self.accounts)
        for batch in self.migration_batches:
            out.extend(batch.accounts)
        return out

    def require(self) -> ScanResult:
        """Return ``self`` when something was found, else raise :class:`ScanError`."""
        if not self.found:
            raise self.failure()
        return self

    def __repr__(self) -> str:
        return (
            f"ScanResult(accounts={self.accounts!r}, "
            f"migration_batches={len(self.migration_batches)}, "
            f"payloads=<{len(self.payloads)} hidden>, error={self.error!r}, "
            f"decoder={self.decoder!r}, variant={self.variant!r})"
        )


# -- classification ---------------------------------------------------------------------


@dataclass
class _Classified:
    accounts: list[Account] = field(default_factory=list)
    batches: list[MigrationBatch] = field(default_factory=list)
    used: list[str] = field(default_factory=list)
    problem: ScanProblem | None = None
    detail: str = ""
    rank: int = 0  # how telling ``problem`` is; the most telling one is reported

    @property
    def usable(self) -> bool:
        return bool(self.accounts or self.batches)

    def note(self, rank: int, problem: ScanProblem, detail: str = "") -> None:
        if rank > self.rank:
            self.rank, self.problem, self.detail = rank, problem, detail


def _classify(texts: Sequence[str], into: _Classified) -> None:
    for raw in texts:
        text = raw.strip()
        kind = link_kind(text)
        if kind is not LinkKind.OTHER:
            try:
                found = parse_link(text)
            except AuthenticatorError as err:
                if kind is LinkKind.MIGRATION:
                    into.note(4, ScanProblem.BAD_MIGRATION, _one_line(err))
                else:
                    into.note(5, ScanProblem.BAD_OTPAUTH, _one_line(err))
                continue
            if isinstance(found, MigrationBatch):
                into.batches.append(found)
            else:
                into.accounts.append(found)
            into.used.append(text)
        elif text[:24].lower().startswith(("http://", "https://", "www.")):
            into.note(3, ScanProblem.WEB_ADDRESS)
        elif text:
            into.note(2, ScanProblem.TEXT_ONLY)


def _one_line(err: Exception) -> str:
    return " ".join(str(err).split()) or "unknown problem"


# -- image loading ---------------------------------------------------------------------------


def _png_pixels(data: bytes) -> int | None:
    """Width x height from a PNG header, read before decoding anything."""
    if len(data) >= 24 and data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        return int.from_bytes(data[16:20], "big") * int.from_bytes(data[20:24], "big")
    return None


def to_gray(image: np.ndarray) -> np.ndarray | None:
    """8-bit greyscale from grey, BGR, BGRA (transparency over white) or 16-bit images."""
    import cv2
    import numpy as np

    if image.size == 0:
        return None
    if image.dtype == np.uint16:
        image = (image >> 8).astype(np.uint8)
    elif image.dtype in (np.float32, np.float64):
        scale = 255.0 if float(np.nanmax(image, initial=0.0)) <= 1.0 else 1.0
        image = np.clip(np.nan_to_num(image) * scale, 0, 255).astype(np.uint8)
    elif image.dtype != np.uint8:
        return None
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    if image.ndim == 2:
        gray = image
    elif image.ndim == 3 and image.shape[2] == 3:
        gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    elif image.ndim == 3 and image.shape[2] == 4:
        # Transparent QR codes (black modules on nothing) must land on white, not black.
        colour = cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY).astype(np.float32)
        alpha = image[:, :, 3].astype(np.float32) / 255.0
        gray = (colour * alpha + 255.0 * (1.0 - alpha)).astype(np.uint8)
    else:
        return None
    return np.ascontiguousarray(gray)


def _fit(gray: np.ndarray) -> np.ndarray:
    side = max(gray.shape)
    if side <= MAX_WORK_SIDE:
        return gray
    import cv2

    factor = MAX_WORK_SIDE / side
    smaller: np.ndarray = cv2.resize(gray, None, fx=factor, fy=factor,
                                     interpolation=cv2.INTER_AREA)
    return smaller


# -- public API ---------------------------------------------------------------------------


def scan_array(image: np.ndarray,
               ladder: Sequence[tuple[str, str]] = DEFAULT_LADDER) -> ScanResult:
    """Find authenticator keys in an image array (grey, BGR or BGRA; any size)."""
    if not (hasattr(image, "dtype") and hasattr(image, "ndim")) or image.ndim not in (2, 3):
        return ScanResult(problem=ScanProblem.BAD_ARRAY)
    if min(image.shape[:2]) < MIN_SIDE:
        return ScanResult(problem=ScanProblem.TOO_SMALL)
    gray = to_gray(image)
    if gray is None:
        return ScanResult(problem=ScanProblem.BAD_ARRAY)
    if gray.size > MAX_PIXELS:
        return ScanResult(problem=ScanProblem.TOO_MANY_PIXELS)
    return scan_gray(_fit(gray), build_ladder(ladder))


def scan_gray(gray: np.ndarray, ladder: Sequence[tuple[Decoder, Rung]]) -> ScanResult:
    """Run ``ladder`` over an 8-bit greyscale image; stop at the first usable payload."""
    cache: dict[str, np.ndarray | None] = {}
    seen: _Classified = _Classified()
    seen_texts: set[str] = set()
    for decoder, rung in ladder:
        if rung.variant not in cache:
            cache[rung.variant] = rung.transform(gray)
        variant = cache[rung.variant]
        if variant is None:
            continue
        try:
            texts = decoder.decode(variant)
        except Exception:  # noqa: S112 - a decoder crash must not end the scan
            continue
        found = _Classified()
        _classify(texts, found)
        if found.usable:
            return ScanResult(accounts=found.accounts, migration_batches=found.batches,
                              payloads=found.used, decoder=decoder.name,
                              variant=rung.variant)
        new = [t for t in texts if t not in seen_texts]
        seen_texts.update(new)
        _classify(new, seen)
    return ScanResult(problem=seen.problem or ScanProblem.NO_QR, detail=seen.detail)


def scan_bytes(data: bytes, ladder: Sequence[tuple[str, str]] = DEFAULT_LADDER) -> ScanResult:
    """Find authenticator keys in an encoded image (PNG, JPEG, BMP, WebP, TIFF...)."""
    if not data:
        return ScanResult(problem=ScanProblem.EMPTY_FILE)
    if len(data) > MAX_FILE_BYTES:
        return ScanResult(problem=ScanProblem.FILE_TOO_BIG)
    if (_png_pixels(data) or 0) > MAX_PIXELS:
        return ScanResult(problem=ScanProblem.TOO_MANY_PIXELS)
    image = _decode_image(data)
    if isinstance(image, ScanProblem):
        return ScanResult(problem=image)
    return scan_array(image, ladder)


def scan_file(path: str | os.PathLike[str],
              ladder: Sequence[tuple[str, str]] = DEFAULT_LADDER) -> ScanResult:
    """Find authenticator keys in an image file."""
    file = Path(path)
    try:
        if file.is_dir():
            return ScanResult(problem=ScanProblem.IS_A_FOLDER)
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            return ScanResult(problem=ScanProblem.FILE_TOO_BIG)
        data = file.read_bytes()
    except FileNotFoundError:
        return ScanResult(problem=ScanProblem.NOT_A_FILE)
    except PermissionError:
        return ScanResult(problem=ScanProblem.NO_PERMISSION)
    except OSError as err:
        return ScanResult(problem=ScanProblem.UNREADABLE,
                          detail=err.strerror or "input/output error")
    return scan_bytes(data, ladder)


def _decode_image(data: bytes) -> np.ndarray | ScanProblem:
    import cv2
    import numpy as np

    # OpenCV's own pixel limit (OPENCV_IO_MAX_IMAGE_PIXELS) is set in scan/__init__.py.
    buffer = np.frombuffer(data, dtype=np.uint8)
    previous = cv2.utils.logging.getLogLevel()
    cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_SILENT)
    try:
        image: np.ndarray | None = cv2.imdecode(buffer, cv2.IMREAD_UNCHANGED)
    except cv2.error as err:
        return (ScanProblem.TOO_MANY_PIXELS if "PIXELS" in str(err).upper()
                else ScanProblem.NOT_AN_IMAGE)
    except MemoryError:
        return ScanProblem.TOO_MANY_PIXELS
    finally:
        cv2.utils.logging.setLogLevel(previous)
    if image is None or image.size == 0:
        return ScanProblem.NOT_AN_IMAGE
    return image


def decode_to_gray(data: bytes) -> np.ndarray | ScanProblem:
    """An encoded image as 8-bit grey (for the drag-a-box fallback on a screenshot), or
    why it cannot be read; the same limits as :func:`scan_bytes`."""
    if not data:
        return ScanProblem.EMPTY_FILE
    if len(data) > MAX_FILE_BYTES:
        return ScanProblem.FILE_TOO_BIG
    if (_png_pixels(data) or 0) > MAX_PIXELS:
        return ScanProblem.TOO_MANY_PIXELS
    image = _decode_image(data)
    if isinstance(image, ScanProblem):
        return image
    gray = to_gray(image)
    if gray is None:
        return ScanProblem.BAD_ARRAY
    if gray.size > MAX_PIXELS:
        return ScanProblem.TOO_MANY_PIXELS
    return gray
