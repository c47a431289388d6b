"""Paired browser profiles: each extension install gets a random key on first use (after the
user allowed it) and sends it with every request. We keep only a hash of the key, so reading
this file does not let anyone pose as a paired browser. Revoking deletes the record.

The file also keeps the feature's own options (ask before each fill). It is not secret and
lives in the user's config folder, outside the vault, because pairing works while locked.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from authenticator.storage.atomic import atomic_write

MAX_PAIRINGS = 64
KEY_BYTES = 32


@dataclass(frozen=True)
class Pairing:
    id: str
    name: str  # what the extension said it runs in ("Chromium 156 on Linux")
    origin: str  # the extension's origin as the browser gave it to the native host
    key_hash: str
    created: float
    last_used: float | None = None

    def __repr__(self) -> str:  # the hash is not secret, but keeps logs short
        return f"Pairing(id={self.id!r}, name={self.name!r}, origin={self.origin!r})"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def default_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("Authenticator", appauthor=False)) / "browser.json"


class PairingStore:
    def __init__(self, path: Path, clock: Any = time.time) -> None:
        self.path = path
        self._clock = clock
        self.pairings: list[Pairing] = []
        self.ask_before_fill = False
        self.load()

    def load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            return  # none yet, or unreadable: nobody is paired (the next pairing rewrites it)
        if not isinstance(data, dict):
            return
        self.ask_before_fill = data.get("ask_before_fill") is True
        found = []
        items = data.get("pairings")
        for item in items if isinstance(items, list) else []:
            try:
                found.append(Pairing(
                    id=str(item["id"]), name=str(item.get("name") or "")[:200],
                    origin=str(item.get("origin") or "")[:200], key_hash=str(item["key_hash"]),
                    created=float(item.get("created") or 0),
                    last_used=(float(item["last_used"]) if item.get("last_used") is not None
                               else None)))
            except (KeyError, TypeError, ValueError, AttributeError):
                continue
        self.pairings = found[:MAX_PAIRINGS]

    def save(self) -> None:
        data = {"ask_before_fill": self.ask_before_fill,
                "pairings": [asdict(p) for p in self.pairings]}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path, json.dumps(data, indent=1).encode("utf-8"))
        os.chmod(self.path, 0o600)

    def pair(self, name: str, origin: str) -> tuple[Pairing, str]:
        """A new pairing and its key (the only time the key exists on our side)."""
        key = secrets.token_urlsafe(KEY_BYTES)
        record = Pairing(id=secrets.token_hex(8), name=name[:200], origin=origin[:200],
                         key_hash=hash_key(key), created=self._clock())
        self.pairings = [*self.pairings, record][-MAX_PAIRINGS:]
        self.save()
        return record, key

    def check(self, key: Any, origin: str | None = None) -> Pairing | None:
        """The pairing this key belongs to (and, when given, the same extension origin)."""
        if not isinstance(key, str) or not 16 <= len(key) <= 256:
            return None
        wanted = hash_key(key)
        found = None
        for record in self.pairings:  # compare all, in constant time each
            if hmac.compare_digest(record.key_hash, wanted):
                found = record
        if found is None or (origin is not None and found.origin and found.origin != origin):
            return None
        return found

    def touch(self, pairing_id: str) -> None:
        """Remember when a pairing was last used (saved with the next change or revoke)."""
        now = self._clock()
        self.pairings = [Pairing(**{**asdict(p), "last_used": now}) if p.id == pairing_id
                         else p for p in self.pairings]

    def revoke(self, pairing_id: str) -> bool:
        before = len(self.pairings)
        self.pairings = [p for p in self.pairings if p.id != pairing_id]
        if len(self.pairings) == before:
            return False
        self.save()
        return True

    def set_ask_before_fill(self, on: bool) -> None:
        self.ask_before_fill = bool(on)
        self.save()
