"""What the Add dialog is handed (an image file, a pasted image or link, a drop): picked
up on the right route, then decoded in a worker or parsed as links."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

from authenticator.core.errors import AuthenticatorError
from authenticator.ui.common.files import open_file_name
from authenticator.ui.enroll.routes import Route
from authenticator.ui.enroll.scanning import scan_arrays, scan_paths
from authenticator.ui.enroll.sources import (
    Incoming,
    clipboard_incoming,
    parse_links,
    qimage_to_gray,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit, QWidget

    from authenticator.core.account import Account
    from authenticator.core.migration import MigrationBatch
    from authenticator.ui.enroll.scanning import ScanJobs

IMAGE_FILTER = "*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff"


class IntakeHost(Protocol):
    """What the intake needs from the Add dialog."""

    link_edit: QLineEdit
    jobs: ScanJobs

    def on_result_page(self) -> bool: ...
    def start_over(self) -> None: ...
    def current_route(self) -> Route | None: ...
    def show_route(self, route: Route) -> None: ...
    def show_error(self, error: str | AuthenticatorError) -> None: ...
    def clear_message(self) -> None: ...
    def accept_found(self, accounts: list[Account], batches: list[MigrationBatch]) -> None: ...


class Intake(QObject):
    """Open an image, paste, or type a link for ``host``; ``receive`` takes the rest."""

    def __init__(self, host: IntakeHost, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._window = parent

    def open_image(self) -> None:
        path = open_file_name(
            self._window, self.tr("Open an image of the QR code"),
            self.tr("Images ({patterns});;All files (*)").format(patterns=IMAGE_FILTER))
        if path is not None:
            self.receive(Incoming(paths=[str(path)]))

    def paste_from_clipboard(self) -> None:
        incoming = clipboard_incoming(any_text=True)
        if incoming is None:
            self._host.show_error(self.tr("The clipboard holds no image and no link. Copy "
                                          "the QR code image or its otpauth:// link first."))
            return
        self.receive(incoming)

    def use_link(self) -> None:
        text = self._host.link_edit.text().strip()
        if text:
            self.receive(Incoming(text=text))

    def receive(self, incoming: Incoming) -> None:
        """Handle dropped or pasted data (also used to open the dialog pre-filled)."""
        host = self._host
        if host.on_result_page():
            host.start_over()
        host.clear_message()
        if incoming.paths:
            self._select_route_quietly(Route.IMAGE)
            paths = list(incoming.paths)
            host.jobs.scan(lambda: scan_paths(paths))
        elif incoming.image is not None:
            self._select_route_quietly(Route.PASTE)
            gray = qimage_to_gray(incoming.image)
            host.jobs.scan(lambda: scan_arrays([gray]))
        elif incoming.text:
            self._select_route_quietly(Route.PASTE)
            try:
                accounts, batches = parse_links(incoming.text)
            except AuthenticatorError as err:
                host.show_error(err)
                return
            host.link_edit.clear()
            host.accept_found(accounts, batches)

    def _select_route_quietly(self, route: Route) -> None:
        if self._host.current_route() is not route:
            self._host.show_route(route)
