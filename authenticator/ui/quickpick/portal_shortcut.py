"""The quick pick shortcut through the desktop's ``org.freedesktop.portal.GlobalShortcuts``.

On Wayland an app may not grab keys; desktops that offer this portal (KDE Plasma 5.27+,
GNOME 48+, ...) bind a key for it and send ``Activated`` when it is pressed. The steps:
``version`` property (is the interface there at all?), ``CreateSession`` -> ``Response``
with ``session_handle``, ``BindShortcuts`` (id ``quick-pick``, description, the configured
shortcut as ``preferred_trigger``) -> ``Response`` (the desktop may ask the user, so this
one may take minutes), then ``Activated(session, id, timestamp, options)`` signals until
``Session.Close``. Answers come as ``Request.Response(u, a{sv})`` like every portal call:
the meaning of codes and errors is shared with the Screenshot client (``ui.common.portal``).

Why jeepney and not QtDBus like the Screenshot client: ``BindShortcuts`` takes an array of
structures, ``a(sa{sv})``, and PySide6 cannot marshal one (QDBusArgument.beginArray needs
a C++-registered element type; a Python list goes out as ``av``, which the portal rejects).
jeepney (pure Python, already installed with keyring on Linux) builds any D-Bus type. The
connection is opened in a worker thread; afterwards its socket is watched by a
QSocketNotifier on the GUI thread, so nothing ever waits for the desktop.
"""

from __future__ import annotations

import contextlib
import enum
import os
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from authenticator.ui.common.portal import (
    INTERACTIVE_TIMEOUT_MS,
    PORTAL_PATH,
    PORTAL_SERVICE,
    REPLY_TIMEOUT_MS,
    REQUEST_INTERFACE,
    Outcome,
    error_outcome,
    new_token,
    request_path,
    response_outcome,
)
from authenticator.ui.common.worker import run_in_background

SHORTCUTS_INTERFACE = "org.freedesktop.portal.GlobalShortcuts"
SESSION_INTERFACE = "org.freedesktop.portal.Session"
PROPERTIES_INTERFACE = "org.freedesktop.DBus.Properties"
SHORTCUT_ID = "quick-pick"
_DISCONNECTED = "org.freedesktop.DBus.Error.Disconnected"


class State(enum.StrEnum):
    STARTING = "starting"        # connecting, asking the desktop
    ACTIVE = "active"            # bound: Activated opens the box
    UNAVAILABLE = "unavailable"  # no portal, or no GlobalShortcuts on this desktop
    REFUSED = "refused"          # the desktop or the user said no
    CLOSED = "closed"            # we closed it (quit, settings changed) or it ended


def open_session_bus() -> Any:
    """The user's session bus (in a worker thread: the handshake waits for the bus). Like
    libdbus and GDBus, falls back to ``$XDG_RUNTIME_DIR/bus`` when no address is set."""
    from jeepney.io.blocking import open_dbus_connection

    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if not address and runtime and os.path.exists(os.path.join(runtime, "bus")):
        address = "unix:path=" + os.path.join(runtime, "bus")
    return open_dbus_connection(bus=address or "SESSION", auth_timeout=3.0)


class Link:
    """A jeepney connection driven from the GUI thread: ``call`` sends and routes the reply
    (or error name) to a callback; every signal goes to ``on_signal``, a lost connection to
    ``on_lost``. Not a QObject, and it drops its callbacks when closed: no reference cycle
    through Qt wrappers is left for the garbage collector (PySide can crash on those)."""

    def __init__(self, connection: Any, on_signal: Callable[[Any], None],
                 on_lost: Callable[[], None]) -> None:
        self.connection = connection
        self.unique_name: str = connection.unique_name
        self._on_signal: Callable[[Any], None] = on_signal
        self._on_lost: Callable[[], None] = on_lost
        self._replies: dict[int, tuple[Callable[[tuple[Any, ...]], None],
                                       Callable[[str], None]]] = {}
        self._notifier = QSocketNotifier(connection.sock.fileno(),
                                         QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._readable)
        self.open = True

    def call(self, message: Any, on_reply: Callable[[tuple[Any, ...]], None] | None = None,
             on_error: Callable[[str], None] | None = None) -> None:
        if not self.open:
            if on_error is not None:
                on_error(_DISCONNECTED)
            return
        serial = next(self.connection.outgoing_serial)
        self._replies[serial] = (on_reply or _ignore, on_error or _ignore)
        try:
            self.connection.send(message, serial=serial)
        except OSError:
            self._replies.pop(serial, None)
            self._lose()
            if on_error is not None:
                on_error(_DISCONNECTED)

    def _readable(self) -> None:
        from jeepney import HeaderFields, MessageType

        while self.open:
            try:
                message = self.connection.receive(timeout=0)
            except TimeoutError:
                return
            except Exception:  # connection reset, a message we cannot parse
                self._lose()
                return
            kind = message.header.message_type
            if kind is MessageType.signal:
                self._on_signal(message)
            elif kind in (MessageType.method_return, MessageType.error):
                serial = message.header.fields.get(HeaderFields.reply_serial)
                handlers = self._replies.pop(serial, None)
                if handlers is None:
                    continue
                if kind is MessageType.error:
                    handlers[1](str(message.header.fields.get(HeaderFields.error_name, "")))
                else:
                    handlers[0](tuple(message.body))

    def _lose(self) -> None:
        if self.open:
            on_lost = self._on_lost
            self.close()
            on_lost()

    def close(self) -> None:
        self.open = False
        self._notifier.setEnabled(False)
        self._replies.clear()
        self._on_signal = self._on_lost = _ignore
        with contextlib.suppress(OSError):
            self.connection.close()


def _ignore(*_args: object) -> None:
    pass


def _string(variant: object) -> str:
    """A jeepney variant ``("s", value)`` -> value ("" for anything else)."""
    if isinstance(variant, tuple) and len(variant) == 2 and isinstance(variant[1], str):
        return variant[1]
    return ""


class PortalShortcut(QObject):
    """One GlobalShortcuts session with the quick pick shortcut; ``activated`` when pressed,
    ``changed`` when ``state`` (or the desktop's description of the trigger) changes."""

    activated = Signal()
    changed = Signal()

    def __init__(self, parent: QObject | None = None, *,
                 connect: Callable[[], Any] = open_session_bus,
                 timeout_ms: int = REPLY_TIMEOUT_MS,
                 bind_timeout_ms: int = INTERACTIVE_TIMEOUT_MS) -> None:
        super().__init__(parent)
        self._connect = connect
        self.timeout_ms = timeout_ms
        self.bind_timeout_ms = bind_timeout_ms
        self.state = State.CLOSED
        self.detail = ""  # D-Bus error name or response code, for diagnostics
        self.outcome: Outcome | None = None
        self.trigger = ""  # what we asked for
        self.trigger_description = ""  # what the desktop says it bound ("" if it did not say)
        self.session_handle = ""
        self._description = ""
        self._link: Link | None = None
        self._attempt = 0  # which start() a connection that comes back belongs to
        self._waiting: dict[str, Callable[[int, dict[str, Any]], None]] = {}  # request path
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)

    # -- steps ----------------------------------------------------------------------------
    def start(self, trigger: str, description: str) -> None:
        """Ask the desktop to bind ``trigger`` (portal syntax, ``"CTRL+ALT+o"``), ending the
        session of an earlier start (straight to STARTING: never a passing CLOSED)."""
        self._shut()
        self.trigger, self._description = trigger, description
        self.trigger_description = ""
        self._set(State.STARTING)
        self._timer.start(self.timeout_ms)
        connect = self._connect

        def job() -> object:
            try:
                return connect()
            except Exception as exc:  # no bus address, no socket, refused handshake
                return f"cannot connect to the session bus ({type(exc).__name__})"

        self._attempt += 1
        run_in_background(job, partial(self._connected, self._attempt),
                          partial(self._connect_failed, self._attempt), context=self)

    def _connect_failed(self, attempt: int, message: str) -> None:
        if attempt == self._attempt:
            self._fail(Outcome.UNAVAILABLE, message)

    def _connected(self, attempt: int, connection: object) -> None:
        if isinstance(connection, str) or connection is None:
            if attempt == self._attempt:
                self._fail(Outcome.UNAVAILABLE, str(connection))
            return
        if attempt != self._attempt or self.state is not State.STARTING:  # closed meanwhile
            _close_quietly(connection)
            return
        from jeepney import DBusAddress, MatchRule, message_bus, new_method_call

        self._link = Link(connection, self._on_signal, self._lost)
        for interface in (REQUEST_INTERFACE, SHORTCUTS_INTERFACE, SESSION_INTERFACE):
            rule = MatchRule(type="signal", sender=PORTAL_SERVICE, interface=interface)
            self._link.call(message_bus.AddMatch(rule))
        version = new_method_call(
            DBusAddress(PORTAL_PATH, PORTAL_SERVICE, PROPERTIES_INTERFACE), "Get", "ss",
            (SHORTCUTS_INTERFACE, "version"))
        self._link.call(version, self._got_version, self._no_version)

    def _no_version(self, error_name: str) -> None:
        """No portal (ServiceUnknown), or a portal without the interface (InvalidArgs "No
        such interface"): either way there is no GlobalShortcuts here."""
        outcome = error_outcome(error_name)
        self._fail(outcome if outcome is Outcome.NO_REPLY else Outcome.UNAVAILABLE,
                   error_name)

    def _got_version(self, body: tuple[Any, ...]) -> None:
        value = body[0][1] if body and isinstance(body[0], tuple) else None
        if not isinstance(value, int) or value < 1:
            self._fail(Outcome.UNAVAILABLE, f"version {value!r}")
            return
        token, session_token = new_token(), new_token()
        self._request("CreateSession", "a{sv}", ({
            "handle_token": ("s", token), "session_handle_token": ("s", session_token)},),
            token, self._session_created)

    def _session_created(self, code: int, results: dict[str, Any]) -> None:
        handle = _string(results.get("session_handle"))
        if code != 0 or not handle:
            self._fail(response_outcome(code) if code else Outcome.DENIED, f"response {code}")
            return
        self.session_handle = handle
        token = new_token()
        shortcuts = [(SHORTCUT_ID, {"description": ("s", self._description),
                                    "preferred_trigger": ("s", self.trigger)})]
        self._timer.start(self.bind_timeout_ms)  # the desktop may ask the user first
        self._request("BindShortcuts", "oa(sa{sv})sa{sv}",
                      (handle, shortcuts, "", {"handle_token": ("s", token)}), token,
                      self._bound)

    def _bound(self, code: int, results: dict[str, Any]) -> None:
        if code != 0:
            self._fail(response_outcome(code), f"response {code}")
            return
        self._timer.stop()
        self._read_shortcuts(results.get("shortcuts"))
        self.outcome = Outcome.SUCCESS
        self._set(State.ACTIVE)

    def _read_shortcuts(self, variant: object) -> None:
        shortcuts = variant[1] if isinstance(variant, tuple) and len(variant) == 2 else []
        for entry in shortcuts if isinstance(shortcuts, list) else []:
            if isinstance(entry, tuple) and entry and entry[0] == SHORTCUT_ID:
                props = entry[1] if len(entry) > 1 and isinstance(entry[1], dict) else {}
                self.trigger_description = _string(props.get("trigger_description"))

    def _request(self, method: str, signature: str, body: tuple[Any, ...], token: str,
                 on_response: Callable[[int, dict[str, Any]], None]) -> None:
        """A portal call answered by ``Request.Response`` (watched before the call: the
        answer may beat the reply; a portal that ignores the token is followed too)."""
        from jeepney import DBusAddress, new_method_call

        link = self._link
        if link is None:
            return
        expected = request_path(link.unique_name, token)
        self._waiting = {expected: on_response}

        def replied(reply: tuple[Any, ...]) -> None:
            path = str(reply[0]) if reply else ""
            if path and path != expected and expected in self._waiting:
                self._waiting[path] = self._waiting.pop(expected)

        message = new_method_call(
            DBusAddress(PORTAL_PATH, PORTAL_SERVICE, SHORTCUTS_INTERFACE), method,
            signature, body)
        link.call(message, replied, self._call_failed)

    def _lost(self) -> None:
        self._fail(Outcome.UNAVAILABLE, _DISCONNECTED)

    def _call_failed(self, error_name: str) -> None:
        self._fail(error_outcome(error_name), error_name)

    # -- signals --------------------------------------------------------------------------
    def _on_signal(self, message: Any) -> None:
        from jeepney import HeaderFields

        fields = message.header.fields
        path, interface = fields.get(HeaderFields.path), fields.get(HeaderFields.interface)
        member, body = fields.get(HeaderFields.member), tuple(message.body)
        if interface == REQUEST_INTERFACE and member == "Response" and path in self._waiting:
            on_response = self._waiting.pop(path)
            code = body[0] if body and isinstance(body[0], int) else 2
            results = body[1] if len(body) > 1 and isinstance(body[1], dict) else {}
            on_response(code, results)
        elif interface == SHORTCUTS_INTERFACE and body and body[0] == self.session_handle:
            if member == "Activated" and len(body) > 1 and body[1] == SHORTCUT_ID:
                if self.state is State.ACTIVE:
                    self.activated.emit()
            elif member == "ShortcutsChanged" and len(body) > 1:
                self._read_shortcuts(("a(sa{sv})", body[1]))
                self.changed.emit()
        elif (interface == SESSION_INTERFACE and member == "Closed"
              and path == self.session_handle and self.session_handle):
            self.session_handle = ""
            self._fail(Outcome.DENIED, "the desktop closed the session")

    # -- endings --------------------------------------------------------------------------
    def _timed_out(self) -> None:
        if self.state is State.STARTING:
            self._fail(Outcome.NO_REPLY, "timeout")

    def _fail(self, outcome: Outcome, detail: str) -> None:
        if self.state not in (State.STARTING, State.ACTIVE):
            return  # already over: a late error changes nothing
        self.outcome, self.detail = outcome, detail
        refused = outcome in (Outcome.DENIED, Outcome.CANCELLED)
        self._shut()
        self._set(State.REFUSED if refused else State.UNAVAILABLE)

    def close(self) -> None:
        """End the session (the app quits, or the shortcut changes)."""
        if self._link is None and self.state is State.CLOSED:
            return
        self._shut()
        self._set(State.CLOSED)

    def _shut(self) -> None:
        self._timer.stop()
        self._waiting = {}
        link, self._link = self._link, None
        if link is None:
            return
        if self.session_handle and link.open:
            from jeepney import DBusAddress, new_method_call

            link.call(new_method_call(DBusAddress(self.session_handle, PORTAL_SERVICE,
                                                  SESSION_INTERFACE), "Close"))
        self.session_handle = ""
        link.close()

    def _set(self, state: State) -> None:
        self.state = state
        self.changed.emit()


def _close_quietly(connection: object) -> None:
    close = getattr(connection, "close", None)
    if callable(close):
        with contextlib.suppress(OSError):
            close()
