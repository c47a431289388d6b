"""Issuer icons: shipped subset with its licence, matching, and contrast in both themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPalette

from authenticator.resources import resource
from authenticator.ui.codes import issuer_icons
from authenticator.ui.common.contrast import _measure, _pixels, contrast
from authenticator.ui.common.theme import dark_palette, light_palette


def test_the_shipped_icons_are_a_small_cc0_subset():
    icons = issuer_icons.catalogue()
    assert 30 <= len(icons) <= 200  # only what is needed, not the 3,000 of the set
    assert all(i["path"][:1] in "Mm" and len(i["hex"]) == 6 for i in icons.values())
    licence = resource("issuer_icons", "LICENSE.md").read_text(encoding="utf-8")
    assert "CC0" in licence


@pytest.mark.parametrize("issuer, slug", [("Google LLC", "google"), ("google.com", "google"),
                                          ("Gmail", "google"), ("GitHub", "github"),
                                          ("Example Bank", "")])
def test_issuers_match_the_shipped_icons(issuer, slug):
    assert issuer_icons.slug_for(issuer) == slug


def test_every_glyph_reads_on_its_disc():
    for slug, icon in issuer_icons.catalogue().items():
        disc, glyph = issuer_icons.disc_and_glyph(QColor("#" + icon["hex"]))
        assert contrast(disc, glyph) >= 4.5, slug


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("issuer", ["GitHub", "Google", "Steam", "Snapchat", "X"])
def test_painted_icon_contrast(qapp, theme, issuer):
    palette: QPalette = light_palette() if theme == "light" else dark_palette()
    image = QImage(96, 96, QImage.Format.Format_ARGB32)
    image.fill(palette.color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    assert issuer_icons.paint_issuer_icon(painter, QRect(16, 16, 64, 64), issuer, palette)
    painter.end()
    glyph_ratio = _measure(_pixels(image, QRect(30, 30, 36, 36)))  # inside the disc
    assert glyph_ratio is not None and glyph_ratio >= 4.5
    edge = _measure(_pixels(image, QRect(8, 44, 16, 8)))  # across the disc's left edge
    assert edge is not None and edge >= 3.0


def test_unknown_issuers_paint_nothing(qapp):
    image = QImage(32, 32, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    assert not issuer_icons.paint_issuer_icon(painter, QRect(0, 0, 32, 32), "Example Bank")
    painter.end()
