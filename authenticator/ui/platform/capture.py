"""Read every screen once, without a window: for ``authenticator scan --screen``.

The same route as the Add dialog: grab each screen (X11, Windows, macOS); when that comes
back empty on Linux (Wayland), ask the desktop's Screenshot portal and delete its picture
as soon as it is read. Errors are one-line :class:`AuthenticatorError` messages.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from authenticator.core.errors import AuthenticatorError

if TYPE_CHECKING:
    import numpy as np

    from authenticator.ui.common.portal import Answer

NO_DISPLAY = ("there is no graphical session to read the screen from "
              "(neither DISPLAY nor WAYLAND_DISPLAY is set)")
MACOS_PERMISSION = ("macOS did not let the app read the screen: allow Screen Recording for "
                    "this terminal in System Settings, Privacy & Security, Screen & System "
                    "Audio Recording, then try again")
NOT_READABLE = "this desktop did not let the app read the screen"
PORTAL_TEXT = {
    "cancelled": "the screenshot was cancelled",
    "denied": "the desktop refused to share a picture of the screen",
    "unavailable": ("the desktop did not let the app read the screen and offers no "
                    "screenshot service (on Wayland: install xdg-desktop-portal and the "
                    "backend of your desktop)"),
    "no-reply": "the desktop's screenshot service did not answer",
}


def _can_connect(address: str, abstract: bool = False) -> bool:
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(2)
        try:
            sock.connect(("\0" + address) if abstract else address)
        except OSError:
            return False
    return True


def wayland_reachable(env: Mapping[str, str]) -> bool:
    name = env.get("WAYLAND_DISPLAY", "")
    if not name:
        return False
    path = name if name.startswith("/") else os.path.join(env.get("XDG_RUNTIME_DIR", ""), name)
    return _can_connect(path)


def x11_reachable(env: Mapping[str, str]) -> bool:
    display = env.get("DISPLAY", "")
    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit():
        return False
    if host not in ("", "unix"):
        return True  # TCP (ssh -X), remote or launchd displays: let Qt try
    socket_path = f"/tmp/.X11-unix/X{number}"  # noqa: S108 (the X server's own socket)
    return _can_connect(socket_path) or _can_connect(socket_path, abstract=True)


def choose_platform(environ: Mapping[str, str] | None = None,
                    platform: str | None = None) -> str | None:
    """The Qt platform to read the screen with, or None to let Qt decide (Windows, macOS,
    or the user's own QT_QPA_PLATFORM). Raises when no display can be reached, since Qt
    would abort the process with several lines of noise instead."""
    env = os.environ if environ is None else environ
    if (platform or sys.platform).startswith(("win", "darwin", "cygwin")):
        return None
    if env.get("QT_QPA_PLATFORM"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        raise AuthenticatorError(NO_DISPLAY)
    if wayland_reachable(env):
        return "wayland"
    if x11_reachable(env):
        return "xcb"
    shown = env.get("WAYLAND_DISPLAY") or env.get("DISPLAY")
    raise AuthenticatorError(f"cannot connect to the display {shown}")


def usable(images: list[object]) -> list[np.ndarray]:
    """Grey copies of the images that hold something (not null, not one flat colour)."""
    import numpy as np
    from PySide6.QtGui import QImage

    arrays = []
    for image in images:
        if not isinstance(image, QImage) or image.isNull():
            continue
        grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
        height, stride = grey.height(), grey.bytesPerLine()
        buffer = np.frombuffer(grey.constBits(), dtype=np.uint8, count=stride * height)
        array = buffer.reshape(height, stride)[:, :grey.width()].copy()
        if array.size and int(array.max()) - int(array.min()) >= 8:
            arrays.append(array)
    return arrays


def capture_screens(*, notify: Callable[[str], None] = lambda _text: None,
                    timeout_ms: int | None = None) -> list[np.ndarray]:
    """One grey picture per screen (or one of the whole desktop, from the portal)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        chosen = choose_platform()
        if chosen is not None:
            os.environ["QT_QPA_PLATFORM"] = chosen
        from authenticator.ui.platform.check import x11_problem

        problem = x11_problem()
        if problem:
            raise AuthenticatorError(problem)
        app = QGuiApplication(["authenticator"])
    arrays = usable([s.grabWindow(0).toImage() for s in QGuiApplication.screens()])
    if arrays:
        return arrays
    if sys.platform.startswith("darwin"):
        raise AuthenticatorError(MACOS_PERMISSION)
    if sys.platform.startswith(("win", "cygwin")):
        raise AuthenticatorError(NOT_READABLE)
    notify("note: asking the desktop's screenshot service for a picture of the screen "
           "(it may ask you to allow it; the picture is deleted once read)")
    answer = ask_portal(app, timeout_ms)
    if answer.outcome.value != "success":
        raise AuthenticatorError(PORTAL_TEXT[answer.outcome.value])
    from authenticator.scan.screen import read_picture

    return [read_picture(answer.path)]  # deletes the picture file


def ask_portal(app: object, timeout_ms: int | None) -> Answer:
    from PySide6.QtCore import QEventLoop

    from authenticator.ui.common.portal import (
        REPLY_TIMEOUT_MS,
        Answer,
        Outcome,
        ScreenshotPortal,
    )

    portal = ScreenshotPortal(timeout_ms=timeout_ms or REPLY_TIMEOUT_MS)
    answers: list[Answer] = []
    loop = QEventLoop()

    def finished(answer: Answer) -> None:
        answers.append(answer)
        loop.quit()

    portal.finished.connect(finished)
    portal.request()
    if not answers:
        loop.exec()
    return answers[0] if answers else Answer(Outcome.NO_REPLY)
