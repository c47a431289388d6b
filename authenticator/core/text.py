"""Text from files and links made safe to show: no terminal escapes, no invisible controls.

An issuer or name comes from whoever made the QR code or the export file. Printed raw, an
``ESC [`` sequence can rewrite the terminal (hide lines, fake output, set the title);
shown in a window, bidirectional overrides can make ``evil.com`` read as ``moc.live``.
"""

from __future__ import annotations

import unicodedata

# Unicode categories never shown as-is: controls (C0, DEL, C1), format characters (bidi
# overrides, zero-width joiners...), line/paragraph separators, unassigned and surrogates.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def control_characters(text: str) -> list[str]:
    """The characters of ``text`` that would be hidden or interpreted, in order, unique."""
    return list(dict.fromkeys(ch for ch in text
                              if unicodedata.category(ch) in _HIDDEN_CATEGORIES))


def _escape(ch: str) -> str:
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def printable(text: str) -> str:
    """``text`` with every control or format character written as a visible escape
    (``\\x1b``), so it cannot act on a terminal and nothing hidden goes unseen."""
    if text.isprintable():
        return text
    return "".join(_escape(ch) if unicodedata.category(ch) in _HIDDEN_CATEGORIES else ch
                   for ch in text)
