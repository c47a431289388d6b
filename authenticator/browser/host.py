"""``authenticator browser-host``: the native messaging host the browsers start.

It holds no secret and decides nothing: it checks the framing of what the extension sends
(refusing oversized, malformed and non-object messages with an error reply), adds the
caller's identity the browser gave on the command line, and forwards each request over the
local channel to the running app, starting the app (to the tray) when it is not running.
Replies come back the same way. Only the standard library is imported: it starts fast.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO, cast

from authenticator.browser import channel, protocol

START_TIMEOUT = 20.0  # seconds to wait for an app we started to listen


def caller_origin(argv: Sequence[str]) -> str:
    """Chromium passes ``chrome-extension://ID/`` (then, on Windows, --parent-window=N);
    Firefox passes the manifest's path and the add-on id."""
    args = [a for a in argv if not a.startswith("--parent-window")]
    for arg in args:
        if arg.startswith("chrome-extension://"):
            return arg[:200]
    if len(args) >= 2:
        return f"moz-extension:{args[1][:200]}"
    return ""


def app_command() -> list[str]:
    if getattr(sys, "frozen", False):  # the packaged app: its executable is the CLI
        return [sys.executable, "--minimized"]
    return [sys.executable, "-m", "authenticator", "--minimized"]


def start_app() -> None:
    subprocess.Popen(app_command(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True, close_fds=True)


class Relay:
    def __init__(self, stdout: BinaryIO, origin: str,
                 connect: Callable[[], socket.socket], launch: Callable[[], None],
                 start_timeout: float = START_TIMEOUT,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.stdout = stdout
        self.origin = origin
        self._connect = connect
        self._launch = launch
        self._start_timeout = start_timeout
        self._clock, self._sleep = clock, sleep
        self._out_lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._launched = False

    def send_to_browser(self, message: dict[str, Any]) -> None:
        try:
            data = protocol.encode(message)
        except ValueError:
            data = protocol.encode(protocol.error_reply("reply too large", message.get("id")))
        with self._out_lock:
            self.stdout.write(data)
            self.stdout.flush()

    def _open(self) -> socket.socket:
        try:
            return self._connect()
        except channel.ChannelError:
            if self._launched:
                raise
        self._launched = True
        self._launch()
        deadline = self._clock() + self._start_timeout
        while True:
            try:
                return self._connect()
            except channel.ChannelError:
                if self._clock() > deadline:
                    raise
                self._sleep(0.1)

    def _socket(self) -> socket.socket:
        if self._sock is None:
            sock = self._open()
            self._sock = sock
            threading.Thread(target=self._pump, args=(sock,), daemon=True).start()
        return self._sock

    def _pump(self, sock: socket.socket) -> None:
        """App -> browser: every reply as it comes."""
        stream = sock.makefile("rb")
        try:
            while True:
                message = protocol.read_message(stream)
                if message is None:
                    break
                if isinstance(message, dict):
                    self.send_to_browser(message)
        except OSError:
            pass
        finally:
            if self._sock is sock:
                self._sock = None
            stream.close()

    def forward(self, message: dict[str, Any]) -> None:
        try:
            envelope = protocol.encode({"origin": self.origin, "message": message},
                                       protocol.MAX_ENVELOPE)
        except ValueError:  # cannot happen for a message we read (<= 1 MiB): belt and braces
            self.send_to_browser(protocol.error_reply("message too large", message.get("id")))
            return
        for attempt in (1, 2):
            try:
                self._socket().sendall(envelope)
                return
            except (OSError, channel.ChannelError) as exc:
                self._drop()
                if attempt == 2 or isinstance(exc, channel.ChannelError):
                    reason = str(exc) if isinstance(exc, channel.ChannelError) else (
                        "lost the connection to Authenticator")
                    self.send_to_browser({**protocol.error_reply(reason, message.get("id")),
                                          "status": "no-app"})
                    return

    def _drop(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.close()

    def run(self, stdin: BinaryIO) -> int:
        while True:
            message = protocol.read_message(stdin)
            if message is None:
                break  # the browser closed the port
            if isinstance(message, protocol.ProtocolError):
                self.send_to_browser(protocol.error_reply(message.reason))
                continue
            self.forward(message)
        self._drop()
        return 0


def main(argv: Sequence[str]) -> int:
    # The real binary streams: the CLI may wrap sys.stdout in a text filter for people.
    stdout, stdin = sys.__stdout__, sys.__stdin__
    assert stdout is not None and stdin is not None
    relay = Relay(cast(BinaryIO, stdout.buffer), caller_origin(argv), channel.connect,
                  start_app)
    try:
        return relay.run(cast(BinaryIO, stdin.buffer))
    except (BrokenPipeError, KeyboardInterrupt):
        return 0
