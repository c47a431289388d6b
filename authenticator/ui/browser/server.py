"""The app's end of the local channel: :class:`BrowserServer` on our private socket.

Where Python has Unix sockets (Linux, macOS) it listens with Python's ``socket`` module,
watched by ``QSocketNotifier`` (unix_server.py): QtNetwork (~3 MiB) is not loaded.
Elsewhere (Windows: a named pipe) QtNetwork's ``QLocalServer`` does it (qtnetwork.py),
behind the same API: signals ``received(conn, dict)`` and ``disconnected(conn)``;
``listen()``, ``close()``, ``send(conn, message)``, ``error``, ``address``.
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING

from authenticator.browser.channel import MAX_CONNECTIONS

__all__ = ["MAX_CONNECTIONS", "UNIX_SOCKETS", "BrowserServer"]

UNIX_SOCKETS = hasattr(socket, "AF_UNIX")

if TYPE_CHECKING or UNIX_SOCKETS:
    from authenticator.ui.browser.unix_server import BrowserServer
else:  # pragma: no cover - Windows only
    from authenticator.ui.browser.qtnetwork import BrowserServer
