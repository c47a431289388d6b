"""`make dist` packages the extension: both archives hold exactly the source, reproducibly."""

from __future__ import annotations

import importlib.util
import json
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _pack_module():  # scripts/ is not a package
    spec = importlib.util.spec_from_file_location("pack_extension",
                                                  ROOT / "scripts" / "pack_extension.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_packages_hold_the_extension_source(tmp_path: Path) -> None:
    pack = _pack_module()
    first = pack.pack(tmp_path / "a")
    second = pack.pack(tmp_path / "b")
    assert [p.name for p in first] == ["authenticator-extension-chromium-0.1.0.zip",
                                       "authenticator-extension-firefox-0.1.0.zip"]
    source = ROOT / "browser" / "extension"
    expected = sorted(p.relative_to(source).as_posix() for p in source.rglob("*")
                      if p.is_file())
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()  # reproducible
        with zipfile.ZipFile(a) as archive:
            assert sorted(archive.namelist()) == expected
            manifest = json.loads(archive.read("manifest.json"))
            assert manifest["manifest_version"] == 3
            for name in ("background.js", "content.js", "popup.html", "icons/128.png"):
                assert archive.read(name) == (source / name).read_bytes()
