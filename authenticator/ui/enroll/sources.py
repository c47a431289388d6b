"""Where enrollment input comes from: dropped or pasted data, links, screen grabs.

Everything here hands *plain data* to the scanner (file paths, greyscale arrays, link
text); decoding itself runs in a worker thread (see ``scanning``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QGuiApplication, QImage

from authenticator.core.account import Account
from authenticator.core.errors import AuthenticatorError
from authenticator.core.links import LinkKind, link_kind, parse_link

if TYPE_CHECKING:
    import numpy as np

    from authenticator.core.migration import MigrationBatch

LINK_PREFIXES = ("otpauth://", "otpauth-migration://")
NOT_A_LINK = ("this text is not an authenticator link; links start with otpauth:// "
              "(copy the link behind the QR code, or the QR code image itself)")


@dataclass
class Incoming:
    """Something dropped or pasted: image files, an image, or link text."""

    paths: list[str] = field(default_factory=list)
    image: QImage | None = None
    text: str = field(default="", repr=False)  # may hold a secret: never shown

    @property
    def empty(self) -> bool:
        return not self.paths and self.image is None and not self.text


def looks_like_link(text: str) -> bool:
    return text.strip().lower().startswith(LINK_PREFIXES)


def incoming_from_mime(mime: QMimeData | None, *, any_text: bool = False) -> Incoming | None:
    """What an enrollment can use from ``mime``; None when there is nothing for us.

    Text counts only when it is an otpauth link, unless ``any_text`` (the paste route
    inside the dialog reports why other text is no key).
    """
    if mime is None:
        return None
    incoming = Incoming()
    if mime.hasUrls():
        urls: list[QUrl] = mime.urls()
        incoming.paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
    if not incoming.paths and mime.hasImage():
        image = QImage(mime.imageData())
        if not image.isNull():
            incoming.image = image
    if not incoming.paths and incoming.image is None and mime.hasText():
        text = mime.text().strip()
        if looks_like_link(text) or (any_text and text):
            incoming.text = text
    return None if incoming.empty else incoming


def clipboard_incoming(*, any_text: bool = False) -> Incoming | None:
    return incoming_from_mime(QGuiApplication.clipboard().mimeData(), any_text=any_text)


def parse_links(text: str) -> tuple[list[Account], list[MigrationBatch]]:
    """Accounts and export parts from one or more links (one per line).

    Raises :class:`AuthenticatorError` with a one-line reason when no line is usable.
    """
    accounts: list[Account] = []
    batches: list[MigrationBatch] = []
    problem: str | None = None
    for line in text.split():
        if link_kind(line) is LinkKind.OTHER:
            problem = problem or NOT_A_LINK
            continue
        try:
            found = parse_link(line)
        except AuthenticatorError as err:
            problem = str(err)
            continue
        if isinstance(found, Account):
            accounts.append(found)
        else:
            batches.append(found)
    if not accounts and not batches:
        raise AuthenticatorError(problem or NOT_A_LINK)
    return accounts, batches


def qimage_to_gray(image: QImage) -> np.ndarray:
    """An 8-bit greyscale copy of ``image`` as a numpy array (safe to hand to a worker)."""
    import numpy as np

    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    buffer = np.frombuffer(gray.constBits(), dtype=np.uint8, count=stride * height)
    return buffer.reshape(height, stride)[:, :width].copy()


def is_blank(gray: np.ndarray) -> bool:
    """True for the all-black (or single-colour) images some desktops return for grabs."""
    return gray.size == 0 or int(gray.max()) - int(gray.min()) < 8


def grab_screens() -> list[QImage]:
    """A screenshot of every screen (null images where the desktop refuses, e.g. Wayland)."""
    images = []
    for screen in QGuiApplication.screens():
        images.append(screen.grabWindow(0).toImage())
    return images
