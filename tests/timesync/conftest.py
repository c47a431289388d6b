"""Fixtures: real SNTP responders on 127.0.0.1 (see ``sntp_server.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.timesync.sntp_server import FakeSntpServer, StartServer, closed_udp_port


@pytest.fixture
def sntp_server() -> Iterator[StartServer]:
    """Factory: ``sntp_server(offset=3.0, mode="kod")`` starts a responder, stopped after."""
    started: list[FakeSntpServer] = []

    def start(offset: float = 0.0, mode: Any = "normal", **options: Any) -> FakeSntpServer:
        server = FakeSntpServer(offset, mode, **options).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def closed_port_address() -> str:
    """``127.0.0.1:PORT`` where no time server listens."""
    return f"127.0.0.1:{closed_udp_port()}"
