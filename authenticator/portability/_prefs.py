"""Android SharedPreferences XML (``shared_prefs/*.xml``), read safely.

The file is ``<map>`` with ``<string name="KEY">VALUE</string>`` children (plus ``<int>``,
``<long>``, ``<boolean>``, ``<set>`` that no importer needs). ``<string name="k" />`` is the
empty string. Values are XML-escaped text, often JSON (``&quot;`` escapes are undone by the
parser). A document type declaration is refused outright: SharedPreferences never have one,
and entity definitions are how XML bombs expand a small file into gigabytes.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET

from authenticator.portability._json import decode_text


@functools.lru_cache(maxsize=4)
def prefs_strings(data: bytes) -> dict[str, str] | None:
    """``name -> text`` of the ``<string>`` children of a ``<map>`` root, else None."""
    text = decode_text(data)
    if text is None:
        return None
    head = text.lstrip()[:200]
    if not (head.startswith("<?xml") or head.startswith("<map")):
        return None
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        return None
    try:
        root = ET.fromstring(text)  # noqa: S314 - no DTD, so no entity expansion
    except (ET.ParseError, ValueError, RecursionError):
        return None
    if root.tag != "map":
        return None
    return {child.get("name", ""): child.text or "" for child in root
            if child.tag == "string" and child.get("name") is not None}
