"""The Add dialog's screen route: grab every screen, or ask the desktop's portal.

X11, Windows and macOS: our windows step aside, every screen is grabbed and decoded in a
worker. When the grab comes back empty (Wayland: null pixmaps; a black picture), Linux
desktops are asked through ``org.freedesktop.portal.Screenshot`` (non-interactive; after a
cancel or refusal the user may ask for the desktop's interactive tool); on macOS an empty
grab means the screen-recording permission is missing, and we say how to grant it.
Nothing found: the picture is shown on every monitor to drag a box around the QR code.
Esc cancels quietly at any step. The portal's picture file is deleted as soon as it is
read (``scan.screen``); pictures in memory are dropped once no longer needed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QPoint, QRect, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QBoxLayout, QPushButton, QWidget

from authenticator.ui.common.icons import icon
from authenticator.ui.common.portal import Answer, Outcome, ScreenshotPortal, desktop_asks
from authenticator.ui.enroll.region import (
    RegionOverlay,
    RegionSelector,
    Tile,
    screen_geometries,
    split_picture,
)
from authenticator.ui.enroll.sources import grab_screens, is_blank, qimage_to_gray

if TYPE_CHECKING:
    import numpy as np

    from authenticator.scan.pipeline import ScanResult

PortalFactory = Callable[[QObject], ScreenshotPortal]


class ScreenHost(Protocol):
    """What the route needs from the Add dialog."""

    scan_screen_button: QPushButton
    screen_fallback: QWidget

    def show_info(self, text: str) -> None: ...
    def show_error(self, text: str) -> None: ...
    def clear_message(self) -> None: ...
    def scan_job(self, work: Callable[[], list[ScanResult]],
                 on_nothing: Callable[[str], None] | None = None) -> None: ...
    def cancel_jobs(self) -> None: ...
    def scan_pending(self) -> bool: ...
    def window(self) -> QWidget: ...
    def parentWidget(self) -> QWidget | None: ...
    def screen(self) -> Any: ...


def _scan_tiles(grays: Sequence[np.ndarray]) -> list[ScanResult]:
    from authenticator.scan.pipeline import scan_array

    return [scan_array(g) for g in grays]


def _scan_region(gray: np.ndarray, rect: tuple[int, int, int, int]) -> list[ScanResult]:
    import cv2

    from authenticator.scan.pipeline import scan_array

    x, y, w, h = rect
    crop = gray[y : y + h, x : x + w]
    if min(crop.shape) < 8:
        return [scan_array(crop)]
    enlarged = cv2.resize(crop, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC)
    return [scan_array(enlarged)]


def default_portal(parent: QObject) -> ScreenshotPortal:
    return ScreenshotPortal(parent)


class ScreenRoute(QObject):
    """Runs one screen scan at a time for ``host`` (the Add dialog)."""

    def __init__(self, host: ScreenHost, *, grab: Callable[[], list[QImage]] = grab_screens,
                 grab_delay_ms: int = 350, portal: PortalFactory = default_portal,
                 geometries: Callable[[], list[QRect]] = screen_geometries) -> None:
        super().__init__(host)  # type: ignore[arg-type]
        self.host = host
        self._grab = grab
        self._grab_delay_ms = grab_delay_ms
        self._geometries = geometries
        self.platform = sys.platform
        self.portal = portal(self)
        self.portal.finished.connect(self._portal_answered)
        self.tiles: list[Tile] = []
        self.selector: RegionSelector | None = None
        self.busy = False
        self._concealed: list[tuple[QWidget, float, QPoint]] = []
        self._closed = False
        self.tool_button: QPushButton | None = None

    @property
    def overlays(self) -> list[RegionOverlay]:
        return self.selector.overlays if self.selector is not None else []

    def uses_portal(self) -> bool:
        """Whether an empty grab here is worth a question to the desktop's portal."""
        return not self.platform.startswith(("win", "darwin", "cygwin"))

    def intro(self) -> str:
        if QGuiApplication.platformName().startswith("wayland") and self.uses_portal():
            return self.tr(
                "Open the page that shows the QR code, then press Scan screen. On this "
                "desktop the screen is read by the desktop's own screenshot service; it may "
                "first ask you to allow Authenticator to take a screenshot. The picture is "
                "deleted as soon as it has been read.")
        return self.tr("Open the page that shows the QR code, then press Scan screen. "
                       "This window steps aside for a moment while the screen is read.")

    # -- grabbing -------------------------------------------------------------------------
    def _begin(self) -> bool:
        """Start a reading of the screen: False while one is already under way."""
        if self.busy:
            return False
        self.busy = True
        self.host.clear_message()
        self.host.screen_fallback.setVisible(False)
        self.host.scan_screen_button.setEnabled(False)
        return True

    def start(self) -> None:
        if not self._begin():
            return
        self._concealed = []
        if QGuiApplication.platformName().startswith("wayland"):
            # Windows cannot be moved or made transparent there, and the grab is empty
            # anyway: straight to the portal, without the pause.
            QTimer.singleShot(0, self, self._grab_now)
            return
        windows = (self.host.parentWidget(), self.host)
        for widget in {id(w): w for w in windows if w}.values():
            window = widget.window()
            if window.isVisible():
                # Transparent where a compositor runs; also moved off the screens for
                # desktops without one (hiding would end the dialog's exec()).
                self._concealed.append((window, window.windowOpacity(), window.pos()))
                window.setWindowOpacity(0.0)
                window.move(-40000, -40000)
        QTimer.singleShot(self._grab_delay_ms, self, self._grab_now)

    def _restore(self) -> None:
        for window, opacity, position in self._concealed:
            window.move(position)
            window.setWindowOpacity(opacity)
        self._concealed = []

    def _grab_now(self) -> None:
        try:
            images = self._grab() if self.busy else []
        finally:
            self._restore()
        if not self.busy or self._closed:
            return
        geometries = self._geometries()
        tiles: list[Tile] = []
        for index, image in enumerate(images):
            if image.isNull():
                continue
            gray = qimage_to_gray(image)
            if is_blank(gray):
                continue
            geometry = (geometries[index] if index < len(geometries)
                        else QRect(0, 0, image.width(), image.height()))
            tiles.append(Tile(QRect(geometry), gray))
        if tiles:
            grays = [t.gray for t in tiles]
            # The pictures stay only in this job (and in the overlay if nothing is found).
            self.host.scan_job(lambda: _scan_tiles(grays),
                               on_nothing=lambda message: self._not_found(message, tiles))
            self._done()
        elif self.platform.startswith("darwin"):
            self._give_up(self.tr(
                "macOS did not let the app read the screen: Authenticator needs the Screen "
                "Recording permission. Open System Settings, Privacy & Security, Screen & "
                "System Audio Recording, turn on Authenticator, then quit and reopen it. "
                "Or open a screenshot with Open an image."))
        elif self.uses_portal():
            self._ask_portal()
        else:
            self._give_up(self.tr(
                "This desktop did not let the app read the screen. Take a screenshot and "
                "open it with Open an image, or copy the QR code image and paste it here "
                "with Ctrl+V."))

    # -- the portal -----------------------------------------------------------------------
    def _ask_portal(self) -> None:
        text = self.tr("Asking the desktop for a picture of the screen…")
        if desktop_asks():
            text += " " + self.tr("Your desktop will ask whether Authenticator may "
                                       "take a screenshot: allow it to scan the QR code.")
        self.host.show_info(text)
        self.portal.request()

    def ask_interactively(self) -> None:
        """After a cancel or refusal: the desktop's own screenshot tool, where the user
        picks what to share (``interactive``)."""
        if not self._begin():
            return
        self.host.show_info(self.tr(
            "Your desktop's screenshot tool opens: take a picture of the whole screen (or "
            "of the QR code) and confirm it. The picture is deleted as soon as it has been "
            "read."))
        self.portal.interactive = True
        self.portal.request()

    def _offer_tool(self, offer: bool) -> None:
        if self.tool_button is None and offer:
            self.tool_button = QPushButton(icon("screen"),
                                           self.tr("Use the desktop's screenshot tool…"))
            self.tool_button.setAccessibleName(self.tr("Use the desktop's screenshot tool"))
            self.tool_button.clicked.connect(self.ask_interactively)
            layout = self.host.screen_fallback.layout()
            if isinstance(layout, QBoxLayout):
                layout.insertWidget(0, self.tool_button)
        if self.tool_button is not None:
            self.tool_button.setVisible(offer)

    def _portal_answered(self, answer: Answer) -> None:
        if self._closed or not self.busy:
            return
        interactive, self.portal.interactive = self.portal.interactive, False
        self._offer_tool(not interactive and answer.outcome in (Outcome.CANCELLED,
                                                                Outcome.DENIED))
        if answer.outcome is Outcome.SUCCESS:
            self._decode_picture(answer.path)
            return
        if answer.outcome is Outcome.CANCELLED:
            self._done()
            self.host.show_info(self.tr("The screenshot was cancelled. Press Scan screen to "
                                        "try again, or use another way below."))
            self.host.screen_fallback.setVisible(True)
        elif answer.outcome is Outcome.DENIED:
            self._give_up(self.tr(
                "The desktop refused to share a picture of the screen. Allow screenshots "
                "for Authenticator in your desktop's privacy settings, or take a "
                "screenshot yourself and open it with Open an image."))
        elif answer.outcome is Outcome.NO_REPLY:
            self._give_up(self.tr(
                "The desktop's screenshot service did not answer. Try again, or take a "
                "screenshot yourself and open it with Open an image."))
        else:
            self._give_up(self.tr(
                "This desktop did not let the app read the screen and offers no screenshot "
                "service (on Wayland: install xdg-desktop-portal and the backend of your "
                "desktop). Take a screenshot and open it with Open an image, or copy the "
                "QR code image and paste it here with Ctrl+V."))

    def _decode_picture(self, path: str) -> None:
        from authenticator.scan.screen import read_picture

        kept: list[np.ndarray] = []
        geometries = self._geometries()

        def work() -> list[ScanResult]:
            gray = read_picture(path)  # the file is deleted before anything else happens
            kept.append(gray)
            return _scan_tiles([gray])

        def not_found(message: str) -> None:
            self._not_found(message, split_picture(kept[0], geometries) if kept else [])

        self.host.scan_job(work, on_nothing=not_found)
        self._done()

    # -- nothing found: drag a box --------------------------------------------------------
    def _not_found(self, message: str, tiles: list[Tile]) -> None:
        if self._closed or not tiles:
            self.host.show_error(message)
            return
        self.tiles = tiles
        self.host.show_info(self.tr("No QR code was found automatically. Drag a box "
                                         "around it on the screenshot."))
        selector = RegionSelector(self.tiles, self.host)  # type: ignore[arg-type]
        selector.chosen.connect(self._region_chosen)
        selector.cancelled.connect(self._region_cancelled)
        self.selector = selector
        selector.show(focus=self.focused_tile())

    def focused_tile(self) -> int:
        """The tile on the dialog's monitor (where the keyboard focus goes)."""
        screen = self.host.screen()
        here = screen.geometry() if screen is not None else QRect()
        for index, tile in enumerate(self.tiles):
            if tile.geometry == here:
                return index
        return 0

    def _region_chosen(self, index: int, rect: QRect) -> None:
        self.selector = None
        gray = self.tiles[index].gray
        self.tiles = []  # the screenshot shows the key: keep it no longer than needed
        box = (rect.x(), rect.y(), rect.width(), rect.height())
        self.host.scan_job(lambda: _scan_region(gray, box))

    def _region_cancelled(self) -> None:
        self.selector = None
        self.tiles = []
        self.host.clear_message()  # Esc: quiet, no "No QR code found"

    # -- ending ---------------------------------------------------------------------------
    def _give_up(self, text: str) -> None:
        self._done()
        self.host.screen_fallback.setVisible(True)
        self.host.show_error(text)

    def _done(self) -> None:
        self.busy = False
        self.host.scan_screen_button.setEnabled(True)

    def cancel(self) -> bool:
        """Esc during a scan: stop quietly. False when no scan was running."""
        was = self.busy or self.selector is not None or self.host.scan_pending()
        if self.selector is not None:
            self.selector.close()
            self.selector = None
        if self.portal.busy:
            self.portal.cancel()
        if was:
            self.tiles = []
            self.host.cancel_jobs()
            self._restore()
            self._done()
            self.host.clear_message()
        return was

    def shut_down(self) -> None:
        self._closed = True
        if self.selector is not None:
            self.selector.close()
            self.selector = None
        self.portal.abandon()
        self.tiles = []
