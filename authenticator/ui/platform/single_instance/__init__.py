"""One running app per user and vault: a second launch asks the first to show itself.

The protocol is one command per line: ``raise`` (show the window; what every older
version sends) and ``pick`` (show the quick pick box). Unknown lines are ignored.

Where Python has Unix sockets (Linux, macOS) both ends use Python's ``socket`` module, at
the path where ``QLocalServer`` put it (channel.py): the sender needs no Qt at all (so
``authenticator pick`` loads none for it), the running app watches its socket with a
``QSocketNotifier`` of QtCore (server.py); QtNetwork is not loaded. Elsewhere (Windows)
QtNetwork's local sockets do the same (qtnetwork.py). Importing this module loads no Qt:
:class:`SingleInstance` is imported when first used.
"""

from __future__ import annotations

import getpass
import hashlib
import socket
from typing import TYPE_CHECKING, Any

from authenticator.ui.platform.single_instance import channel
from authenticator.ui.platform.single_instance.channel import MAX_MESSAGE, MESSAGE, PICK

if TYPE_CHECKING:
    from authenticator.ui.platform.single_instance.server import SingleInstance

__all__ = ["MAX_MESSAGE", "MESSAGE", "PICK", "SingleInstance", "notify_running",
           "server_name"]

UNIX_SOCKETS = hasattr(socket, "AF_UNIX")


def server_name(vault_path: str) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    digest = hashlib.sha256(f"{user}\0{vault_path}".encode()).hexdigest()[:16]
    return f"authenticator-{digest}"


def notify_running(name: str, timeout_ms: int = 500, message: bytes = MESSAGE) -> bool:
    """True when another instance answered (and was sent ``message``: raise its window,
    or show the quick pick box); False when none does (no socket, refused, timed out).
    Each step waits ``timeout_ms`` at most."""
    if UNIX_SOCKETS:
        return channel.send(name, timeout_ms, message)
    from authenticator.ui.platform.single_instance import qtnetwork

    return qtnetwork.notify_running(name, timeout_ms, message)


def __getattr__(name: str) -> Any:
    """``SingleInstance``, imported (with Qt) on first use."""
    if name != "SingleInstance":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if UNIX_SOCKETS:
        from authenticator.ui.platform.single_instance import server as chosen
    else:
        from authenticator.ui.platform.single_instance import qtnetwork as chosen  # type: ignore[no-redef]
    globals()["SingleInstance"] = chosen.SingleInstance
    return chosen.SingleInstance
