"""A small stand-in for xdg-desktop-portal's Screenshot interface, written with QtDBus.

Run as ``python fake_portal.py MODE [PICTURE]`` with DBUS_SESSION_BUS_ADDRESS set to a
private bus. It owns ``org.freedesktop.portal.Desktop`` and answers ``Screenshot`` the way
the real portal does: a ``Request`` object path as the reply, then a
``Response(uint, a{sv})`` signal on that path. MODE says which answer:

- ``success``: copies PICTURE to a fresh file and answers 0 with its ``file://`` uri
- ``cancel``: answers 1 (the user closed the desktop's dialog); ``first-cancel``: 1 for
  the first call, like ``success`` after
- ``deny``: answers 2 (the desktop refused); ``deny-error``: a NotAllowed error reply
- ``no-interface``: the desktop object has no Screenshot interface (UnknownMethod)
- ``silent``: never answers
- ``hold``: answers like ``success`` only when ``org.example.FakePortal.Release`` is called
  (on ``/control``)

Each Screenshot call is printed as one JSON line on stdout (the options and the file
written), so tests can check what the app asked for.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusObjectPath, QDBusVirtualObject

SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
CONTROL = "org.example.FakePortal"


@ClassInfo({"D-Bus Interface": "org.freedesktop.portal.Request"})
class RequestObject(QObject):
    Response = Signal("uint", "QVariantMap")


class Refuser(QDBusVirtualObject):
    """``deny-error``: every call gets ``org.freedesktop.portal.Error.NotAllowed``."""

    def introspect(self, path: str) -> str:
        return ""

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        print(json.dumps({"call": message.member()}), flush=True)
        connection.send(message.createErrorReply(
            "org.freedesktop.portal.Error.NotAllowed", "Screenshots are not allowed"))
        return True


class Portal(QObject):
    """Answers ``Screenshot`` per ``mode``. (PySide6 cannot demarshal a{sv} inside a
    QDBusVirtualObject nor give a slot its QDBusContext, so the caller's unique name is
    not known here: the Response goes to the request path of every client on this private
    bus; only the caller listens on its own.)"""

    def __init__(self, bus: QDBusConnection, mode: str, picture: str) -> None:
        super().__init__()
        self.bus = bus
        self.mode = mode
        self.picture = picture
        self.held: list[str] = []
        self.objects: dict[str, RequestObject] = {}
        self.calls = 0

    @Slot(str, "QVariantMap", result=QDBusObjectPath)
    def Screenshot(self, parent_window: str, options: dict[str, object]) -> QDBusObjectPath:
        token = str(options.get("handle_token", "t"))
        print(json.dumps({"call": "Screenshot", "parent_window": parent_window, "options": {
            k: v for k, v in options.items() if isinstance(v, bool | str | int)}}),
            flush=True)
        self.calls += 1
        self.prepare(token)
        code = {"success": 0, "cancel": 1, "deny": 2}.get(self.mode)
        if self.mode == "first-cancel":  # cancelled, then a picture when asked again
            code = 1 if self.calls == 1 else 0
        if self.mode == "hold":
            self.held.append(token)
        elif code is not None:
            QTimer.singleShot(0, lambda: self.respond(token, code))
        return QDBusObjectPath(f"{PATH}/request/{self.caller_part()}/{token}")

    def caller_part(self) -> str:
        names = [n for n in self.clients()]
        return names[0] if len(names) == 1 else "unknown"

    def clients(self) -> list[str]:
        interface = self.bus.interface()
        reply = interface.registeredServiceNames() if interface is not None else None
        names = list(reply.value()) if reply is not None and reply.isValid() else []
        ours = self.bus.baseService()
        return [n.lstrip(":").replace(".", "_") for n in names
                if n.startswith(":") and n != ours]

    @Slot()
    def Release(self) -> None:
        for token in self.held:
            self.respond(token, 0)
        self.held.clear()

    def prepare(self, token: str) -> None:
        """The Request objects the answer will come from, registered before it is sent
        (QtDBus relays a registered object's signals only once it is hooked up)."""
        for client in self.clients():
            handle = f"{PATH}/request/{client}/{token}"
            if handle not in self.objects:
                request = RequestObject()
                self.objects[handle] = request
                self.bus.registerObject(handle, request,
                                        QDBusConnection.RegisterOption.ExportAllSignals)

    def respond(self, token: str, code: int) -> None:
        results: dict[str, object] = {}
        if code == 0:
            fd, name = tempfile.mkstemp(prefix="Screenshot-", suffix=".png")
            with open(fd, "wb") as out, open(self.picture, "rb") as src:
                shutil.copyfileobj(src, out)
            results["uri"] = Path(name).as_uri()
            print(json.dumps({"wrote": name}), flush=True)
        self.prepare(token)
        for handle, request in self.objects.items():
            if handle.endswith("/" + token):
                request.Response.emit(code, results)  # stays registered: relayed later


@ClassInfo({"D-Bus Interface": "org.freedesktop.portal.Screenshot"})
class ScreenshotAdaptor(QObject):
    def __init__(self, portal: Portal) -> None:
        super().__init__()
        self.portal = portal

    @Slot(str, "QVariantMap", result=QDBusObjectPath)
    def Screenshot(self, parent_window: str,
                   options: dict[str, object]) -> QDBusObjectPath:
        return self.portal.Screenshot(parent_window, options)


@ClassInfo({"D-Bus Interface": "org.freedesktop.portal.Settings"})
class OtherAdaptor(QObject):
    """``no-interface``: a portal object without Screenshot (like a desktop that has none)."""

    @Slot(str, str, result=str)
    def Read(self, namespace: str, key: str) -> str:
        return ""


@ClassInfo({"D-Bus Interface": CONTROL})
class ControlAdaptor(QObject):
    def __init__(self, portal: Portal) -> None:
        super().__init__()
        self.portal = portal

    @Slot()
    def Release(self) -> None:
        self.portal.Release()


def main() -> int:
    mode = sys.argv[1]
    picture = sys.argv[2] if len(sys.argv) > 2 else ""
    app = QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.sessionBus()
    portal = Portal(bus, mode, picture)
    slots = QDBusConnection.RegisterOption.ExportAllSlots
    keep: list[QObject | QDBusVirtualObject] = [ControlAdaptor(portal)]
    registered = bus.registerObject("/control", keep[0], slots)
    if mode == "deny-error":
        keep.append(Refuser())
        registered &= bus.registerVirtualObject(PATH, keep[-1])
    elif mode == "no-interface":
        keep.append(OtherAdaptor())
        registered &= bus.registerObject(PATH, keep[-1], slots)
    else:
        keep.append(ScreenshotAdaptor(portal))
        registered &= bus.registerObject(PATH, keep[-1], slots)
    if not registered:
        print("cannot register the portal objects", file=sys.stderr)
        return 1
    if not bus.registerService(SERVICE):
        print("cannot own " + SERVICE, file=sys.stderr)
        return 1
    print(json.dumps({"ready": bus.baseService()}), flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
