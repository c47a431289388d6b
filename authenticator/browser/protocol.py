"""The browsers' native messaging framing: a 4-byte length in native byte order, then that
many bytes of UTF-8 JSON. The same framing carries requests between the native host and
the app over the local socket.

Nothing here raises on bad input: a message that is too large, truncated, not UTF-8, not
JSON or not an object becomes a :class:`ProtocolError` value the caller answers with an
error reply; memory stays bounded (an oversized message is skipped, never buffered).
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from typing import Any, BinaryIO

MAX_MESSAGE = 1024 * 1024  # 1 MiB: the browsers' own limit for what a host sends back
#: Between the host and the app a message travels in an envelope (the caller's origin added).
MAX_ENVELOPE = MAX_MESSAGE + 4096
_HEADER = struct.Struct("=I")  # native byte order, standard 4-byte size
_CHUNK = 64 * 1024
MAX_DEPTH = 32  # JSON nesting we accept (hostile input: deeply nested arrays)


@dataclass(frozen=True)
class ProtocolError:
    """A message we refused; ``reason`` is safe to send back (it never quotes the input)."""

    reason: str


def encode(message: dict[str, Any], limit: int = MAX_MESSAGE) -> bytes:
    data = json.dumps(message, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")
    if len(data) > limit:
        raise ValueError("message too large")
    return _HEADER.pack(len(data)) + data


def error_reply(reason: str, request_id: Any = None) -> dict[str, Any]:
    reply: dict[str, Any] = {"status": "error", "error": reason}
    if _valid_id(request_id):
        reply["id"] = request_id
    return reply


def _valid_id(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**53) or (
        isinstance(value, str) and 0 < len(value) <= 64)


def _depth(value: Any, limit: int) -> bool:
    """True when ``value`` nests no deeper than ``limit`` (iterative: no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if level > limit:
            return False
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return True


def parse(body: bytes) -> dict[str, Any] | ProtocolError:
    """One message body -> a JSON object, or the reason it was refused."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return ProtocolError("message is not UTF-8")
    try:
        value = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        return ProtocolError("message is not valid JSON")
    if not isinstance(value, dict):
        return ProtocolError("message is not a JSON object")
    if not _depth(value, MAX_DEPTH):
        return ProtocolError("message is nested too deeply")
    return value


def _reject_constant(name: str) -> Any:
    raise ValueError(name)  # NaN, Infinity: not JSON


def read_message(stream: BinaryIO,
                 limit: int = MAX_MESSAGE) -> dict[str, Any] | ProtocolError | None:
    """The next message from a blocking stream; None at the end of the stream (also in the
    middle of a message: the other side went away)."""
    header = _read_exactly(stream, _HEADER.size)
    if header is None:
        return None
    (length,) = _HEADER.unpack(header)
    if length > limit:
        left = length
        while left:  # skip it without keeping it in memory
            chunk = stream.read(min(left, _CHUNK))
            if not chunk:
                return None
            left -= len(chunk)
        return ProtocolError("message too large")
    body = _read_exactly(stream, length)
    if body is None:
        return None
    return parse(body)


def _read_exactly(stream: BinaryIO, size: int) -> bytes | None:
    parts: list[bytes] = []
    got = 0
    while got < size:
        chunk = stream.read(size - got)
        if not chunk:
            return None
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


class FrameDecoder:
    """Incremental decoder for a non-blocking socket: ``feed`` bytes as they arrive, get
    back the complete messages (or refusals). Holds at most one message of bytes."""

    def __init__(self, limit: int = MAX_MESSAGE) -> None:
        self.limit = limit
        self._buffer = bytearray()
        self._skip = 0  # bytes of an oversized message still to drop

    def feed(self, data: bytes) -> list[dict[str, Any] | ProtocolError]:
        out: list[dict[str, Any] | ProtocolError] = []
        view = memoryview(data)
        while view:
            if self._skip:
                n = min(self._skip, len(view))
                self._skip -= n
                view = view[n:]
                if not self._skip:
                    out.append(ProtocolError("message too large"))
                continue
            self._buffer += view
            view = memoryview(b"")
            while len(self._buffer) >= _HEADER.size:
                (length,) = _HEADER.unpack_from(self._buffer)
                if length > self.limit:
                    rest = bytes(self._buffer[_HEADER.size:])
                    self._buffer.clear()
                    self._skip = length
                    view = memoryview(rest)
                    break
                if len(self._buffer) < _HEADER.size + length:
                    break
                body = bytes(self._buffer[_HEADER.size:_HEADER.size + length])
                del self._buffer[:_HEADER.size + length]
                out.append(parse(body))
        return out
