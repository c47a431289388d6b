"""Fill unfinished .ts entries from a {source: translation} table (plural entries take a
list of forms). Used after `make translations`; keeps everything else byte-for-byte."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

MESSAGE = re.compile(r"(<message( numerus=\"yes\")?>.*?</message>)", re.S)
SOURCE = re.compile(r"<source>(.*?)</source>", re.S)
UNFINISHED = re.compile(r"<translation type=\"unfinished\">.*?</translation>|"
                        r"<translation type=\"unfinished\"/>", re.S)


def _escape(text: str) -> str:
    return html.escape(text, quote=False).replace("'", "&apos;").replace('"', "&quot;")


def fill(path: Path, table: dict[str, str | list[str]]) -> list[str]:
    text = path.read_text(encoding="utf-8")
    left: list[str] = []

    def one(match: re.Match[str]) -> str:
        block = match.group(1)
        if 'type="unfinished"' not in block:
            return block
        source = html.unescape(SOURCE.search(block).group(1))  # type: ignore[union-attr]
        value = table.get(source)
        if value is None:
            left.append(source)
            return block
        if isinstance(value, list):
            forms = "".join(f"\n            <numerusform>{_escape(v)}</numerusform>"
                            for v in value)
            new = f"<translation>{forms}\n        </translation>"
        else:
            new = f"<translation>{_escape(value)}</translation>"
        return UNFINISHED.sub(lambda _m: new, block, count=1)

    path.write_text(MESSAGE.sub(one, text), encoding="utf-8")
    return left


if __name__ == "__main__":
    import json

    left = fill(Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")))
    for source in left:
        print("untranslated:", source)
