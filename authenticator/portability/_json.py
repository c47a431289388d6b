"""Tolerant JSON reading for importers: damaged files become :class:`ImportFailed`."""

from __future__ import annotations

import json
from typing import Any

from authenticator.portability.base import BadEntry, ImportFailed


def decode_text(data: bytes) -> str | None:
    """UTF-8 text (a leading BOM dropped), or None for binary data."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def try_json(data: bytes) -> Any:
    """The parsed JSON document, or None when ``data`` is not JSON (used by ``detect``)."""
    text = decode_text(data)
    if text is None or text.lstrip()[:1] not in ("{", "["):
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def load_json(data: bytes, label: str) -> Any:
    """Parse a JSON export; raise a one-line ImportFailed when it is damaged or cut short."""
    text = decode_text(data)
    if text is None:
        raise ImportFailed(f"this {label} file is damaged: it is not text")
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise ImportFailed(f"this {label} file is damaged or incomplete (invalid JSON)") from None


def load_json_object(data: bytes, label: str) -> dict[str, Any]:
    doc = load_json(data, label)
    if not isinstance(doc, dict):
        raise ImportFailed(f"this {label} file is damaged: unexpected content")
    return doc


def get_str(obj: dict[str, Any], key: str, default: str = "") -> str:
    """A string field; missing/null gives ``default``; other types are a bad entry."""
    value = obj.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise BadEntry(f"the field {key} is not text")
    return value


def get_int(obj: dict[str, Any], key: str, default: int) -> int:
    """An integer field (numeric strings accepted); missing/null gives ``default``."""
    value = obj.get(key)
    if value is None:
        return default
    if isinstance(value, bool):
        raise BadEntry(f"the field {key} is not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise BadEntry(f"the field {key} is not a whole number")


def get_dict(obj: dict[str, Any], key: str) -> dict[str, Any]:
    value = obj.get(key)
    if not isinstance(value, dict):
        raise BadEntry(f"the field {key} is missing")
    return value


def get_list(obj: dict[str, Any], key: str, label: str) -> list[Any]:
    """A top-level list (missing counts as empty); other types mean a damaged file."""
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ImportFailed(f"this {label} file is damaged: {key} is not a list")
    return value
