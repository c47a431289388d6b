"""Native messaging framing against malformed, oversized and hostile input."""

from __future__ import annotations

import io
import json
import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authenticator.browser import protocol
from authenticator.browser.protocol import MAX_MESSAGE, FrameDecoder, ProtocolError


def frame(body: bytes) -> bytes:
    return struct.pack("=I", len(body)) + body


def test_round_trip_in_native_byte_order() -> None:
    data = protocol.encode({"type": "fill", "id": 3, "text": "é"})
    assert struct.unpack("=I", data[:4])[0] == len(data) - 4
    assert protocol.read_message(io.BytesIO(data)) == {"type": "fill", "id": 3, "text": "é"}


@pytest.mark.parametrize(("body", "reason"), [
    (b"{not json", "message is not valid JSON"),
    (b"\xff\xfe", "message is not UTF-8"),
    (b"[1, 2]", "message is not a JSON object"),
    (b'"text"', "message is not a JSON object"),
    (b"", "message is not valid JSON"),
    (b'{"a": NaN}', "message is not valid JSON"),
    (b"[" * 100_000 + b"]" * 100_000, "message is not valid JSON"),  # recursion bomb
    (b'{"a":' * 40 + b"1" + b"}" * 40, "message is nested too deeply"),
])
def test_bad_bodies_are_refused_with_a_reason(body: bytes, reason: str) -> None:
    assert protocol.read_message(io.BytesIO(frame(body))) == ProtocolError(reason)
    assert FrameDecoder().feed(frame(body)) == [ProtocolError(reason)]


def test_an_oversized_message_is_skipped_without_being_kept() -> None:
    big = b"x" * (MAX_MESSAGE + 1)
    stream = io.BytesIO(frame(big) + protocol.encode({"type": "ping"}))
    assert protocol.read_message(stream) == ProtocolError("message too large")
    assert protocol.read_message(stream) == {"type": "ping"}  # the stream stays in step
    decoder = FrameDecoder()
    out = []
    data = frame(big) + protocol.encode({"type": "ping"})
    for i in range(0, len(data), 100_000):  # as it would arrive from a socket
        out += decoder.feed(data[i:i + 100_000])
        assert len(decoder._buffer) <= MAX_MESSAGE + 4
    assert out == [ProtocolError("message too large"), {"type": "ping"}]


def test_a_huge_announced_length_with_no_data_ends_quietly() -> None:
    assert protocol.read_message(io.BytesIO(struct.pack("=I", 2**32 - 1))) is None


@pytest.mark.parametrize("data", [b"", b"\x01", b"\x05\x00\x00", frame(b'{"a":1}')[:-1]])
def test_a_truncated_stream_is_the_end_not_an_error(data: bytes) -> None:
    assert protocol.read_message(io.BytesIO(data)) is None


def test_reply_ids_are_echoed_only_when_sane() -> None:
    assert protocol.error_reply("x", 7)["id"] == 7
    assert "id" not in protocol.error_reply("x", {"evil": 1})
    assert "id" not in protocol.error_reply("x", True)
    assert "id" not in protocol.error_reply("x", "y" * 65)


def test_replies_over_the_limit_are_not_encoded() -> None:
    with pytest.raises(ValueError, match="too large"):
        protocol.encode({"x": "y" * MAX_MESSAGE})


@given(st.binary(max_size=300))
def test_any_bytes_never_crash_the_decoders(data: bytes) -> None:
    for item in FrameDecoder().feed(data):
        assert isinstance(item, dict | ProtocolError)
    stream = io.BytesIO(data)
    for _ in range(50):
        item = protocol.read_message(stream)
        if item is None:
            break
        assert isinstance(item, dict | ProtocolError)


@given(st.lists(st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5),
                                max_size=4), max_size=5), st.integers(1, 7))
def test_messages_split_anywhere_come_out_whole(messages: list[dict[str, object]],
                                                step: int) -> None:
    data = b"".join(protocol.encode(m) for m in messages)
    decoder = FrameDecoder()
    out = []
    for i in range(0, len(data), step):
        out += decoder.feed(data[i:i + step])
    assert out == [json.loads(json.dumps(m)) for m in messages]
