"""Importing an Aegis icon pack from the window, and its icons in the list."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect
from PySide6.QtGui import QColor, QImage, QPainter

from authenticator.core.account import Account
from authenticator.core.icon_pack import IconPackError
from authenticator.ui.codes.delegate import Geometry
from authenticator.ui.codes.icon_packs import install_pack, pack_icon_path
from tests.helpers.gui import create_vault

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


def test_import_from_the_menu_and_the_row_shows_the_icon(qtbot, window, tmp_path):
    create_vault(qtbot, window)
    window.session.add_many([Account(secret=b"12345678901234567890", issuer="Example Bank",
                                     name="card")])
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1)
    action = window.features.icon_packs.action
    assert action in window.main_menu.actions()
    window.features.icon_packs.import_pack(make_pack(tmp_path / "pack.zip"))
    qtbot.waitUntil(lambda: "Test icons" in window.codes.toast.text(), timeout=10_000)
    assert window.codes.toast.text().endswith("(1 icon)")
    assert (window.features.icon_packs.folder / UUID / "pack.json").is_file()
    # what the row paints where the avatar is: the pack's green image
    image = QImage(80, 80, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    assert window.features.icon_packs.paint(painter, QRect(8, 8, 64, 64), "Example Bank")
    painter.end()
    assert image.pixelColor(40, 40).name() == "#00aa00"
    # and the list's delegate uses it for the row's avatar
    index = window.proxy.index(0, 0)
    row = QImage(560, 64, QImage.Format.Format_ARGB32)
    row.fill(QColor("white"))
    painter = QPainter(row)
    geometry = Geometry(window.codes.view.font(), QRect(0, 0, 560, 64))
    window.codes.delegate._paint_avatar(painter, geometry, index, window.codes.view.font())
    painter.end()
    centre = geometry.avatar.center()
    assert row.pixelColor(centre.x(), centre.y()).name() == "#00aa00"


def test_bad_packs_are_refused_with_a_reason_and_nothing_left(tmp_path):
    folder = tmp_path / "packs"
    (tmp_path / "not.zip").write_bytes(b"hello")
    with pytest.raises(IconPackError, match="not a zip"):
        install_pack(tmp_path / "not.zip", folder)
    with zipfile.ZipFile(tmp_path / "empty.zip", "w") as archive:
        archive.writestr("readme.txt", "x")
    with pytest.raises(IconPackError, match=r"no pack\.json"):
        install_pack(tmp_path / "empty.zip", folder)
    pack = install_pack(make_pack(tmp_path / "evil.zip", {"../evil.png": b"x"}), folder)
    assert pack.uuid == UUID
    assert not (tmp_path / "evil.png").exists()
    assert sorted(p.name for p in folder.iterdir()) == [UUID]  # no staging folder left
    assert pack_icon_path(folder, "EXAMPLE BANK") == folder / UUID / "PNG" / "Example Bank.png"
    assert pack_icon_path(folder, "Other") is None


def test_import_failure_is_one_clear_message(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    (tmp_path / "bad.zip").write_bytes(b"nope")
    window.features.icon_packs.import_pack(tmp_path / "bad.zip")
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == ["This icon pack could not be used: the file is not a zip archive"]
