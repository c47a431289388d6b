"""The desktop's screenshot service, ``org.freedesktop.portal.Screenshot``, over QtDBus.

On Wayland an application cannot read the screen itself (``QScreen.grabWindow`` returns a
null pixmap); it asks the desktop's portal, which writes a picture file and answers on a
``org.freedesktop.portal.Request`` object with ``Response(uint code, a{sv} results)``:
code 0 with ``results["uri"]``, 1 when the user cancelled, 2 when it ended otherwise
(refused). The method call is asynchronous and the answer is awaited for a bounded time
(about 15 s by default, injectable for tests; 3 minutes when the user chooses in the
desktop's interactive tool), so the GUI never blocks.

The picture shows the secret key: whoever receives ``Answer.path`` deletes it. A picture
that arrives after we stopped waiting (timeout, cancel) is deleted here.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from dataclasses import dataclass
from enum import Enum
from urllib.parse import unquote, urlparse

from PySide6.QtCore import SLOT, QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtDBus import (
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
    QDBusPendingCall,
    QDBusPendingCallWatcher,
)

PORTAL_SERVICE = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
SCREENSHOT_INTERFACE = "org.freedesktop.portal.Screenshot"
REQUEST_INTERFACE = "org.freedesktop.portal.Request"
REPLY_TIMEOUT_MS = 15_000
INTERACTIVE_TIMEOUT_MS = 180_000  # the user is choosing in the desktop's own tool
_RESPONSE_SLOT = SLOT("_on_response(uint,QVariantMap)")  # the signature QtDBus matches

# D-Bus errors that mean "there is no screenshot portal here".
_UNAVAILABLE_ERRORS = {
    "org.freedesktop.DBus.Error.ServiceUnknown",
    "org.freedesktop.DBus.Error.NameHasNoOwner",
    "org.freedesktop.DBus.Error.UnknownMethod",
    "org.freedesktop.DBus.Error.UnknownInterface",
    "org.freedesktop.DBus.Error.UnknownObject",
    "org.freedesktop.DBus.Error.Disconnected",
    "org.freedesktop.DBus.Error.NotSupported",
    "org.freedesktop.DBus.Error.Spawn.ChildExited",
    "org.freedesktop.DBus.Error.Spawn.ExecFailed",
    "org.freedesktop.portal.Error.NotFound",
}
_DENIED_ERRORS = {
    "org.freedesktop.portal.Error.NotAllowed",
    "org.freedesktop.DBus.Error.AccessDenied",
}
_NO_REPLY_ERRORS = {
    "org.freedesktop.DBus.Error.NoReply",
    "org.freedesktop.DBus.Error.Timeout",
    "org.freedesktop.DBus.Error.TimedOut",
}
_tokens = itertools.count(1)


class Outcome(Enum):
    SUCCESS = "success"        # ``Answer.path`` is the picture (delete it after reading)
    CANCELLED = "cancelled"    # the user said no in the desktop's dialog (or we cancelled)
    DENIED = "denied"          # the desktop refused (permission, policy, other failure)
    UNAVAILABLE = "unavailable"  # no portal, or no Screenshot interface on this desktop
    NO_REPLY = "no-reply"      # nothing came back in time


@dataclass(frozen=True)
class Answer:
    outcome: Outcome
    path: str = ""
    detail: str = ""  # the D-Bus error name or response code, for diagnostics only


def local_path(uri: str) -> str:
    """The local file behind a ``file://`` URI; empty for anything else."""
    parsed = urlparse(uri)
    if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
        return ""
    return unquote(parsed.path)


def remove_quietly(path: str) -> None:
    if path:
        with contextlib.suppress(OSError):
            os.unlink(path)


def error_outcome(name: str) -> Outcome:
    """What a D-Bus error reply from the portal means (any portal interface)."""
    if name in _NO_REPLY_ERRORS:
        return Outcome.NO_REPLY
    if name in _UNAVAILABLE_ERRORS:
        return Outcome.UNAVAILABLE
    return Outcome.DENIED  # NotAllowed, AccessDenied, or a failure


def response_outcome(code: int) -> Outcome:
    """What a ``Request.Response`` code means: 0 success, 1 cancelled, else refused."""
    return {0: Outcome.SUCCESS, 1: Outcome.CANCELLED}.get(code, Outcome.DENIED)


def new_token() -> str:
    """A ``handle_token`` (or ``session_handle_token``) no other call of ours uses."""
    return f"authenticator{os.getpid()}_{next(_tokens)}"


def request_path(unique_name: str, token: str, kind: str = "request") -> str:
    """Where the portal puts the ``Request`` (or, ``kind="session"``, the ``Session``) made
    for ``token`` by the connection ``unique_name`` (``":1.42"``)."""
    return f"{PORTAL_PATH}/{kind}/{unique_name.lstrip(':').replace('.', '_')}/{token}"


def desktop_asks(environ: dict[str, str] | None = None) -> bool:
    """True on desktops known to show their own dialog before sharing a screenshot."""
    env = os.environ if environ is None else environ
    desktops = env.get("XDG_CURRENT_DESKTOP", "").upper().split(":")
    return any(name in ("GNOME", "KDE", "UNITY", "PANTHEON", "BUDGIE") for name in desktops)


class _Request(QObject):
    """One call to the portal and its ``Request`` object; lives until answered (or until
    ``linger`` ends) so a picture that comes too late is still deleted."""

    answered = Signal(object)

    def __init__(self, bus: QDBusConnection, interactive: bool, timeout_ms: int,
                 parent: QObject) -> None:
        super().__init__(parent)
        self._bus = bus
        self._timeout_ms = timeout_ms
        self.waiting = True
        self._watched: set[str] = set()
        token = new_token()
        self.handle = request_path(bus.baseService(), token)
        self._watch(self.handle)  # before the call: the answer may beat the reply
        message = QDBusMessage.createMethodCall(PORTAL_SERVICE, PORTAL_PATH,
                                                SCREENSHOT_INTERFACE, "Screenshot")
        message.setArguments(["", {"handle_token": token, "interactive": interactive}])
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)
        self._timer.start(timeout_ms)
        pending: QDBusPendingCall = bus.asyncCall(message, timeout_ms)
        self._watcher = QDBusPendingCallWatcher(pending, self)
        self._watcher.finished.connect(self._call_returned)

    def _watch(self, path: str) -> None:
        if path not in self._watched and self._bus.connect(  # type: ignore[call-overload]
                "", path, REQUEST_INTERFACE, "Response", self, _RESPONSE_SLOT):
            self._watched.add(path)

    def _call_returned(self, watcher: QDBusPendingCallWatcher) -> None:
        reply = watcher.reply()
        if not self.waiting:
            return
        if reply.type() == QDBusMessage.MessageType.ErrorMessage:
            name = reply.errorName()
            self._end(Answer(error_outcome(name), detail=name))
            return
        arguments = reply.arguments()
        handle = arguments[0] if arguments else None
        path = handle.path() if isinstance(handle, QDBusObjectPath) else str(handle or "")
        if path and path != self.handle:  # portals before 0.9 ignore handle_token
            self.handle = path
            self._watch(path)

    @Slot("uint", "QVariantMap")
    def _on_response(self, code: int, results: dict[str, object]) -> None:
        uri = results.get("uri") if isinstance(results, dict) else None
        picture = local_path(uri) if isinstance(uri, str) else ""
        if not self.waiting:
            remove_quietly(picture)  # too late: nobody reads it, so nobody may find it
            self.deleteLater()
            return
        if code == 0 and picture:
            self._end(Answer(Outcome.SUCCESS, path=picture))
            return
        remove_quietly(picture)
        if code == 0:
            self._end(Answer(Outcome.DENIED, detail="no picture in the answer"))
        else:
            self._end(Answer(response_outcome(code), detail=f"response {code}"))

    def _timed_out(self) -> None:
        if self.waiting:
            self._end(Answer(Outcome.NO_REPLY, detail="timeout"))
        else:
            self.deleteLater()  # lingered long enough

    def cancel(self) -> None:
        if self.waiting:
            close = QDBusMessage.createMethodCall(PORTAL_SERVICE, self.handle,
                                                  REQUEST_INTERFACE, "Close")
            self._bus.send(close)
            self._end(Answer(Outcome.CANCELLED, detail="cancelled by us"))

    def _end(self, answer: Answer) -> None:
        self.waiting = False
        if answer.outcome in (Outcome.NO_REPLY, Outcome.CANCELLED):
            self._timer.start(self._timeout_ms * 2)  # linger for a late picture
        else:
            self._timer.stop()
            self.deleteLater()
        self.answered.emit(answer)

    def linger_without_owner(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            self.setParent(app)


class ScreenshotPortal(QObject):
    """One screenshot request at a time; ``finished`` carries an :class:`Answer`."""

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None, *, bus: QDBusConnection | None = None,
                 timeout_ms: int = REPLY_TIMEOUT_MS, interactive: bool = False) -> None:
        super().__init__(parent)
        self._bus = bus
        self.timeout_ms = timeout_ms
        self.interactive = interactive
        self._request: _Request | None = None

    @property
    def busy(self) -> bool:
        return self._request is not None

    def request(self) -> None:
        """Ask for a full-screen screenshot (non-interactive unless ``interactive``)."""
        if self._request is not None:
            return
        bus = self._bus if self._bus is not None else QDBusConnection.sessionBus()
        self._bus = bus
        if not bus.isConnected():
            self.finished.emit(Answer(Outcome.UNAVAILABLE, detail="no session bus"))
            return
        timeout = (max(self.timeout_ms, INTERACTIVE_TIMEOUT_MS) if self.interactive
                   else self.timeout_ms)
        self._request = _Request(bus, bool(self.interactive), timeout, self)
        self._request.answered.connect(self._answered)

    def _answered(self, answer: Answer) -> None:
        if self.sender() is self._request:
            self._request = None
            self.finished.emit(answer)
        elif answer.outcome is Outcome.SUCCESS:
            remove_quietly(answer.path)

    def cancel(self) -> None:
        """Stop waiting (Esc). A picture that still arrives is deleted."""
        if self._request is not None:
            self._request.cancel()

    def abandon(self) -> None:
        """The owner goes away: stop waiting, but let the request outlive us long enough
        to delete a picture that is still on its way."""
        request, self._request = self._request, None
        if request is not None:
            request.answered.disconnect(self._answered)
            request.linger_without_owner()
            request.cancel()
