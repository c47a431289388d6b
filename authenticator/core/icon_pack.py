"""Aegis icon packs (pure logic): the ``pack.json`` manifest and issuer matching.

Format (Aegis documentation, "Icon packs"): a zip holding ``pack.json`` =
``{"uuid", "name", "version", "icons": [{"filename", "category", "issuer": [names]}]}``
and the image files it names. An icon matches an account when one of its issuer names
equals the account's issuer (ignoring case and spaces), or, failing that, is contained in it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from authenticator.core.errors import AuthenticatorError

MAX_ICONS = 20_000
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg", ".webp")
_UUID = re.compile(r"^[0-9A-Za-z-]{1,64}$")


class IconPackError(AuthenticatorError, ValueError):
    """The file is not a usable icon pack (the message says why)."""


@dataclass(frozen=True)
class PackIcon:
    filename: str
    category: str
    issuers: tuple[str, ...]


@dataclass(frozen=True)
class IconPack:
    uuid: str
    name: str
    version: int
    icons: tuple[PackIcon, ...]

    def match(self, issuer: str) -> str:
        """The file name of the icon for ``issuer``, or ""."""
        key = _key(issuer)
        if not key:
            return ""
        partial = ""
        for icon in self.icons:
            for name in icon.issuers:
                wanted = _key(name)
                if not wanted:
                    continue
                if wanted == key:
                    return icon.filename
                if not partial and wanted in key:
                    partial = icon.filename
        return partial


def _key(text: str) -> str:
    return "".join(text.casefold().split())


def safe_member(name: str) -> bool:
    """A relative path inside the pack (no traversal, no absolute or odd names)."""
    parts = name.replace("\\", "/").split("/")
    return (bool(name) and not name.startswith(("/", "\\")) and ":" not in name
            and all(p not in ("", ".", "..") for p in parts))


def parse_manifest(data: bytes) -> IconPack:
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise IconPackError("pack.json is not valid JSON") from None
    if not isinstance(raw, dict):
        raise IconPackError("pack.json is not an icon pack manifest")
    uuid, name, version = raw.get("uuid"), raw.get("name"), raw.get("version")
    if not isinstance(uuid, str) or not _UUID.match(uuid):
        raise IconPackError("pack.json has no valid uuid")
    if not isinstance(name, str) or not name.strip():
        raise IconPackError("pack.json has no name")
    if not isinstance(version, int) or isinstance(version, bool):
        raise IconPackError("pack.json has no version number")
    entries = raw.get("icons")
    if not isinstance(entries, list) or not entries:
        raise IconPackError("pack.json lists no icons")
    if len(entries) > MAX_ICONS:
        raise IconPackError(f"pack.json lists more than {MAX_ICONS} icons")
    icons = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        filename = entry.get("filename")
        issuers = entry.get("issuer")
        if (not isinstance(filename, str) or not safe_member(filename)
                or not filename.lower().endswith(IMAGE_SUFFIXES)
                or not isinstance(issuers, list)):
            continue
        names = tuple(str(i)[:200] for i in issuers if isinstance(i, str) and i.strip())
        if names:
            category = entry.get("category")
            icons.append(PackIcon(filename, category if isinstance(category, str) else "",
                                  names))
    if not icons:
        raise IconPackError("pack.json lists no usable icons")
    return IconPack(uuid, name.strip()[:200], version, tuple(icons))
