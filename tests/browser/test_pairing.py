"""Pairing keys: random, stored only as hashes, checked, revoked; a bad file pairs nobody."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from authenticator.browser.pairing import PairingStore, hash_key


def test_pair_check_and_revoke(tmp_path: Path) -> None:
    path = tmp_path / "browser.json"
    store = PairingStore(path, clock=lambda: 1000.0)
    record, key = store.pair("Chromium 156 on Linux", "chrome-extension://abc/")
    _, other_key = store.pair("Firefox 153 on Linux", "moz-extension:x@y")
    assert key != other_key and len(key) >= 40
    assert key not in path.read_text()  # only the hash is kept
    assert json.loads(path.read_text())["pairings"][0]["key_hash"] == hash_key(key)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = PairingStore(path)
    assert again.check(key, "chrome-extension://abc/") == record
    assert again.check(key, "chrome-extension://other/") is None  # another extension
    assert again.check("x" * 43) is None
    assert again.check(None) is None and again.check(12) is None and again.check("") is None
    assert again.revoke(record.id)
    assert again.check(key) is None
    assert PairingStore(path).check(key) is None
    assert PairingStore(path).check(other_key) is not None
    assert not again.revoke("nope")
    assert "key_hash" not in repr(record)


def test_unreadable_or_hostile_files_pair_nobody(tmp_path: Path) -> None:
    path = tmp_path / "browser.json"
    for content in (b"\xff", b"[]", b'{"pairings": 5}', b'{"pairings": [{"id": 1}, 7]}',
                    b'{"ask_before_fill": "yes"}'):
        path.write_bytes(content)
        store = PairingStore(path)
        assert store.pairings == [] and store.ask_before_fill is False


def test_ask_before_fill_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "browser.json"
    PairingStore(path).set_ask_before_fill(True)
    assert PairingStore(path).ask_before_fill is True
