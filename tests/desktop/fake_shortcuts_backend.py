"""A test backend for the real xdg-desktop-portal: ``org.freedesktop.impl.portal.GlobalShortcuts``.

Run as ``python fake_shortcuts_backend.py MODE`` with DBUS_SESSION_BUS_ADDRESS set to a
private bus, before xdg-desktop-portal starts (it looks for backends once), with a
``.portal`` file naming ``BUS_NAME`` in XDG_DESKTOP_PORTAL_DIR. It stands where KDE's or
GNOME's backend would: the portal frontend forwards the app's calls here and relays our
``Activated`` signals to the app. Written with jeepney (pure Python, in the venv with
keyring) because the impl interface takes and returns ``a(sa{sv})``.

MODE: ``bind`` accepts the shortcuts (trigger description "Ctrl+Alt+O (fake desktop)"),
``deny`` answers BindShortcuts with 2 (the desktop refused), ``cancel`` with 1 (the user
closed the desktop's dialog).

Every call is printed as one JSON line on stdout. The test drives it on ``/control``,
interface ``org.example.FakeShortcuts``: ``Activate(s shortcut_id)`` sends Activated then
Deactivated for that shortcut in every open session.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    message_bus,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.io.blocking import open_dbus_connection

BUS_NAME = "org.freedesktop.impl.portal.desktop.fakeshortcuts"
PATH = "/org/freedesktop/portal/desktop"
IMPL = "org.freedesktop.impl.portal.GlobalShortcuts"
SESSION = "org.freedesktop.impl.portal.Session"
CONTROL = "org.example.FakeShortcuts"
TRIGGER_DESCRIPTION = "Ctrl+Alt+O (fake desktop)"


def plain(value: Any) -> Any:
    """jeepney values -> JSON (variants ``(sig, v)`` become v)."""
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str) and (
            value[0] in ("s", "u", "b", "t", "o", "i") or value[0].startswith("a")):
        return plain(value[1])
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def say(event: dict[str, Any]) -> None:
    print(json.dumps(event), flush=True)


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else "bind"
    conn = open_dbus_connection(bus="SESSION")
    sessions: dict[str, list[Any]] = {}  # session handle -> its shortcuts
    conn.send_and_get_reply(message_bus.RequestName(BUS_NAME))
    say({"ready": conn.unique_name})
    while True:
        msg = conn.receive()
        h = msg.header
        if h.message_type is not MessageType.method_call:
            continue
        f = h.fields
        path, iface, member = f.get(HeaderFields.path), f.get(HeaderFields.interface), \
            f.get(HeaderFields.member)
        body = msg.body
        if iface == "org.freedesktop.DBus.Properties" and member == "GetAll":
            conn.send(new_method_return(msg, "a{sv}", ({"version": ("u", 1)} if body[0] == IMPL
                                                       else {},)))
        elif iface == "org.freedesktop.DBus.Properties" and member == "Get" and \
                body == (IMPL, "version"):
            conn.send(new_method_return(msg, "v", (("u", 1),)))
        elif iface == IMPL and member == "CreateSession":
            _handle, session, app_id, options = body
            sessions[session] = []
            say({"call": "CreateSession", "session": session, "app_id": app_id,
                 "options": plain(options)})
            # Like KDE's backend: the shortcuts this app bound before (none here). 1.16's
            # frontend copies results["shortcuts"] and logs GLib criticals without it.
            conn.send(new_method_return(msg, "ua{sv}", (0, {"shortcuts": ("a(sa{sv})", [])})))
        elif iface == IMPL and member == "BindShortcuts":
            _handle, session, shortcuts, parent_window, _options = body
            say({"call": "BindShortcuts", "session": session,
                 "shortcuts": plain(shortcuts), "parent_window": parent_window})
            if mode != "bind" or session not in sessions:
                conn.send(new_method_return(msg, "ua{sv}", (1 if mode == "cancel" else 2, {})))
                continue
            bound = [(sid, {"description": ("s", plain(props).get("description", "")),
                            "trigger_description": ("s", TRIGGER_DESCRIPTION)})
                     for sid, props in shortcuts]
            sessions[session] = bound
            conn.send(new_method_return(msg, "ua{sv}", (0, {
                "shortcuts": ("a(sa{sv})", bound)})))
        elif iface == IMPL and member == "ListShortcuts":
            _handle, session = body
            conn.send(new_method_return(msg, "ua{sv}", (0, {
                "shortcuts": ("a(sa{sv})", sessions.get(session, []))})))
        elif iface == SESSION and member == "Close":
            say({"call": "Session.Close", "session": path})
            sessions.pop(path, None)
            conn.send(new_method_return(msg))
        elif iface == CONTROL and member == "Activate":
            (shortcut_id,) = body
            stamp = int(time.monotonic() * 1000)
            sent = 0
            for session, bound in sessions.items():
                if any(sid == shortcut_id for sid, _props in bound):
                    for signal in ("Activated", "Deactivated"):
                        conn.send(new_signal(DBusAddress(PATH, interface=IMPL), signal,
                                             "osta{sv}", (session, shortcut_id, stamp, {})))
                    sent += 1
            say({"call": "Activate", "shortcut": shortcut_id, "sessions": sent})
            conn.send(new_method_return(msg, "u", (sent,)))
        else:
            say({"call": "unknown", "interface": iface, "member": member, "path": path})
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod"))


if __name__ == "__main__":
    sys.exit(main())
