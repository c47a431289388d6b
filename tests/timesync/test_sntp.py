"""SNTP client against real UDP responders on 127.0.0.1 (tests/timesync/sntp_server.py)."""

from __future__ import annotations

import json
import math
import socket
import struct
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authenticator.core.clock import CorrectedClock, SystemClock
from authenticator.core.errors import AuthenticatorError
from authenticator.timesync import sntp
from authenticator.timesync.sntp import (
    TimeCheckError,
    measure_offset,
    ntp_to_unix,
    parse_server,
    query_server,
    unix_to_ntp,
)
from tests.timesync.sntp_server import StartServer

FAST = 0.3  # timeout for servers that are meant not to answer (the real default is 2 s)
# Timeout for servers that do answer: long, so that a loaded machine never turns a reply
# into a timeout (those queries return as soon as the reply is in).
REPLY = 10.0
# Timeout for a query that must time out while answers it should take can still get in.
WAIT = 2.0


def _within_error_bound(offset: float, expected: float, delay: float) -> bool:
    """NTP's own bound: the offset is off by at most half the round-trip delay."""
    return abs(offset - expected) <= delay / 2 + 0.01


def _port(address: str) -> int:
    return int(address.rsplit(":", 1)[1])


# -- one server, correct replies -----------------------------------------------------------
@pytest.mark.parametrize("offset", [3.0, -3.0, 90.0, -90.0, 3600.0, -3600.0])
def test_query_server_measures_the_server_offset(sntp_server: StartServer, offset: float) -> None:
    server = sntp_server(offset)
    sample = query_server("127.0.0.1", server.port, timeout=REPLY)
    assert sample.delay >= 0.0
    assert _within_error_bound(sample.offset, offset, sample.delay)
    assert sample.stratum == 2
    assert sample.server == server.address
    assert server.requests == 1


def test_local_clock_is_injected(sntp_server: StartServer) -> None:
    # An honest server, but this computer's clock runs 100 s ahead: it is 100 s fast.
    server = sntp_server(0.0)
    sample = query_server("127.0.0.1", server.port, REPLY,
                          clock=CorrectedClock(SystemClock(), 100.0))
    assert _within_error_bound(sample.offset, -100.0, sample.delay)


def test_delay_counts_the_slow_network(sntp_server: StartServer) -> None:
    server = sntp_server(5.0, delay=0.1)
    sample = query_server("127.0.0.1", server.port, timeout=REPLY)
    assert sample.delay >= 0.09
    # Half the round trip is the uncertainty of the offset, not an error of it.
    assert _within_error_bound(sample.offset, 5.0, sample.delay)


# -- one server, failures: always one clean TimeCheckError ---------------------------------
@pytest.mark.parametrize(
    ("mode", "words"),
    [
        ("garbage", "not NTP"),
        ("short", "too short"),
        ("wrong_mode", "wrong mode"),
        ("zero_transmit", "without a time"),
        ("unsynchronised", "not synchronised"),
    ],
)
def test_bad_replies_raise_time_check_error(
    sntp_server: StartServer, mode: str, words: str
) -> None:
    server = sntp_server(0.0, mode)
    with pytest.raises(TimeCheckError) as info:
        query_server("127.0.0.1", server.port, timeout=REPLY)
    message = str(info.value)
    assert words in message
    assert server.address in message
    assert "\n" not in message


def test_kiss_of_death_rate_names_the_code(sntp_server: StartServer) -> None:
    server = sntp_server(0.0, "kod")
    with pytest.raises(TimeCheckError, match=r"less often.*Kiss-o'-Death RATE"):
        query_server("127.0.0.1", server.port, timeout=REPLY)


def test_kiss_of_death_deny_is_a_refusal(sntp_server: StartServer) -> None:
    server = sntp_server(0.0, "kod", kiss_code="DENY")
    with pytest.raises(TimeCheckError, match=r"refused to answer.*DENY"):
        query_server("127.0.0.1", server.port, timeout=REPLY)


def test_silent_server_times_out_after_the_timeout(
    sntp_server: StartServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every blocking wait on the socket is bounded by what is left of the timeout (no
    # wall-clock upper bound here: that would measure the machine, not the code).
    waits: list[float | None] = []
    settimeout = socket.socket.settimeout

    def recording(sock: socket.socket, value: float | None) -> None:
        waits.append(value)
        settimeout(sock, value)

    monkeypatch.setattr(socket.socket, "settimeout", recording)
    server = sntp_server(0.0, "silent")
    started = time.monotonic()
    with pytest.raises(TimeCheckError, match=r"did not answer within 0\.3 s"):
        query_server("127.0.0.1", server.port, timeout=FAST)
    assert time.monotonic() - started >= FAST * 0.9  # it did wait for the answer
    assert waits and all(w is not None and 0 < w <= FAST for w in waits)
    assert server.requests == 1


def test_reply_not_echoing_our_request_is_rejected(sntp_server: StartServer) -> None:
    # A stale or spoofed packet: correct in every way except the originate timestamp.
    server = sntp_server(0.0, "wrong_origin")
    with pytest.raises(TimeCheckError, match="did not match our request"):
        query_server("127.0.0.1", server.port, timeout=WAIT)


def test_request_is_sntp_with_a_random_nonce() -> None:
    # Capture what the client really sends (no reply: it then times out cleanly).
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.settimeout(2)
        port = listener.getsockname()[1]
        packets = []
        for _ in range(2):
            with pytest.raises(TimeCheckError):
                query_server("127.0.0.1", port, timeout=0.05)
            packets.append(listener.recv(1024))
    for packet in packets:
        assert len(packet) == 48
        assert packet[0] == 0x1B
        assert packet[1:40] == bytes(39)  # no local time or other data leaked
    assert packets[0][40:] != packets[1][40:]


def test_closed_port_gives_a_clean_error(closed_port_address: str) -> None:
    with pytest.raises(TimeCheckError) as info:
        query_server("127.0.0.1", _port(closed_port_address), timeout=REPLY)
    assert type(info.value) is TimeCheckError
    assert closed_port_address in str(info.value)


def test_name_lookup_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    # No real DNS query in tests: the resolver fails the way getaddrinfo does offline.
    def fail(*_args: object, **_kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    with pytest.raises(TimeCheckError, match=r"could not find time server nowhere\.invalid"):
        query_server("nowhere.invalid", timeout=FAST)


@settings(max_examples=300, deadline=None)
@given(data=st.binary(min_size=0, max_size=80), matching_nonce=st.booleans())
def test_any_reply_bytes_give_a_result_or_a_time_check_error(
    data: bytes, matching_nonce: bool
) -> None:
    nonce = data[24:32] if matching_nonce and len(data) >= 32 else b"\x01" * 8
    try:
        result = sntp._check_reply(data, nonce, "test")
    except TimeCheckError as exc:
        assert "\n" not in str(exc)
    else:
        assert result is None or len(result) == 3


# -- timestamps ---------------------------------------------------------------------------
def test_ntp_timestamp_known_value() -> None:
    # 2026-01-01T00:00:00Z is Unix 1767225600, NTP 3976214400.
    assert unix_to_ntp(1_767_225_600.5) == struct.pack("!II", 3_976_214_400, 2**31)
    assert ntp_to_unix(struct.pack("!II", 3_976_214_400, 2**31)) == 1_767_225_600.5


@given(st.floats(min_value=0, max_value=4_000_000_000, allow_nan=False))
def test_ntp_timestamps_round_trip_across_the_2036_era_change(unix: float) -> None:
    assert ntp_to_unix(unix_to_ntp(unix)) == pytest.approx(unix, abs=1e-6)


# -- addresses ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pool.ntp.org", ("pool.ntp.org", 123)),
        (" time.example:1123 ", ("time.example", 1123)),
        ("127.0.0.1:5000", ("127.0.0.1", 5000)),
        ("[::1]:123", ("::1", 123)),
        ("[::1]", ("::1", 123)),
        ("[2001:db8::1]:4123", ("2001:db8::1", 4123)),
        ("2001:db8::1", ("2001:db8::1", 123)),
    ],
)
def test_parse_server(text: str, expected: tuple[str, int]) -> None:
    assert parse_server(text) == expected


@pytest.mark.parametrize("text", ["", "host:", "host:0", "host:65536", "host:abc",
                                  "[::1", "[::1]x", "[]:123", "a b:123"])
def test_parse_server_rejects_bad_addresses(text: str) -> None:
    with pytest.raises(TimeCheckError):
        parse_server(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_parse_server_never_raises_anything_else(text: str) -> None:
    try:
        host, port = parse_server(text)
    except TimeCheckError as exc:
        assert "\n" not in str(exc)
    else:
        assert host and host.isprintable() and 0 < port < 65536


@pytest.mark.parametrize("timeout", [0, -1.0, math.nan, math.inf])
def test_bad_timeouts_are_refused_before_sending(timeout: float) -> None:
    with pytest.raises(TimeCheckError, match="timeout"):
        query_server("127.0.0.1", 9, timeout=timeout)
    with pytest.raises(TimeCheckError, match="timeout"):
        measure_offset(["127.0.0.1:9"], timeout=timeout)


# -- several servers ----------------------------------------------------------------------
def test_median_ignores_one_wrong_server_and_one_silent(sntp_server: StartServer) -> None:
    good_a, good_b = sntp_server(3.0), sntp_server(3.2)
    wrong, silent = sntp_server(3600.0), sntp_server(0.0, "silent")
    result = measure_offset(
        [good_a.address, wrong.address, silent.address, good_b.address], timeout=WAIT
    )
    assert result.offset == pytest.approx(3.2, abs=0.5)
    assert result.offset < 10
    assert set(result.servers) == {good_a.address, good_b.address, wrong.address}
    assert len(result.samples) == 3
    assert len(result.errors) == 1 and silent.address in result.errors[0]
    assert result.server in {good_a.address, good_b.address}


def test_silent_servers_leave_the_answering_one(sntp_server: StartServer) -> None:
    silent = [sntp_server(0.0, "silent") for _ in range(3)]
    good = sntp_server(-42.0)
    result = measure_offset([s.address for s in silent] + [good.address], timeout=WAIT)
    assert _within_error_bound(result.offset, -42.0, result.samples[0].delay)
    assert len(result.errors) == 3


def test_servers_are_queried_in_parallel(sntp_server: StartServer) -> None:
    # Three servers that answer only once all three have been asked: queried one after
    # the other, the first would wait for the others forever and time out.
    gate = threading.Barrier(3)
    gated = [sntp_server(-42.0, gate=gate) for _ in range(3)]
    result = measure_offset([s.address for s in gated], timeout=REPLY)
    assert result.errors == ()
    assert len(result.samples) == 3
    assert all(_within_error_bound(s.offset, -42.0, s.delay) for s in result.samples)


def test_slow_samples_are_discarded(sntp_server: StartServer) -> None:
    # Delays far apart (1.5 s against a loopback round trip), so load cannot swap them.
    slow, fast = sntp_server(500.0, delay=1.5), sntp_server(7.0)
    result = measure_offset([slow.address, fast.address], timeout=REPLY, max_delay=0.75)
    assert _within_error_bound(result.offset, 7.0, result.samples[0].delay)
    assert result.servers == (fast.address,)
    assert any("took too long" in e and slow.address in e for e in result.errors)


def test_no_server_answering_is_one_clean_error(
    sntp_server: StartServer, closed_port_address: str
) -> None:
    kod = sntp_server(0.0, "kod")
    with pytest.raises(TimeCheckError) as info:
        measure_offset([kod.address, closed_port_address, "bad:port:"], timeout=REPLY)
    message = str(info.value)
    assert message.startswith("could not reach any time server (")
    assert "RATE" in message and closed_port_address in message and "bad:port:" in message
    assert "\n" not in message


def test_no_server_given() -> None:
    with pytest.raises(TimeCheckError, match="no time server"):
        measure_offset([" ", ""])


def test_result_json_matches_the_cli_contract(sntp_server: StartServer) -> None:
    server = sntp_server(-12.0)
    data = json.loads(json.dumps(measure_offset([server.address], timeout=REPLY).to_json()))
    assert _within_error_bound(data["offset"], -12.0, data["delay"])
    assert data["server"] == server.address
    assert data["delay"] >= 0
    assert data["errors"] == []
    assert data["samples"][0]["stratum"] == 2


def test_errors_are_authenticator_errors() -> None:
    assert issubclass(TimeCheckError, AuthenticatorError)


def test_default_servers_are_public_pools() -> None:
    assert len(sntp.DEFAULT_SERVERS) >= 3
    assert all(parse_server(s)[1] == 123 for s in sntp.DEFAULT_SERVERS)


@pytest.mark.parametrize("spec", ["time.example:²", "time.example:١٢٣", "[::1]:¹²³"])
def test_parse_server_refuses_non_ascii_digits_as_a_port(spec):
    # str.isdigit() accepts superscripts and other scripts' digits that int() refuses
    # (found by the Hypothesis test below as an escaped ValueError).
    with pytest.raises(TimeCheckError, match="valid port number"):
        parse_server(spec)
