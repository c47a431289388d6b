"""Importing an Aegis icon pack from the window, and its icons in the list."""

from __future__ import annotations

import zipfile

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter

from authenticator.core.account import Account
from authenticator.core.icon_pack import IconPackError
from authenticator.ui.codes.icon_packs import install_pack, pack_icon_path
from authenticator.ui.codes.row_parts import Geometry, paint_avatar
from tests.helpers.gui import create_vault
from tests.helpers.icons import UUID, make_pack, png


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
    # and the list's delegate uses it for the row's avatar
    index = window.proxy.index(0, 0)
    row = QImage(560, 64, QImage.Format.Format_ARGB32)
    row.fill(QColor("white"))
    painter = QPainter(row)
    geometry = Geometry(window.codes.view.font(), QRect(0, 0, 560, 64))
    paint_avatar(painter, geometry, index, window.codes.view.font(),
                 window.codes.delegate.pack_icon)
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


def avatar_colour(window, row: int = 0) -> str:
    index = window.proxy.index(row, 0)
    image = QImage(560, 64, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    geometry = Geometry(window.codes.view.font(), QRect(0, 0, 560, 64))
    paint_avatar(painter, geometry, index, window.codes.view.font(),
                 window.codes.delegate.pack_icon)
    painter.end()
    centre = geometry.avatar.center()
    return image.pixelColor(centre.x(), centre.y()).name()


def test_per_account_icon_from_an_image_file_kept_in_the_vault(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QMenu

    from authenticator.storage.vault import Vault
    from tests.helpers.gui import PASSWORD

    create_vault(qtbot, window)
    window.session.add_many([Account(secret=b"12345678901234567890", issuer="My VPN",
                                     name="me")])
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1)
    account = window.session.accounts()[0]
    menu = QMenu()
    for hook in window.rows.menu_hooks:
        hook(menu, account)
    assert any("icon from an image" in a.text().replace("&", "") for a in menu.actions())
    picture = tmp_path / "logo.png"
    picture.write_bytes(png("#CC2200"))
    window.features.icon_packs.choose_icon(account.id, picture)
    qtbot.waitUntil(lambda: bool(window.session.accounts()[0].icon), timeout=10_000)
    assert window.session.accounts()[0].icon.startswith("data:image/png;base64,")
    assert avatar_colour(window) == "#cc2200"
    with Vault.open(window.session.path, PASSWORD, read_only=True) as vault:
        assert vault.accounts[0].icon == window.session.accounts()[0].icon
    window.features.icon_packs.set_icon(account.id, "")  # "Remove the custom icon"
    assert window.session.accounts()[0].icon == ""
    assert avatar_colour(window) != "#cc2200"


def test_an_unreadable_image_is_one_clear_message(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    create_vault(qtbot, window)
    window.session.add_many([Account(secret=b"12345678901234567890", issuer="X1")])
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    (tmp_path / "fake.png").write_bytes(b"not an image")
    window.features.icon_packs.choose_icon(window.session.accounts()[0].id,
                                           tmp_path / "fake.png")
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == ["This image cannot be used: this file is not an image we can read"]
    assert window.session.accounts()[0].icon == ""
