"""Every line the command line prints goes through :class:`SafeStream`.

Issuers and names come from QR codes and other apps' files: printed raw, an escape sequence
in one could rewrite the terminal. Control and format characters (except newline) are
written as ``\\uXXXX`` escapes (``core.text.printable``): visible on a terminal, and inside
JSON strings the very escape JSON itself uses, so ``--json`` output stays valid.
"""

from __future__ import annotations

import io
from typing import TextIO

from authenticator.core.text import printable


class SafeStream(io.TextIOBase):
    """A text stream that escapes control characters before passing text on."""

    def __init__(self, inner: TextIO) -> None:
        super().__init__()
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(printable(text, keep="\n"))
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()

    def fileno(self) -> int:
        return self.inner.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.inner, "encoding", None) or "utf-8"
