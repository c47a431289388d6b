"""Aegis icon packs: import a pack (zip with pack.json) and use its icons in the list.

Installed packs live next to the vault in ``icon-packs/<uuid>/`` (pack.json plus the images
it lists). A pack's icon wins over the built-in ones; it is drawn clipped to the row's disc.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRect, QRectF
from PySide6.QtGui import QAction, QImage, QPainter, QPainterPath

from authenticator.core.icon_pack import IconPack, IconPackError, parse_manifest, safe_member
from authenticator.ui.common.files import open_file_name
from authenticator.ui.common.worker import run_in_background

MAX_PACK_BYTES = 200 * 1024 * 1024  # uncompressed, all files together
MAX_ICON_BYTES = 4 * 1024 * 1024
MAX_MANIFEST_BYTES = 8 * 1024 * 1024


def install_pack(zip_path: Path, folder: Path) -> IconPack:
    """Check and unpack an icon pack into ``folder/<uuid>`` (replacing an older copy)."""
    try:
        archive = zipfile.ZipFile(zip_path)
    except (OSError, zipfile.BadZipFile):
        raise IconPackError("the file is not a zip archive") from None
    with archive:
        infos = {i.filename: i for i in archive.infolist() if not i.is_dir()}
        manifest = infos.get("pack.json")
        if manifest is None:
            raise IconPackError("the zip has no pack.json: it is not an Aegis icon pack")
        if sum(i.file_size for i in infos.values()) > MAX_PACK_BYTES:
            raise IconPackError("the icon pack is too large")
        if manifest.file_size > MAX_MANIFEST_BYTES:
            raise IconPackError("pack.json is too large")
        pack = parse_manifest(archive.read(manifest))
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".pack-", dir=folder))
        try:
            (staging / "pack.json").write_bytes(archive.read(manifest))
            for icon in pack.icons:
                info = infos.get(icon.filename)
                if info is None or info.file_size > MAX_ICON_BYTES or not safe_member(
                        icon.filename):
                    continue
                target = staging / icon.filename
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(info))
            final = folder / pack.uuid
            if final.exists():
                shutil.rmtree(final)
            staging.rename(final)
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    installed_packs.cache_clear()
    return pack


@lru_cache(maxsize=4)
def installed_packs(folder: Path) -> tuple[tuple[IconPack, Path], ...]:
    packs = []
    for manifest in sorted(folder.glob("*/pack.json")) if folder.is_dir() else []:
        try:
            packs.append((parse_manifest(manifest.read_bytes()), manifest.parent))
        except (OSError, IconPackError):
            continue
    return tuple(packs)


@lru_cache(maxsize=512)
def _image(path: str) -> QImage:
    return QImage(path)


def pack_icon_path(folder: Path, issuer: str) -> Path | None:
    for pack, where in installed_packs(folder):
        name = pack.match(issuer)
        if name and (where / name).is_file():
            return where / name
    return None


def paint_pack_icon(painter: QPainter, rect: QRect, issuer: str, folder: Path) -> bool:
    path = pack_icon_path(folder, issuer) if issuer else None
    if path is None:
        return False
    image = _image(str(path))
    if image.isNull():
        return False
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    clip = QPainterPath()
    clip.addEllipse(QRectF(rect))
    painter.setClipPath(clip)
    painter.drawImage(QRectF(rect), image)
    painter.restore()
    return True


class IconPacks(QObject):
    """The "Import icon pack…" menu entry and the list's use of installed packs."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(self.tr("Import icon pac&k…"), window)
        self.action.triggered.connect(lambda _=False: self.import_pack())
        window.add_menu_action(self.action)
        window.codes.delegate.pack_icon = self.paint

    @property
    def folder(self) -> Path:
        return Path(self.window.session.path).parent / "icon-packs"

    def paint(self, painter: QPainter, rect: QRect, issuer: str) -> bool:
        return paint_pack_icon(painter, rect, issuer, self.folder)

    def import_pack(self, path: Path | None = None) -> None:
        if path is None:
            path = open_file_name(self.window, self.tr("Import an Aegis icon pack"),
                                  self.tr("Icon packs (*.zip);;All files (*)"))
            if path is None:
                return
        folder = self.folder
        run_in_background(lambda: install_pack(path, folder), self._installed, self._failed,
                          context=self)

    def _installed(self, pack: IconPack) -> None:
        self.window.codes.delegate.clear_cache()
        self.window.codes.view.viewport().update()
        self.window.notify(self.tr("Icon pack “{name}” added (%n icon(s))", "",
                                   len(pack.icons)).format(name=pack.name))

    def _failed(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.window, self.tr("Import icon pack"),
                            self.tr("This icon pack could not be used: {reason}").format(
                                reason=message))


def install(host: Any) -> IconPacks:
    return IconPacks(host.window())
