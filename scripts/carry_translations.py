"""Carry translations over when code moves: fill each unfinished message of a .ts file with
the finished translation that the same source text has in another file (or context).

Moving a string to another class changes its lupdate context, and lupdate then lists it
as new and unfinished. After ``make translations``:

    python scripts/carry_translations.py OLD.ts NEW.ts   # then make translations again

``OLD.ts`` is the file as committed before the move (``git show HEAD:path > old.ts``).
Only messages whose source text matches exactly are filled; the rest stay unfinished.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MESSAGE = re.compile(r"<message( numerus=\"yes\")?>(.*?)</message>", re.DOTALL)
SOURCE = re.compile(r"<source>(.*?)</source>", re.DOTALL)
TRANSLATION = re.compile(r"<translation[^>]*?(?:/>|>.*?</translation>)", re.DOTALL)


def finished(path: Path) -> dict[tuple[bool, str], str]:
    """(plural, source) -> the finished ``<translation>`` element, as text."""
    found: dict[tuple[bool, str], str] = {}
    for match in MESSAGE.finditer(path.read_text(encoding="utf-8")):
        source = SOURCE.search(match.group(2))
        translation = TRANSLATION.search(match.group(2))
        if source and translation and "type=" not in translation.group(0).split(">")[0]:
            found.setdefault((bool(match.group(1)), source.group(1)), translation.group(0))
    return found


def carry(old: Path, new: Path) -> int:
    known = finished(old)
    filled = 0

    def fill(match: re.Match[str]) -> str:
        nonlocal filled
        body = match.group(2)
        source = SOURCE.search(body)
        translation = TRANSLATION.search(body)
        if not source or not translation or 'type="unfinished"' not in translation.group(0):
            return match.group(0)
        replacement = known.get((bool(match.group(1)), source.group(1)))
        if replacement is None:
            return match.group(0)
        filled += 1
        return match.group(0).replace(translation.group(0), replacement)

    text = MESSAGE.sub(fill, new.read_text(encoding="utf-8"))
    new.write_text(text, encoding="utf-8")
    return filled


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(f"filled {carry(Path(sys.argv[1]), Path(sys.argv[2]))} messages")
