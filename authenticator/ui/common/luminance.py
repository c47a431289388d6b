"""WCAG 2.x relative luminance and contrast ratio of colours (the maths only).

Kept apart from :mod:`authenticator.ui.common.contrast` (which audits painted windows and
re-exports these) so the code list can tint its icons without loading the audit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QColor


def _channel(value: float) -> float:
    c = value / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    return (0.2126 * _channel(colour.red()) + 0.7152 * _channel(colour.green())
            + 0.0722 * _channel(colour.blue()))


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def best_on(background: QColor, candidates: list[QColor]) -> QColor:
    """The candidate with the highest contrast on ``background``."""
    return max(candidates, key=lambda c: contrast(c, background))
