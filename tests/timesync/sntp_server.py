"""A real SNTP responder on 127.0.0.1 for tests (reusable by GUI tests).

    with FakeSntpServer(offset=90.0) as server:
        measure_offset([server.address], timeout=0.3)

It answers every request from a thread, as a stratum-2 server whose clock is
``time.time() + offset``, or misbehaves according to ``mode``. Only ever binds to
127.0.0.1 on an ephemeral port.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Literal

from authenticator.timesync.sntp import unix_to_ntp

Mode = Literal[
    "normal",  # a correct reply
    "garbage",  # 60 bytes of text
    "short",  # the first 20 bytes of a correct reply
    "kod",  # Kiss-o'-Death: stratum 0 with ``kiss_code`` (default RATE)
    "silent",  # never answers
    "wrong_origin",  # a correct reply that does not echo the request's transmit field
    "wrong_mode",  # a correct reply marked as mode 3 (client) instead of 4 (server)
    "zero_transmit",  # a correct reply whose transmit timestamp is zero
    "unsynchronised",  # leap indicator 3 (alarm), stratum 16
]
LOCALHOST = "127.0.0.1"
_PACKET = struct.Struct("!BBbbIII8s8s8s8s")
_REF_ID = struct.unpack("!I", b"GPS\0")[0]


class FakeSntpServer:
    """Context manager: a UDP SNTP responder with a configurable clock offset and faults.

    ``offset``: seconds this server's clock is ahead of the real one (what a client on
    this machine should measure). ``delay``: seconds to wait before sending each reply
    after timestamping it, so it counts as network round trip (and can exceed a client's
    timeout). ``requests`` counts the requests received.
    """

    def __init__(
        self,
        offset: float = 0.0,
        mode: Mode = "normal",
        *,
        delay: float = 0.0,
        stratum: int = 2,
        kiss_code: str = "RATE",
        gate: threading.Barrier | None = None,
    ) -> None:
        self.offset = offset
        self.mode = mode
        self.delay = delay
        self.stratum = stratum
        self.kiss_code = kiss_code
        self.gate = gate
        self.requests = 0
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind((LOCALHOST, 0))
        self._sock.settimeout(0.05)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="fake-sntp", daemon=True)

    @property
    def port(self) -> int:
        port: int = self._sock.getsockname()[1]
        return port

    @property
    def address(self) -> str:
        """``127.0.0.1:PORT``, the form ``measure_offset`` accepts."""
        return f"{LOCALHOST}:{self.port}"

    def start(self) -> FakeSntpServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        self._sock.close()

    def __enter__(self) -> FakeSntpServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- serving ----------------------------------------------------------------------------
    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                request, peer = self._sock.recvfrom(1024)
            except TimeoutError:
                continue
            except OSError:
                return
            received = time.time() + self.offset
            self.requests += 1
            reply = self._reply(request, received)
            if reply is None:
                continue
            if self.gate is not None:
                try:
                    self.gate.wait(timeout=30)
                except threading.BrokenBarrierError:
                    continue  # the others were never asked: stay silent
            if self.delay and self._stop.wait(self.delay):
                return
            try:
                self._sock.sendto(reply, peer)
            except OSError:
                return

    def _reply(self, request: bytes, received: float) -> bytes | None:
        if self.mode == "silent":
            return None
        if self.mode == "garbage":
            return b"this is not a time server reply, just text!" + b"." * 17
        origin = request[40:48] if len(request) >= 48 else bytes(8)
        if self.mode == "wrong_origin":
            origin = bytes(b ^ 0xFF for b in origin)
        leap, version, mode = 0, 4, 4
        stratum, ref_id = self.stratum, _REF_ID
        if self.mode == "kod":
            stratum = 0
            ref_id = struct.unpack("!I", self.kiss_code.encode("ascii")[:4].ljust(4, b"\0"))[0]
        elif self.mode == "wrong_mode":
            mode = 3
        elif self.mode == "unsynchronised":
            leap, stratum = 3, 16
        transmit = unix_to_ntp(time.time() + self.offset)
        if self.mode == "zero_transmit":
            transmit = bytes(8)
        reply = _PACKET.pack(
            (leap << 6) | (version << 3) | mode,
            stratum,
            6,  # poll
            -20,  # precision (about a microsecond)
            0,
            0,
            ref_id,
            unix_to_ntp(received - 10),  # reference timestamp
            origin,
            unix_to_ntp(received),
            transmit,
        )
        return reply[:20] if self.mode == "short" else reply


def closed_udp_port() -> int:
    """A UDP port on 127.0.0.1 with (almost certainly) nobody listening on it."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind((LOCALHOST, 0))
        port: int = probe.getsockname()[1]
    return port


#: The ``sntp_server`` fixture (tests/timesync/conftest.py): starts a responder.
StartServer = Callable[..., FakeSntpServer]
