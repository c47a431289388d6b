"""Aegis icon pack manifests and matching."""

from __future__ import annotations

import json

import pytest

from authenticator.core.icon_pack import IconPackError, parse_manifest, safe_member


def manifest(**over) -> bytes:
    data = {"uuid": "1e9a6c82-0c9f-4a0e-8b56-0f3d0a5d6a11", "name": "Test pack", "version": 2,
            "icons": [{"filename": "PNG/Google.png", "category": "Tech",
                       "issuer": ["google", "Gmail"]},
                      {"filename": "SVG/Bank.svg", "category": None, "issuer": ["bank"]},
                      {"filename": "../evil.png", "issuer": ["evil"]}]}
    data.update(over)
    return json.dumps(data).encode()


def test_parse_and_match_exact_before_partial():
    pack = parse_manifest(manifest())
    assert pack.name == "Test pack" and len(pack.icons) == 2  # the traversal entry dropped
    assert pack.match("Google") == "PNG/Google.png"
    assert pack.match("G Mail") == "PNG/Google.png"
    assert pack.match("Example Bank") == "SVG/Bank.svg"  # contained
    assert pack.match("Evil") == "" and pack.match("") == ""


@pytest.mark.parametrize("data, reason", [
    (b"\xff", "not valid JSON"), (b"[]", "not an icon pack"),
    (manifest(uuid="../x"), "uuid"), (manifest(icons=[]), "no icons"),
    (manifest(icons=[{"filename": "a.exe", "issuer": ["a"]}]), "no usable icons"),
    (manifest(version="1"), "version"),
])
def test_bad_manifests_say_why(data, reason):
    with pytest.raises(IconPackError, match=reason):
        parse_manifest(data)


def test_safe_member():
    assert safe_member("PNG/a.png")
    assert not any(safe_member(n) for n in ("", "/a.png", "../a.png", "a/../../b.png",
                                            "C:/a.png", "a//b.png"))
