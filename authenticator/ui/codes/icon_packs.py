"""Icons the user brings: a per-account image, and Aegis icon packs.

- "Set icon from an image…" (row menu) scales the image to 128 x 128 and keeps it in the
  account, inside the encrypted vault (so it travels with backups and sync).
- "Import icon pack…" (main menu) takes an Aegis icon pack (a zip with pack.json); packs
  live next to the vault in ``icon-packs/<uuid>/``.
Order in a row: the account's own icon, then a pack's, then the built-in brand glyph, then
initials. Images are drawn clipped to the row's disc.
"""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QAction, QImage, QImageReader, QPainter, QPainterPath
from PySide6.QtWidgets import QMenu

from authenticator.core.account import MAX_ICON_CHARS, Account
from authenticator.core.errors import AuthenticatorError
from authenticator.core.icon_pack import IconPack, IconPackError, parse_manifest, safe_member
from authenticator.ui.common.files import open_file_name
from authenticator.ui.common.messages import describe
from authenticator.ui.common.worker import run_in_background

if TYPE_CHECKING:
    from authenticator.ui.host import Host

MAX_PACK_BYTES = 200 * 1024 * 1024  # uncompressed, all files together
MAX_ICON_BYTES = 4 * 1024 * 1024
MAX_MANIFEST_BYTES = 8 * 1024 * 1024
MAX_IMAGE_FILE_BYTES = 20 * 1024 * 1024
ICON_PIXELS = 128


def icon_image(path: Path) -> QImage:
    """The image at ``path`` cropped square and scaled to 128 x 128 (runs in a worker)."""
    try:
        if path.stat().st_size > MAX_IMAGE_FILE_BYTES:
            raise AuthenticatorError("the image file is too large (20 MB at most)")
    except OSError as exc:
        raise AuthenticatorError(f"cannot read the image ({exc.strerror})") from None
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid() and size.width() * size.height() > 64_000_000:
        raise AuthenticatorError("the image is too large")
    image = reader.read()
    if image.isNull():
        raise AuthenticatorError("this file is not an image we can read")
    side = min(image.width(), image.height())
    square = image.copy((image.width() - side) // 2, (image.height() - side) // 2, side, side)
    return square.scaled(ICON_PIXELS, ICON_PIXELS, Qt.AspectRatioMode.IgnoreAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)


def icon_uri(small: QImage) -> str:
    """A PNG data URI of a small image (on the GUI thread: QBuffer is not shared)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    small.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    uri = "data:image/png;base64," + base64.b64encode(bytes(data.data())).decode("ascii")
    if len(uri) > MAX_ICON_CHARS:
        raise AuthenticatorError("the icon is too large once converted")
    return uri


@lru_cache(maxsize=256)
def _icon_image(uri: str) -> QImage:
    try:
        raw = base64.b64decode(uri.split(",", 1)[1], validate=True)
    except (IndexError, ValueError):
        return QImage()
    return QImage.fromData(raw)


def install_pack(zip_path: Path, folder: Path) -> IconPack:
    """Check and unpack an icon pack into ``folder/<uuid>`` (replacing an older copy)."""
    import shutil  # here: start-up does not need the zip and file-tree code
    import tempfile
    import zipfile

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
    return _paint_in_disc(painter, rect, _image(str(path)))


def _paint_in_disc(painter: QPainter, rect: QRect, image: QImage) -> bool:
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

    def __init__(self, host: Host) -> None:
        super().__init__(host.window())
        self.host = host
        self._icon_for = ""
        self.action = QAction(self.tr("Import ico&n pack…"), host.window())
        self.action.triggered.connect(lambda _=False: self.import_pack())
        host.add_menu_action(self.action)
        host.add_row_menu_hook(self._extend_row_menu)
        host.code_list.set_icon_painter(self.paint)

    @property
    def folder(self) -> Path:
        return Path(self.host.session.path).parent / "icon-packs"

    def paint(self, painter: QPainter, rect: QRect, account: Account) -> bool:
        if account.icon and _paint_in_disc(painter, rect, _icon_image(account.icon)):
            return True
        return paint_pack_icon(painter, rect, account.issuer, self.folder)

    def _extend_row_menu(self, menu: QMenu, account: Account) -> None:
        menu.addSeparator()
        choose = menu.addAction(self.tr("Set &icon from an image…"))
        choose.triggered.connect(lambda _=False, a=account.id: self.choose_icon(a))
        if account.icon:
            clear = menu.addAction(self.tr("Remove the custom icon"))
            clear.triggered.connect(lambda _=False, a=account.id: self.set_icon(a, ""))

    def choose_icon(self, account_id: str, path: Path | None = None) -> None:
        if path is None:
            path = open_file_name(self.host.window(), self.tr("Choose an icon"),
                                  self.tr("Images (*.png *.jpg *.jpeg *.svg *.webp *.bmp "
                                          "*.gif);;All files (*)"))
            if path is None:
                return
        self._icon_for = account_id
        run_in_background(lambda: icon_image(path), self._icon_ready, self._icon_failed,
                          context=self)

    def _icon_ready(self, image: QImage) -> None:
        try:
            uri = icon_uri(image)
        except AuthenticatorError as exc:
            self._icon_failed(exc)
            return
        self.set_icon(self._icon_for, uri)

    def set_icon(self, account_id: str, uri: str) -> None:
        session = self.host.session
        account = session.get(account_id) if session.is_unlocked else None
        if account is not None:
            session.update(account.evolve(icon=uri))

    def _icon_failed(self, error: AuthenticatorError) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.host.window(), self.tr("Set icon"),
                            self.tr("This image cannot be used: {reason}").format(
                                reason=describe(error)))

    def import_pack(self, path: Path | None = None) -> None:
        if path is None:
            path = open_file_name(self.host.window(), self.tr("Import an Aegis icon pack"),
                                  self.tr("Icon packs (*.zip);;All files (*)"))
            if path is None:
                return
        folder = self.folder
        run_in_background(lambda: install_pack(path, folder), self._installed, self._failed,
                          context=self)

    def _installed(self, pack: IconPack) -> None:
        # Again here, on the GUI thread: a paint that listed the packs while the worker
        # unpacked could have cached the list without the new pack after the worker's clear.
        installed_packs.cache_clear()
        self.host.code_list.repaint(icons_changed=True)
        self.host.notify(self.tr("Icon pack “{name}” added (%n icon(s))", "",
                                 len(pack.icons)).format(name=pack.name))

    def _failed(self, error: AuthenticatorError) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.host.window(), self.tr("Import icon pack"),
                            self.tr("This icon pack could not be used: {reason}").format(
                                reason=describe(error)))


def install(host: Host) -> IconPacks:
    return IconPacks(host)
