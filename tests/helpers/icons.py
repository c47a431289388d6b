"""Icon files for tests: a small PNG of one colour, an Aegis icon pack (zip)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

UUID = "1e9a6c82-0c9f-4a0e-8b56-0f3d0a5d6a11"


def png(colour: str) -> bytes:
    image = QImage(32, 32, QImage.Format.Format_ARGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def make_pack(path: Path, extra: dict[str, bytes] | None = None) -> Path:
    manifest = {"uuid": UUID, "name": "Test icons", "version": 1,
                "icons": [{"filename": "PNG/Example Bank.png", "category": "Finance",
                           "issuer": ["example bank", "examplebank"]}]}
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("pack.json", json.dumps(manifest))
        archive.writestr("PNG/Example Bank.png", png("#00AA00"))
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path
