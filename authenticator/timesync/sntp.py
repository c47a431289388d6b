"""A small SNTP client (RFC 4330 / RFC 5905 client mode) for the clock check.

Hand-written on :mod:`socket` and :mod:`struct` (about a hundred lines) because the
checks we need are not in the usual libraries: the request carries a random nonce in
its transmit field (it leaks no local time and lets us reject spoofed or stale
replies whose originate field does not echo it), and Kiss-o'-Death, wrong-mode,
unsynchronised and zero-timestamp replies become one clear :class:`TimeCheckError`.

Offsets are *server time minus local time*: positive means this computer is behind.
"""

from __future__ import annotations

import math
import secrets
import socket
import statistics
import struct
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from dataclasses import dataclass
from typing import Any

from authenticator.core.clock import Clock, SystemClock
from authenticator.core.errors import AuthenticatorError

NTP_PORT = 123
DEFAULT_TIMEOUT = 2.0
MAX_DELAY = 1.0
"""Samples whose round trip took longer than this (seconds) are discarded."""
DEFAULT_SERVERS: tuple[str, ...] = (
    "0.pool.ntp.org",
    "1.pool.ntp.org",
    "time.cloudflare.com",
    "time.google.com",
)

NTP_EPOCH_OFFSET = 2_208_988_800
"""Seconds from 1900-01-01 (NTP era 0) to 1970-01-01 (Unix epoch)."""
_ERA = 2**32
_PACKET = struct.Struct("!BBbbIII8s8s8s8s")
_REQUEST_HEADER = 0x1B  # LI 0 (no warning), version 3, mode 3 (client)
_MODE_SERVER = 4
_LI_ALARM = 3
_MAX_STRATUM = 15
_KISS_REFUSALS = {"DENY", "RSTR"}


class TimeCheckError(AuthenticatorError):
    """The clock could not be checked against a time server (one line for a person).
    Kind ``unreachable``: field ``details``, what each server answered (English)."""


@dataclass(frozen=True, slots=True)
class Sample:
    """One answer from one server."""

    offset: float
    """Server time minus local time, seconds (positive: this clock is behind)."""
    delay: float
    """Network round trip, seconds (server processing time excluded)."""
    server: str
    stratum: int


@dataclass(frozen=True, slots=True)
class ClockResult:
    """The combined answer of several servers (median offset of the usable samples)."""

    offset: float
    delay: float
    servers: tuple[str, ...]
    """Servers whose samples were used, in the order asked."""
    samples: tuple[Sample, ...]
    errors: tuple[str, ...]
    """One line per server that failed or was discarded."""

    @property
    def server(self) -> str:
        """The server whose offset is closest to the median (the one to name)."""
        return min(self.samples, key=lambda s: abs(s.offset - self.offset)).server

    def to_json(self) -> dict[str, Any]:
        """The ``authenticator clock --json`` object (docs/architecture.md) plus the details."""
        return {
            "offset": self.offset,
            "delay": self.delay,
            "server": self.server,
            "servers": list(self.servers),
            "samples": [
                {"server": s.server, "offset": s.offset, "delay": s.delay, "stratum": s.stratum}
                for s in self.samples
            ],
            "errors": list(self.errors),
        }


# -- addresses and timestamps -------------------------------------------------------------
def parse_server(text: str, default_port: int = NTP_PORT) -> tuple[str, int]:
    """``host``, ``host:port``, ``[v6]``, ``[v6]:port`` or a bare IPv6 address."""
    spec = text.strip()
    host, port_text = spec, ""
    if spec.startswith("["):
        host, bracket, rest = spec[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            raise TimeCheckError(f"{spec[:80]!r} is not a valid time server address")
        port_text = rest[1:]
    elif spec.count(":") == 1:
        host, port_text = spec.split(":")
    port = default_port
    if port_text or spec.endswith(":"):
        if not (port_text.isascii() and port_text.isdigit()) or not 0 < int(port_text) < 65536:
            raise TimeCheckError(f"{spec[:80]!r} does not have a valid port number")
        port = int(port_text)
    if not host or not host.isprintable() or any(ch.isspace() for ch in host):
        raise TimeCheckError(f"{spec[:80]!r} is not a valid time server address")
    return host, port


def _display(host: str, port: int) -> str:
    name = f"[{host}]" if ":" in host else host
    return name if port == NTP_PORT else f"{name}:{port}"


def ntp_to_unix(raw: bytes) -> float:
    """A 64-bit NTP timestamp to Unix seconds (RFC 4330 §3: MSB clear means era 1)."""
    seconds, fraction = struct.unpack("!II", raw)
    if not seconds & 0x8000_0000:
        seconds += _ERA
    return float(seconds - NTP_EPOCH_OFFSET + fraction / _ERA)


def unix_to_ntp(unix: float) -> bytes:
    """Unix seconds to a 64-bit NTP timestamp (wraps into era 1 after 2036)."""
    whole = math.floor(unix)
    fraction = min(int((unix - whole) * _ERA), _ERA - 1)
    return struct.pack("!II", (whole + NTP_EPOCH_OFFSET) % _ERA, fraction)


def _check_timeout(timeout: float) -> None:
    if not (isinstance(timeout, int | float) and math.isfinite(timeout) and timeout > 0):
        raise TimeCheckError("the time server timeout must be a positive number of seconds")


# -- one server ---------------------------------------------------------------------------
def _check_reply(data: bytes, nonce: bytes, name: str) -> tuple[int, float, float] | None:
    """Validate a reply: ``(stratum, t2, t3)``, or None when it answers another request."""
    if len(data) < _PACKET.size:
        raise TimeCheckError(f"time server {name} sent a reply that is too short")
    header, stratum, _poll, _prec, _rd, _disp, ref_id, _ref, origin, receive, transmit = (
        _PACKET.unpack_from(data)
    )
    leap, version, mode = header >> 6, (header >> 3) & 0x7, header & 0x7
    if not 1 <= version <= 4:
        raise TimeCheckError(f"time server {name} sent a reply that is not NTP")
    if mode != _MODE_SERVER:
        raise TimeCheckError(f"time server {name} answered in the wrong mode ({mode})")
    if origin != nonce:
        return None
    if stratum == 0:
        kiss = struct.pack("!I", ref_id).decode("ascii", "replace").strip("\0 ")
        kiss = "".join(ch if ch.isprintable() and ch.isascii() else "?" for ch in kiss)
        if kiss == "RATE":
            raise TimeCheckError(
                f"time server {name} asks us to query less often (Kiss-o'-Death RATE)"
            )
        if kiss in _KISS_REFUSALS:
            raise TimeCheckError(f"time server {name} refused to answer (Kiss-o'-Death {kiss})")
        raise TimeCheckError(f"time server {name} sent Kiss-o'-Death code {kiss or '?'}")
    if leap == _LI_ALARM or stratum > _MAX_STRATUM:
        raise TimeCheckError(f"time server {name} is not synchronised itself")
    if not any(transmit) or not any(receive):
        raise TimeCheckError(f"time server {name} sent a reply without a time")
    return stratum, ntp_to_unix(receive), ntp_to_unix(transmit)


def _resolve(host: str, port: int, name: str) -> tuple[int, Any]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_DGRAM)
    except (socket.gaierror, UnicodeError, ValueError):
        raise TimeCheckError(f"could not find time server {name} (name lookup failed)") from None
    except OSError as exc:
        raise TimeCheckError(f"could not look up time server {name}: {exc.strerror}") from None
    family, _type, _proto, _canon, address = infos[0]
    return family, address


def query_server(
    host: str,
    port: int = NTP_PORT,
    timeout: float = DEFAULT_TIMEOUT,
    *,
    clock: Clock | None = None,
) -> Sample:
    """Ask one server for the time; raises :class:`TimeCheckError` on any failure.

    ``clock`` supplies local time (default: the system clock). Replies that do not echo
    our request's nonce are ignored while waiting; if only such replies arrived before
    ``timeout`` the error says so.
    """
    local = clock or SystemClock()
    _check_timeout(timeout)
    name = _display(host, port)
    family, address = _resolve(host, port, name)
    nonce = secrets.token_bytes(8)
    request = bytes([_REQUEST_HEADER]) + bytes(_PACKET.size - 9) + nonce
    ignored = 0
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as sock:
            sock.connect(address)  # the kernel drops datagrams from any other address
            deadline = time.monotonic() + timeout
            t1 = local.now()
            sock.sendall(request)
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError
                sock.settimeout(remaining)
                data = sock.recv(1024)
                t4 = local.now()
                checked = _check_reply(data, nonce, name)
                if checked is not None:
                    break
                ignored += 1
    except TimeoutError:
        if ignored:
            raise TimeCheckError(
                f"time server {name} sent {ignored} reply(s) that did not match our request"
            ) from None
        raise TimeCheckError(f"time server {name} did not answer within {timeout:g} s") from None
    except ConnectionRefusedError:
        raise TimeCheckError(f"time server {name} refused the connection") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise TimeCheckError(f"could not reach time server {name}: {reason}") from None
    stratum, t2, t3 = checked
    offset = ((t2 - t1) + (t3 - t4)) / 2
    delay = max(0.0, (t4 - t1) - (t3 - t2))
    return Sample(offset=offset, delay=delay, server=name, stratum=stratum)


# -- several servers ----------------------------------------------------------------------
def _query_spec(spec: str, timeout: float, clock: Clock | None) -> Sample:
    host, port = parse_server(spec)
    return query_server(host, port, timeout, clock=clock)


def measure_offset(
    servers: Sequence[str] = DEFAULT_SERVERS,
    timeout: float = DEFAULT_TIMEOUT,
    *,
    max_delay: float = MAX_DELAY,
    clock: Clock | None = None,
) -> ClockResult:
    """Query ``servers`` in parallel and combine them: median offset, median delay.

    Samples with a round trip over ``max_delay`` seconds are discarded. Raises
    :class:`TimeCheckError` when no server gave a usable answer.
    """
    specs = [s for s in (str(x).strip() for x in servers) if s]
    if not specs:
        raise TimeCheckError("no time server was given")
    _check_timeout(timeout)
    samples: list[Sample] = []
    errors: list[str] = []
    pool = ThreadPoolExecutor(max_workers=min(8, len(specs)), thread_name_prefix="sntp")
    try:
        futures = [pool.submit(_query_spec, spec, timeout, clock) for spec in specs]
        # Name lookups are not bounded by the socket timeout: give them a little extra.
        wait_futures(futures, timeout=timeout + 3.0)
        for spec, future in zip(specs, futures, strict=True):
            if not future.done():
                errors.append(f"{spec}: did not answer in time")
                continue
            exc = future.exception()
            if isinstance(exc, TimeCheckError):
                errors.append(str(exc))
            elif exc is not None:
                errors.append(f"{spec}: unexpected failure ({type(exc).__name__})")
            elif (sample := future.result()).delay > max_delay:
                errors.append(
                    f"time server {sample.server} took too long to answer "
                    f"({sample.delay:.2f} s round trip)"
                )
            else:
                samples.append(sample)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    if not samples:
        details = "; ".join(errors)
        raise TimeCheckError(f"could not reach any time server ({details})", kind="unreachable",
                             details=details)
    return ClockResult(
        offset=statistics.median(s.offset for s in samples),
        delay=statistics.median(s.delay for s in samples),
        servers=tuple(s.server for s in samples),
        samples=tuple(samples),
        errors=tuple(errors),
    )
