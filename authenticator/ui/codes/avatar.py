"""Coloured initials avatar derived from the issuer (no network, no favicon fetching)."""

from __future__ import annotations

import hashlib

# Material-like palette with enough contrast for white initials in light and dark themes.
PALETTE = (
    "#C62828", "#AD1457", "#6A1B9A", "#4527A0", "#283593", "#1565C0", "#0277BD",
    "#00695C", "#2E7D32", "#558B2F", "#EF6C00", "#D84315", "#4E342E", "#37474F",
)


def initials(issuer: str, name: str = "") -> str:
    """One or two letters: 'GitHub' -> 'G', 'Proton Mail' -> 'PM', '' + 'alice' -> 'A'."""
    source = issuer.strip() or name.strip()
    if not source:
        return "?"
    words = [w for w in source.replace("_", " ").replace("-", " ").split() if w]
    letters = [w[0] for w in words if w[0].isalnum()]
    if len(letters) >= 2:
        return (letters[0] + letters[1]).upper()
    first = next((ch for ch in source if ch.isalnum()), source[0])
    return first.upper()


def colour(issuer: str, name: str = "") -> str:
    """A stable colour for the issuer (the same on every run and machine)."""
    key = (issuer.strip() or name.strip()).casefold().encode("utf-8")
    index = int.from_bytes(hashlib.sha256(key).digest()[:4], "big") % len(PALETTE)
    return PALETTE[index]
