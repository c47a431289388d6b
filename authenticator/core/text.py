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


def is_hidden(ch: str) -> bool:
    return unicodedata.category(ch) in _HIDDEN_CATEGORIES


def control_characters(text: str) -> list[str]:
    """The characters of ``text`` that would be hidden or interpreted, in order, unique."""
    return list(dict.fromkeys(ch for ch in text if is_hidden(ch)))


def _escape(ch: str) -> str:
    code = ord(ch)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # as a UTF-16 surrogate pair: the same escape JSON uses
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def printable(text: str, keep: str = "") -> str:
    """``text`` with every control or format character (except those in ``keep``) written
    as a visible ``\\uXXXX`` escape, so it cannot act on a terminal and nothing hidden goes
    unseen. Inside a JSON string the escape means the very same character."""
    if text.isprintable():
        return text
    return "".join(_escape(ch) if ch not in keep and is_hidden(ch) else ch for ch in text)
