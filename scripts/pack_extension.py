"""Package the browser extension (browser/extension/) for each browser family.

    python scripts/pack_extension.py [OUT_DIR]    (default: dist)

Writes ``authenticator-extension-chromium-VERSION.zip`` (for Chromium, Chrome, Edge, Brave:
"Load unpacked" after unzipping, or a store upload) and ``...-firefox-VERSION.zip`` (an
unsigned add-on package: about:debugging "Load Temporary Add-on", or signing on
addons.mozilla.org). Both hold the same files: one source. The archives are reproducible
(sorted entries, fixed times), so the same source gives the same bytes.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "browser" / "extension"
STAMP = (2020, 1, 1, 0, 0, 0)


def files() -> list[Path]:
    return sorted(p for p in SOURCE.rglob("*") if p.is_file() and not p.name.startswith("."))


def pack(out_dir: Path) -> list[Path]:
    version = json.loads((SOURCE / "manifest.json").read_text(encoding="utf-8"))["version"]
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for family in ("chromium", "firefox"):
        target = out_dir / f"authenticator-extension-{family}-{version}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in files():
                info = zipfile.ZipInfo(path.relative_to(SOURCE).as_posix(), STAMP)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    for path in pack(Path(argv[0]) if argv else ROOT / "dist"):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
